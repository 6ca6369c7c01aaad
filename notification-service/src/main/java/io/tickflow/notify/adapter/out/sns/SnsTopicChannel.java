package io.tickflow.notify.adapter.out.sns;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.notify.delivery.Delivery;
import io.tickflow.notify.delivery.DeliveryChannel;
import io.tickflow.notify.delivery.DeliveryFailure;
import io.tickflow.notify.subscription.Channel;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * Publishes a notification to a subscriber's own SNS topic, with the attributes {@code eventType} (the wrapped
 * event's, so the subscriber's filter policies select as on Tickflow's topics) and {@code schemaVersion}. In AWS the
 * topic's access policy must allow notification-service's role to publish.
 */
public final class SnsTopicChannel implements DeliveryChannel {

    private final SnsClient sns;

    public SnsTopicChannel(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public boolean handles(Channel channel) {
        return channel instanceof Channel.SnsTopic;
    }

    @Override
    public void deliver(Delivery delivery) throws DeliveryFailure {
        Channel.SnsTopic topic = (Channel.SnsTopic) delivery.channel();
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        delivery.notification()
                .messageAttributes()
                .values()
                .forEach((name, value) -> attributes.put(
                        name,
                        MessageAttributeValue.builder()
                                .dataType(value.dataType())
                                .stringValue(value.asString())
                                .build()));
        try {
            sns.publish(r -> r.topicArn(topic.topicArn())
                    .message(ContractJson.mapper().writeValueAsString(delivery.notification()))
                    .messageAttributes(attributes));
        } catch (NotFoundException | AuthorizationErrorException | InvalidParameterException refused) {
            throw new DeliveryFailure(
                    "SNS refused to publish to " + topic.topicArn() + ": "
                            + refused.awsErrorDetails().errorMessage(),
                    false,
                    refused);
        } catch (SnsException | SdkClientException unavailable) {
            throw new DeliveryFailure(
                    "SNS did not take the notification for " + topic.topicArn() + ": " + unavailable.getMessage(),
                    true,
                    unavailable);
        }
    }
}

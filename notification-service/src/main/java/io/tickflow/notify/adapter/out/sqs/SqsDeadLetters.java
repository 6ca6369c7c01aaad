package io.tickflow.notify.adapter.out.sqs;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.notify.delivery.DeadLetters;
import io.tickflow.notify.delivery.Delivery;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Given-up deliveries on {@code tickflow-notifications-dlq}: the whole {@link Delivery} as JSON (so it can be replayed
 * as it was), with {@code rejectionCode} {@code DELIVERY_FAILED}, {@code rejectionReason}, {@code subscriptionId} and
 * {@code deliveryId} attributes for whoever looks at the queue.
 */
public final class SqsDeadLetters implements DeadLetters {

    private final SqsAsyncClient sqs;
    private final Supplier<String> queueUrl;

    public SqsDeadLetters(SqsAsyncClient sqs, Supplier<String> queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(Delivery delivery, String reason) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl.get())
                        .messageBody(ContractJson.mapper().writeValueAsString(delivery))
                        .messageAttributes(Map.of(
                                "rejectionCode", string("DELIVERY_FAILED"),
                                "rejectionReason", string(reason.isEmpty() ? "(no reason)" : reason),
                                "subscriptionId", string(delivery.subscriptionId()),
                                "deliveryId", string(delivery.deliveryId()))))
                .join();
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}

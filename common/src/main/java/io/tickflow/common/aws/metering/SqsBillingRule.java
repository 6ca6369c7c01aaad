package io.tickflow.common.aws.metering;

import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * SQS bills every call as one request per started 64 KiB of the messages it carries: bodies and message attributes (name,
 * type and value), which is what counts towards a message's size. Sending and receiving carry messages; every other
 * call, an empty receive included, is one request.
 */
final class SqsBillingRule implements BillingRule {

    @Override
    public String service() {
        return "Sqs";
    }

    @Override
    public BilledUnits units(SdkRequest request, SdkResponse response) {
        long payload;
        if (request instanceof SendMessageRequest send) {
            payload = PayloadSize.utf8(send.messageBody())
                    + attributes(send.messageAttributes())
                    + systemAttributes(send.messageSystemAttributesAsStrings());
        } else if (request instanceof SendMessageBatchRequest batch) {
            payload = 0;
            for (SendMessageBatchRequestEntry entry : batch.entries()) {
                payload += PayloadSize.utf8(entry.messageBody())
                        + attributes(entry.messageAttributes())
                        + systemAttributes(entry.messageSystemAttributesAsStrings());
            }
        } else if (response instanceof ReceiveMessageResponse received) {
            payload = 0;
            for (Message message : received.messages()) {
                payload += PayloadSize.utf8(message.body()) + attributes(message.messageAttributes());
            }
        } else {
            return BilledUnits.ONE_REQUEST;
        }
        return BilledUnits.requests(PayloadSize.chunks(payload));
    }

    private static long attributes(Map<String, MessageAttributeValue> attributes) {
        long bytes = 0;
        for (Map.Entry<String, MessageAttributeValue> attribute : attributes.entrySet()) {
            MessageAttributeValue value = attribute.getValue();
            bytes += PayloadSize.attribute(
                    attribute.getKey(), value.dataType(), value.stringValue(), value.binaryValue());
        }
        return bytes;
    }

    private static long systemAttributes(Map<String, MessageSystemAttributeValue> attributes) {
        long bytes = 0;
        for (Map.Entry<String, MessageSystemAttributeValue> attribute : attributes.entrySet()) {
            MessageSystemAttributeValue value = attribute.getValue();
            bytes += PayloadSize.attribute(
                    attribute.getKey(), value.dataType(), value.stringValue(), value.binaryValue());
        }
        return bytes;
    }
}

package io.tickflow.common.aws.metering;

import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * SNS bills a publish as one request per started 64 KiB of what it publishes: the messages and their attributes (name,
 * type and value). Every other call is one request. Deliveries to SQS subscribers are not billed to the publisher.
 */
final class SnsBillingRule implements BillingRule {

    @Override
    public String service() {
        return "Sns";
    }

    @Override
    public BilledUnits units(SdkRequest request, SdkResponse response) {
        long payload;
        if (request instanceof PublishRequest publish) {
            payload = PayloadSize.utf8(publish.message())
                    + PayloadSize.utf8(publish.subject())
                    + attributes(publish.messageAttributes());
        } else if (request instanceof PublishBatchRequest batch) {
            payload = 0;
            for (PublishBatchRequestEntry entry : batch.publishBatchRequestEntries()) {
                payload += PayloadSize.utf8(entry.message())
                        + PayloadSize.utf8(entry.subject())
                        + attributes(entry.messageAttributes());
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
}

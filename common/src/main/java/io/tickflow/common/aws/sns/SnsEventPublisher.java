package io.tickflow.common.aws.sns;

import io.tickflow.common.contract.ContractEvent;
import io.tickflow.common.contract.ContractJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Publishes contract events on one topic with PublishBatch: up to ten events per call and at most 256 KiB per call,
 * which is SNS's limit for the whole batch. Every event carries its routing attributes ({@code eventType},
 * {@code schemaVersion} and its subject's keys) so that subscribers filter on them.
 *
 * <p>Spring Cloud AWS's SnsTemplate publishes one message per call; PublishBatch is what keeps the request count, and
 * so the cost, per event low. Every service that announces events publishes through this.
 */
public final class SnsEventPublisher {

    /** SNS's limit for one PublishBatch call, body and attributes of every entry together. */
    static final int MAX_BATCH_BYTES = 256 * 1024;

    /** SNS's limit of entries in one PublishBatch call. */
    static final int MAX_BATCH_ENTRIES = 10;

    private final SnsClient sns;
    private final Supplier<String> topicArn;
    private final int entriesPerCall;

    /**
     * @param sns the client
     * @param topicArn the topic's ARN, resolved once it is first needed ({@link TopicArns})
     * @param entriesPerCall events per PublishBatch call, 1 to 10; fewer only to measure what batching saves
     */
    public SnsEventPublisher(SnsClient sns, Supplier<String> topicArn, int entriesPerCall) {
        if (entriesPerCall < 1 || entriesPerCall > MAX_BATCH_ENTRIES) {
            throw new IllegalArgumentException("entriesPerCall is 1.." + MAX_BATCH_ENTRIES + ": " + entriesPerCall);
        }
        this.sns = sns;
        this.topicArn = topicArn;
        this.entriesPerCall = entriesPerCall;
    }

    /**
     * Publishes every event, or throws: when this returns, each of them has been accepted by the topic. A failure may
     * leave some published and others not; the caller publishes the same events again, which subscribers recognise by
     * their event ids.
     */
    public void publish(List<? extends ContractEvent> events) {
        List<PublishBatchRequestEntry> batch = new ArrayList<>();
        int batchBytes = 0;
        for (ContractEvent event : events) {
            PublishBatchRequestEntry entry = entry(event);
            int bytes = sizeOf(entry);
            if (bytes > MAX_BATCH_BYTES) {
                throw new IllegalStateException("A " + event.contract().schemaName() + " event of " + bytes
                        + " bytes is larger than SNS takes (" + MAX_BATCH_BYTES + ")");
            }
            if (batch.size() == entriesPerCall || batchBytes + bytes > MAX_BATCH_BYTES) {
                send(batch);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            // Entry ids need only be unique within one call.
            batch.add(entry.toBuilder().id(Integer.toString(batch.size())).build());
            batchBytes += bytes;
        }
        if (!batch.isEmpty()) {
            send(batch);
        }
    }

    private void send(List<PublishBatchRequestEntry> batch) {
        PublishBatchResponse response =
                sns.publishBatch(r -> r.topicArn(topicArn.get()).publishBatchRequestEntries(batch));
        if (!response.failed().isEmpty()) {
            // The caller acknowledges nothing, so the events are published again: subscribers de-duplicate on event id.
            throw new IllegalStateException("SNS refused " + response.failed().size() + " of " + batch.size()
                    + " events: " + response.failed().getFirst().code() + " "
                    + response.failed().getFirst().message());
        }
    }

    private static PublishBatchRequestEntry entry(ContractEvent event) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        event.messageAttributes()
                .values()
                .forEach((name, value) -> attributes.put(
                        name,
                        MessageAttributeValue.builder()
                                .dataType(value.dataType())
                                .stringValue(value.asString())
                                .build()));
        return PublishBatchRequestEntry.builder()
                .message(ContractJson.mapper().writeValueAsString(event))
                .messageAttributes(attributes)
                .build();
    }

    private static int sizeOf(PublishBatchRequestEntry entry) {
        int bytes = entry.message().getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttributeValue> attribute :
                entry.messageAttributes().entrySet()) {
            bytes += attribute.getKey().length()
                    + attribute.getValue().dataType().length()
                    + attribute.getValue().stringValue().length();
        }
        return bytes;
    }
}

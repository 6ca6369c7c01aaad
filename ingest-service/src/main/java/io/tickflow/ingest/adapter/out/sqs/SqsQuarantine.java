package io.tickflow.ingest.adapter.out.sqs;

import io.tickflow.common.contract.ingest.TickRejected;
import io.tickflow.ingest.flow.Quarantine;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Moves an unreadable message to the ingest DLQ at once, as it was received, with the reason as message attributes
 * ({@code rejectionCode}, {@code rejectionReason}, {@code sourceMessageId}), where an operator sees it beside messages
 * that failed for other reasons. Its full record is under {@code rejected/} in S3 as well.
 */
public final class SqsQuarantine implements Quarantine {

    /** SQS refuses an empty body; an absent one is kept as this marker. */
    static final String EMPTY_BODY = "(empty message body)";

    private final SqsAsyncClient sqs;
    private final String deadLetterQueue;

    /**
     * @param sqs the client
     * @param deadLetterQueue the ingest DLQ's name
     */
    public SqsQuarantine(SqsAsyncClient sqs, String deadLetterQueue) {
        this.sqs = sqs;
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public void quarantine(String messageId, @Nullable String body, TickRejected reason) {
        String url = sqs.getQueueUrl(r -> r.queueName(deadLetterQueue)).join().queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url)
                        .messageBody(body == null || body.isEmpty() ? EMPTY_BODY : body)
                        .messageAttributes(Map.of(
                                "rejectionCode", text(reason.reasonCode()),
                                "rejectionReason", text(reason.reason()),
                                "sourceMessageId", text(messageId))))
                .join();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}

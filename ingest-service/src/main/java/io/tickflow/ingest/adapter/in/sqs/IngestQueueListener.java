package io.tickflow.ingest.adapter.in.sqs;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickflow.ingest.flow.IngestMessage;
import io.tickflow.ingest.flow.IngestOutcome;
import io.tickflow.ingest.flow.TickIngestion;
import java.util.List;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Reads the ingest queue in batches of up to ten messages and ingests each batch as one unit.
 *
 * <p>Nothing is caught here: when ingestion throws (S3, SNS or DynamoDB unavailable), the batch is not acknowledged,
 * comes back after the visibility timeout, and after the redrive limit lands in the ingest DLQ. Bad input never
 * throws; it is recorded by ingestion as a rejection.
 */
@Component
class IngestQueueListener {

    private final TickIngestion ingestion;
    private final MeterRegistry meters;

    IngestQueueListener(TickIngestion ingestion, MeterRegistry meters) {
        this.ingestion = ingestion;
        this.meters = meters;
    }

    @SqsListener(
            queueNames = "${tickflow.ingest.queue}",
            maxMessagesPerPoll = "10",
            maxConcurrentMessages = "${tickflow.ingest.max-concurrent-messages}",
            pollTimeoutSeconds = "10")
    void onMessages(List<Message<String>> messages) {
        IngestOutcome outcome = ingestion.ingest(messages.stream()
                .map(m -> new IngestMessage(messageId(m), m.getPayload()))
                .toList());
        meters.counter("tickflow.ingest.messages").increment(outcome.messages());
        meters.counter("tickflow.ingest.ticks", "outcome", "accepted").increment(outcome.acceptedTicks());
        meters.counter("tickflow.ingest.ticks", "outcome", "duplicate").increment(outcome.duplicateTicks());
        meters.counter("tickflow.ingest.ticks", "outcome", "rejected").increment(outcome.rejectedTicks());
        meters.counter("tickflow.ingest.messages.quarantined").increment(outcome.quarantinedMessages());
        meters.counter("tickflow.ingest.events.published").increment(outcome.events());
    }

    /** The SQS message id, which rejections record so that a person can find the message. */
    private static String messageId(Message<String> message) {
        software.amazon.awssdk.services.sqs.model.Message source = message.getHeaders()
                .get(SqsHeaders.SQS_SOURCE_DATA_HEADER, software.amazon.awssdk.services.sqs.model.Message.class);
        if (source == null) {
            throw new IllegalStateException("Spring Cloud AWS gave a message without its SQS source data");
        }
        return source.messageId();
    }
}

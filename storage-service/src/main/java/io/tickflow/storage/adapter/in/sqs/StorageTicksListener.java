package io.tickflow.storage.adapter.in.sqs;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tickflow.storage.flow.IncomingMessage;
import io.tickflow.storage.flow.TickStorage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Reads storage-ticks in batches of up to ten messages, in MANUAL acknowledgement mode: a message is deleted only by
 * the lake flush that wrote its ticks (or at once when it is quarantined), never when this method returns.
 *
 * <p>Nothing is caught here. When candles or prices cannot be written the exception propagates, nothing of the batch
 * is buffered, and the messages come back after their visibility timeout. While the lake buffer is full this method
 * waits, and holding the container's permits it stops the polling: that is the backpressure.
 */
@Component
class StorageTicksListener {

    private final TickStorage storage;
    private final MeterRegistry meters;
    private final Clock clock;

    StorageTicksListener(TickStorage storage, MeterRegistry meters, Clock clock) {
        this.storage = storage;
        this.meters = meters;
        this.clock = clock;
    }

    @SqsListener(
            queueNames = "${tickflow.storage.queue}",
            acknowledgementMode = "MANUAL",
            maxMessagesPerPoll = "10",
            maxConcurrentMessages = "${tickflow.storage.max-concurrent-messages}",
            pollTimeoutSeconds = "10")
    void onMessages(List<Message<String>> messages) throws InterruptedException {
        Instant received = clock.instant();
        for (Message<String> message : messages) {
            Instant enqueued = enqueued(message);
            if (enqueued != null) {
                delay("queue").record(Duration.between(enqueued, received));
            }
        }
        TickStorage.Outcome outcome = storage.receive(
                messages.stream().map(StorageTicksListener::incoming).toList());
        Instant done = clock.instant();
        delay("processing").record(Duration.between(received, done));
        for (Instant accepted : outcome.accepted()) {
            delay("accepted-to-stored").record(Duration.between(accepted, done));
        }
        meters.counter("tickflow.storage.events").increment(outcome.events());
        meters.counter("tickflow.storage.messages.quarantined").increment(outcome.quarantined());
        meters.counter("tickflow.storage.ticks.buffered").increment(outcome.ticks());
        meters.counter("tickflow.storage.candles.closed")
                .increment(outcome.state().candlesClosed());
    }

    /**
     * The delays of the path from ingest-service to the candles, by stage: {@code queue} (from SNS putting the message
     * on storage-ticks to this listener getting it), {@code processing} (this method, candles, prices and lake buffer)
     * and {@code accepted-to-stored} (from ingest-service accepting the ticks to here). They say where a slow candle
     * waited.
     */
    private Timer delay(String stage) {
        return Timer.builder("tickflow.storage.delay")
                .tag("stage", stage)
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    private static @Nullable Instant enqueued(Message<String> message) {
        software.amazon.awssdk.services.sqs.model.Message source = message.getHeaders()
                .get(SqsHeaders.SQS_SOURCE_DATA_HEADER, software.amazon.awssdk.services.sqs.model.Message.class);
        String sent = source == null ? null : source.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        return sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent));
    }

    private static IncomingMessage incoming(Message<String> message) {
        software.amazon.awssdk.services.sqs.model.Message source = message.getHeaders()
                .get(SqsHeaders.SQS_SOURCE_DATA_HEADER, software.amazon.awssdk.services.sqs.model.Message.class);
        if (source == null) {
            throw new IllegalStateException("Spring Cloud AWS gave a message without its SQS source data");
        }
        return new IncomingMessage(source.messageId(), source.receiptHandle(), message.getPayload());
    }
}

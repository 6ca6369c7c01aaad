package io.tickflow.storage.adapter.in.sqs;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickflow.storage.flow.IncomingMessage;
import io.tickflow.storage.flow.TickStorage;
import java.util.List;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

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

    StorageTicksListener(TickStorage storage, MeterRegistry meters) {
        this.storage = storage;
        this.meters = meters;
    }

    @SqsListener(
            queueNames = "${tickflow.storage.queue}",
            acknowledgementMode = "MANUAL",
            maxMessagesPerPoll = "10",
            maxConcurrentMessages = "${tickflow.storage.max-concurrent-messages}",
            pollTimeoutSeconds = "10")
    void onMessages(List<Message<String>> messages) throws InterruptedException {
        TickStorage.Outcome outcome = storage.receive(
                messages.stream().map(StorageTicksListener::incoming).toList());
        meters.counter("tickflow.storage.events").increment(outcome.events());
        meters.counter("tickflow.storage.messages.quarantined").increment(outcome.quarantined());
        meters.counter("tickflow.storage.ticks.buffered").increment(outcome.ticks());
        meters.counter("tickflow.storage.candles.closed")
                .increment(outcome.state().candlesClosed());
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

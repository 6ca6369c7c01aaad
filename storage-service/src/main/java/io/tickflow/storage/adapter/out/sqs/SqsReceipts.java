package io.tickflow.storage.adapter.out.sqs;

import io.tickflow.storage.flow.IncomingMessage;
import io.tickflow.storage.flow.Quarantine;
import io.tickflow.storage.flow.Receipts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Settles storage-ticks messages by receipt handle, ten per call: ChangeMessageVisibilityBatch for the heartbeat,
 * DeleteMessageBatch once their ticks are durable. The listener runs in Spring Cloud AWS's MANUAL acknowledgement mode
 * and leaves both to this. Messages no retry could store are moved to the dead-letter queue at once, with
 * {@code rejectionCode}, {@code rejectionReason} and {@code sourceMessageId} attributes.
 */
public final class SqsReceipts implements Receipts, Quarantine {

    /** SQS calls a heartbeat or an acknowledgement has in flight at once. */
    private static final int CALLS_AT_ONCE = 8;

    private final SqsAsyncClient sqs;
    private final Supplier<String> queueUrl;
    private final Supplier<String> deadLetterQueueUrl;

    public SqsReceipts(SqsAsyncClient sqs, Supplier<String> queueUrl, Supplier<String> deadLetterQueueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    public void extend(Collection<String> receipts, Duration visibility) {
        int seconds = (int) Math.min(visibility.toSeconds(), 43_200);
        inWaves(receipts, chunk -> {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(chunk.get(i))
                        .visibilityTimeout(seconds)
                        .build());
            }
            return sqs.changeMessageVisibilityBatch(
                            r -> r.queueUrl(queueUrl.get()).entries(entries))
                    .thenAccept(response -> failIfAny(response.failed(), "extend the visibility of"));
        });
    }

    @Override
    public void acknowledge(Collection<String> receipts) {
        inWaves(receipts, chunk -> {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(chunk.get(i))
                        .build());
            }
            return sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl.get()).entries(entries))
                    .thenAccept(response -> failIfAny(response.failed(), "delete"));
        });
    }

    /**
     * Sends the calls for ten receipts each, {@link #CALLS_AT_ONCE} at a time. The client is the listener's too: a
     * heartbeat or a flush of a full buffer (hundreds of messages) sent all at once would take every connection, and
     * the polls for new messages would wait behind it.
     */
    private void inWaves(Collection<String> receipts, Function<List<String>, CompletableFuture<?>> call) {
        List<List<String>> chunks = chunks(receipts);
        // Every wave is sent even when an earlier one failed (its messages come back, the others need not); the first
        // failure is thrown at the end, with the later ones attached.
        RuntimeException failure = null;
        for (int from = 0; from < chunks.size(); from += CALLS_AT_ONCE) {
            try {
                CompletableFuture.allOf(chunks.subList(from, Math.min(chunks.size(), from + CALLS_AT_ONCE)).stream()
                                .map(call)
                                .toArray(CompletableFuture[]::new))
                        .join();
            } catch (RuntimeException failed) {
                if (failure == null) {
                    failure = failed;
                } else {
                    failure.addSuppressed(failed);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void quarantine(IncomingMessage message, String code, String reason) {
        sqs.sendMessage(r -> r.queueUrl(deadLetterQueueUrl.get())
                        .messageBody(message.body().isEmpty() ? "(empty message body)" : message.body())
                        .messageAttributes(Map.of(
                                "rejectionCode", text(code),
                                "rejectionReason", text(reason),
                                "sourceMessageId", text(message.messageId()))))
                .join();
        acknowledge(List.of(message.receipt()));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    private static void failIfAny(List<BatchResultErrorEntry> failed, String what) {
        // An expired receipt handle means the message is visible again and will be processed again: at-least-once.
        List<BatchResultErrorEntry> real = failed.stream()
                .filter(f -> !"ReceiptHandleIsInvalid".equals(f.code()))
                .toList();
        if (!real.isEmpty()) {
            throw new IllegalStateException("SQS could not " + what + " " + real.size() + " messages: "
                    + real.getFirst().code() + " " + real.getFirst().message());
        }
    }

    private static List<List<String>> chunks(Collection<String> all) {
        List<String> list = List.copyOf(all);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += 10) {
            chunks.add(list.subList(i, Math.min(list.size(), i + 10)));
        }
        return chunks;
    }
}

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
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (List<String> chunk : chunks(receipts)) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(chunk.get(i))
                        .visibilityTimeout(seconds)
                        .build());
            }
            calls.add(sqs.changeMessageVisibilityBatch(
                            r -> r.queueUrl(queueUrl.get()).entries(entries))
                    .thenAccept(response -> failIfAny(response.failed(), "extend the visibility of")));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void acknowledge(Collection<String> receipts) {
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (List<String> chunk : chunks(receipts)) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(chunk.get(i))
                        .build());
            }
            calls.add(sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl.get()).entries(entries))
                    .thenAccept(response -> failIfAny(response.failed(), "delete")));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
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

package io.tickflow.bench.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Fills the ingest queue with a backlog before the service starts, with SendMessageBatch from several threads: up to
 * ten messages and 256 KiB per call, as a producer that batches would.
 */
final class Backlog {

    /** SendMessageBatch's limits: entries, and bytes of all bodies together. */
    private static final int MAX_ENTRIES = 10;

    private static final int MAX_BATCH_BYTES = 256 * 1024;

    /**
     * What was sent.
     *
     * @param messages ingest messages
     * @param ticks ticks in them
     * @param bodyBytes UTF-8 bytes of all bodies
     * @param elapsed how long sending took
     */
    record Sent(long messages, long ticks, long bodyBytes, Duration elapsed) {}

    private Backlog() {}

    /**
     * Sends ticks {@code first} to {@code first + ticks - 1} in messages of {@code ticksPerMessage}.
     *
     * @return once SQS has accepted all of them
     */
    static Sent send(
            SqsClient sqs,
            String queueUrl,
            TradeBatches trades,
            long first,
            long ticks,
            int ticksPerMessage,
            int threads) {
        long started = System.nanoTime();
        long messages = (ticks + ticksPerMessage - 1) / ticksPerMessage;
        AtomicLong next = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    List<SendMessageBatchRequestEntry> batch = new ArrayList<>(MAX_ENTRIES);
                    int batchBytes = 0;
                    for (long m = next.getAndIncrement(); m < messages; m = next.getAndIncrement()) {
                        long from = first + m * ticksPerMessage;
                        int count = (int) Math.min(ticksPerMessage, first + ticks - from);
                        String body = trades.message(from, count);
                        int size = body.getBytes(StandardCharsets.UTF_8).length;
                        bytes.addAndGet(size);
                        if (!batch.isEmpty() && (batch.size() == MAX_ENTRIES || batchBytes + size > MAX_BATCH_BYTES)) {
                            sendAll(sqs, queueUrl, batch);
                            batch = new ArrayList<>(MAX_ENTRIES);
                            batchBytes = 0;
                        }
                        batch.add(SendMessageBatchRequestEntry.builder()
                                .id(Integer.toString(batch.size()))
                                .messageBody(body)
                                .build());
                        batchBytes += size;
                    }
                    if (!batch.isEmpty()) {
                        sendAll(sqs, queueUrl, batch);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Sending the backlog failed", e);
        }
        return new Sent(messages, ticks, bytes.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Sends a batch, and again the entries SQS refused, a few times at most. */
    private static void sendAll(SqsClient sqs, String queueUrl, List<SendMessageBatchRequestEntry> batch) {
        List<SendMessageBatchRequestEntry> pending = batch;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<SendMessageBatchRequestEntry> entries = pending;
            SendMessageBatchResponse response =
                    sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            if (response.failed().isEmpty()) {
                return;
            }
            if (attempt == 5) {
                BatchResultErrorEntry first = response.failed().getFirst();
                throw new IllegalStateException("SQS refused "
                        + response.failed().size() + " messages: " + first.code() + " " + first.message());
            }
            List<String> failed =
                    response.failed().stream().map(BatchResultErrorEntry::id).toList();
            pending = entries.stream().filter(e -> failed.contains(e.id())).toList();
        }
    }
}

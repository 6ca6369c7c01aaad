package io.tickflow.analysis.adapter.out.trials;

import io.tickflow.analysis.study.JobStore;
import io.tickflow.analysis.study.StudyFailure;
import io.tickflow.analysis.study.TrialBatch;
import io.tickflow.analysis.study.TrialBatches;
import io.tickflow.analysis.study.TrialResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Trial batches through the trials queue, results through the trials table.
 *
 * <p>The coordinating worker sends each batch whose results are not stored yet, then reads the table until every
 * result is there. Whichever worker takes a batch stores its results under (job id, batch id) and only then deletes
 * the message; a worker that dies mid-batch leaves the message to reappear after its visibility timeout. A batch id is
 * the same when a resumed study asks for the same sets again, so stored results are never computed twice.
 */
public final class QueuedTrialBatches implements TrialBatches {

    private static final int MAX_KEYS_PER_BATCH_GET = 100;
    private static final int MAX_ENTRIES_PER_SEND = 10;

    private final SqsAsyncClient sqs;
    private final Supplier<String> queueUrl;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final JobStore jobs;
    private final Clock clock;
    private final Settings settings;

    /**
     * How long to wait, and how often to look.
     *
     * @param pollInterval how often the table is read for outstanding results
     * @param cancelCheckInterval how often the job is checked for a cancellation while waiting
     * @param maxWait how long a batch may stay without a result before the study gives up (its request is retried)
     * @param resultTtl how long results are kept after they are stored
     */
    public record Settings(Duration pollInterval, Duration cancelCheckInterval, Duration maxWait, Duration resultTtl) {}

    public QueuedTrialBatches(
            SqsAsyncClient sqs,
            Supplier<String> queueUrl,
            DynamoDbClient dynamoDb,
            String table,
            JobStore jobs,
            Clock clock,
            Settings settings) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.jobs = jobs;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public List<List<TrialResult>> evaluate(List<TrialBatch> batches) {
        Map<String, TrialBatch> outstanding = new LinkedHashMap<>();
        batches.forEach(batch -> outstanding.put(batch.batchId(), batch));
        Map<String, List<TrialResult>> results = new HashMap<>();
        collect(outstanding, results);
        send(List.copyOf(outstanding.values()));
        Instant deadline = clock.instant().plus(settings.maxWait());
        Instant nextCancelCheck = clock.instant().plus(settings.cancelCheckInterval());
        while (!outstanding.isEmpty()) {
            sleep(settings.pollInterval());
            collect(outstanding, results);
            Instant now = clock.instant();
            if (!outstanding.isEmpty() && !now.isBefore(nextCancelCheck)) {
                nextCancelCheck = now.plus(settings.cancelCheckInterval());
                String jobId = batches.getFirst().jobId();
                if (jobs.cancelRequested(jobId)) {
                    throw new StudyFailure("CANCELLED", "The study was cancelled before it finished.");
                }
            }
            if (now.isAfter(deadline)) {
                throw new IllegalStateException(outstanding.size() + " trial batches of "
                        + batches.getFirst().jobId() + " got no result within " + settings.maxWait()
                        + "; are the analysis workers running?");
            }
        }
        return batches.stream().map(batch -> results.get(batch.batchId())).toList();
    }

    @Override
    public void complete(TrialBatch batch, List<TrialResult> results) {
        long expiresAt = clock.instant().plus(settings.resultTtl()).getEpochSecond();
        dynamoDb.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "jobId", AttributeValue.fromS(batch.jobId()),
                        "batchId", AttributeValue.fromS(batch.batchId()),
                        "results", AttributeValue.fromS(TrialJson.writeResults(results)),
                        "expiresAt", AttributeValue.fromN(Long.toString(expiresAt)))));
    }

    private void send(List<TrialBatch> batches) {
        for (int from = 0; from < batches.size(); from += MAX_ENTRIES_PER_SEND) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (TrialBatch batch : batches.subList(from, Math.min(batches.size(), from + MAX_ENTRIES_PER_SEND))) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(entries.size()))
                        .messageBody(TrialJson.write(batch))
                        .build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(
                            r -> r.queueUrl(queueUrl.get()).entries(entries))
                    .join();
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException(
                        "SQS refused " + response.failed().size() + " trial batches: "
                                + response.failed().getFirst().message());
            }
        }
    }

    // Reads the results of outstanding batches that are stored, moving them from outstanding to results. Keys the
    // table did not get to (unprocessed) stay outstanding and are read on the next poll.
    private void collect(Map<String, TrialBatch> outstanding, Map<String, List<TrialResult>> results) {
        List<TrialBatch> pending = List.copyOf(outstanding.values());
        for (int from = 0; from < pending.size(); from += MAX_KEYS_PER_BATCH_GET) {
            List<Map<String, AttributeValue>> keys =
                    pending.subList(from, Math.min(pending.size(), from + MAX_KEYS_PER_BATCH_GET)).stream()
                            .map(batch -> Map.of(
                                    "jobId", AttributeValue.fromS(batch.jobId()),
                                    "batchId", AttributeValue.fromS(batch.batchId())))
                            .toList();
            BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(Map.of(
                    table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                String batchId = item.get("batchId").s();
                if (outstanding.remove(batchId) != null) {
                    results.put(
                            batchId, TrialJson.readResults(item.get("results").s()));
                }
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for trial results", interrupted);
        }
    }
}

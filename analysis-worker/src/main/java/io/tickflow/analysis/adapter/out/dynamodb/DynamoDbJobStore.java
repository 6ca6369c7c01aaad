package io.tickflow.analysis.adapter.out.dynamodb;

import io.tickflow.analysis.study.JobStore;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.analysis.AnalysisEvent;
import io.tickflow.common.contract.analysis.AnalysisFailed;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps analysis jobs in the jobs table. A job is created once, conditionally, so that two deliveries of a request
 * share one job; it moves from {@code RUNNING} (or {@code CANCELLING}) to {@code COMPLETED}, {@code FAILED} or
 * {@code CANCELLED} exactly once, and the first outcome recorded is the one every later delivery announces.
 */
public final class DynamoDbJobStore implements JobStore {

    static final String RUNNING = "RUNNING";
    static final String CANCELLING = "CANCELLING";

    private static final JsonMapper JSON = ContractJson.mapper();

    private final DynamoDbTable<JobItem> table;
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoDbJobStore(DynamoDbEnhancedClient enhanced, DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.table = enhanced.table(tableName, TableSchema.fromBean(JobItem.class));
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public Job begin(String jobId, AnalysisRequest request) {
        JobItem item = new JobItem();
        item.setJobId(jobId);
        item.setSymbol(request.symbol());
        item.setVenue(request.venue());
        item.setStrategy(request.strategy());
        item.setCreatedAt(clock.instant().toString());
        item.setUpdatedAt(item.getCreatedAt());
        item.setStatus(RUNNING);
        item.setRequest(JSON.writeValueAsString(request));
        try {
            table.putItem(r -> r.item(item)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_not_exists(jobId)")
                            .build()));
            return new Job(jobId, null);
        } catch (ConditionalCheckFailedException exists) {
            JobItem stored = get(jobId).orElseThrow(() -> exists);
            return new Job(jobId, outcome(stored));
        }
    }

    @Override
    public Optional<AnalysisRequest> request(String jobId) {
        return get(jobId)
                .filter(item -> outcome(item) == null && !CANCELLING.equals(item.getStatus()))
                .map(item -> JSON.readValue(item.getRequest(), AnalysisRequest.class));
    }

    @Override
    public void progress(String jobId, int completedTrials, int totalTrials, @Nullable BigDecimal best) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":done", AttributeValue.fromN(Integer.toString(completedTrials)),
                ":total", AttributeValue.fromN(Integer.toString(totalTrials)),
                ":now", AttributeValue.fromS(clock.instant().toString()),
                ":running", AttributeValue.fromS(RUNNING),
                ":cancelling", AttributeValue.fromS(CANCELLING)));
        String update = "SET completedTrials = :done, totalTrials = :total, updatedAt = :now";
        if (best != null) {
            values.put(":best", AttributeValue.fromS(best.toPlainString()));
            update += ", bestObjectiveValue = :best";
        }
        String expression = update;
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(key(jobId))
                    .updateExpression(expression)
                    .conditionExpression("#status IN (:running, :cancelling)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException finished) {
            // Progress of a job that has already ended is history; the outcome stands.
        }
    }

    @Override
    public boolean cancelRequested(String jobId) {
        return get(jobId).map(item -> CANCELLING.equals(item.getStatus())).orElse(false);
    }

    @Override
    public boolean requestCancel(String jobId) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(key(jobId))
                    .updateExpression("SET #status = :cancelling, updatedAt = :now")
                    .conditionExpression("#status = :running")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":cancelling", AttributeValue.fromS(CANCELLING),
                            ":running", AttributeValue.fromS(RUNNING),
                            ":now", AttributeValue.fromS(clock.instant().toString()))));
            return true;
        } catch (ConditionalCheckFailedException notRunning) {
            return false;
        }
    }

    @Override
    public AnalysisEvent finish(String jobId, AnalysisEvent outcome) {
        String status =
                switch (outcome) {
                    case AnalysisFailed failed when failed.reasonCode().equals("CANCELLED") -> "CANCELLED";
                    case AnalysisFailed failed -> "FAILED";
                    default -> "COMPLETED";
                };
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(key(jobId))
                    .updateExpression("SET #status = :status, outcome = :outcome, updatedAt = :now")
                    .conditionExpression("#status IN (:running, :cancelling)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":status", AttributeValue.fromS(status),
                            ":outcome", AttributeValue.fromS(JSON.writeValueAsString(outcome)),
                            ":now", AttributeValue.fromS(clock.instant().toString()),
                            ":running", AttributeValue.fromS(RUNNING),
                            ":cancelling", AttributeValue.fromS(CANCELLING))));
            return outcome;
        } catch (ConditionalCheckFailedException alreadyFinished) {
            AnalysisEvent first = get(jobId).map(DynamoDbJobStore::outcome).orElse(null);
            if (first == null) {
                throw alreadyFinished;
            }
            return first;
        }
    }

    private Optional<JobItem> get(String jobId) {
        return Optional.ofNullable(table.getItem(
                r -> r.key(Key.builder().partitionValue(jobId).build()).consistentRead(true)));
    }

    private static @Nullable AnalysisEvent outcome(JobItem item) {
        return item.getOutcome() == null ? null : JSON.readValue(item.getOutcome(), AnalysisEvent.class);
    }

    private static Map<String, AttributeValue> key(String jobId) {
        return Map.of("jobId", AttributeValue.fromS(jobId));
    }
}

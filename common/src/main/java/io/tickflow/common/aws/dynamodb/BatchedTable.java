package io.tickflow.common.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One table read and written with BatchGetItem (100 keys a call) and BatchWriteItem (25 items a call), asking again
 * for what DynamoDB left unprocessed (throttling); the SDK's retry policy spaces the calls. For items that are a few
 * attributes with no model to map, where the enhanced client would only wrap these calls.
 */
public final class BatchedTable {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public BatchedTable(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * The items of {@code keys} that exist, read consistently.
     *
     * @param projection the attributes to read, or {@code null} for all
     */
    public List<Map<String, AttributeValue>> get(List<Map<String, AttributeValue>> keys, @Nullable String projection) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            KeysAndAttributes.Builder wanted = KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + 100)))
                    .consistentRead(true);
            if (projection != null) {
                wanted.projectionExpression(projection);
            }
            Map<String, KeysAndAttributes> request = Map.of(table, wanted.build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> next = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(next));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.unprocessedKeys();
            }
        }
        return found;
    }

    /** Puts every item, replacing items of the same keys. */
    public void put(List<Map<String, AttributeValue>> items) {
        List<WriteRequest> writes = items.stream()
                .map(item -> WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build())
                .toList();
        for (int from = 0; from < writes.size(); from += 25) {
            Map<String, List<WriteRequest>> request =
                    Map.of(table, writes.subList(from, Math.min(writes.size(), from + 25)));
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> next = request;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(next));
                request = response.unprocessedItems();
            }
        }
    }
}

package io.tickflow.ingest.adapter.out.dynamodb;

import io.tickflow.ingest.flow.PublishedBatches;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Published-batch fingerprints in the ingest-dedup table: key {@code id} = {@code batch#<fingerprint>}, expiring
 * through the table's TTL attribute {@code expiresAt} once no redelivery or replay can bring the batch back.
 *
 * <p>The items are two attributes with no model to map, so this uses the plain client's batch calls, which the
 * enhanced client would only wrap: BatchGetItem reads 100 keys a call, BatchWriteItem writes 25.
 */
public final class DynamoDbPublishedBatches implements PublishedBatches {

    private static final String KEY = "id";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String PREFIX = "batch#";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration ttl;
    private final Clock clock;

    public DynamoDbPublishedBatches(DynamoDbClient dynamoDb, String table, Duration ttl, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Set<String> publishedAmong(Collection<String> fingerprints) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(fingerprints), 100)) {
            List<Map<String, AttributeValue>> keys = chunk.stream()
                    .map(f -> Map.of(KEY, AttributeValue.fromS(PREFIX + f)))
                    .toList();
            Map<String, KeysAndAttributes> request = Map.of(
                    table,
                    KeysAndAttributes.builder()
                            .keys(keys)
                            .consistentRead(true)
                            .projectionExpression(KEY)
                            .build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> next = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(next));
                response.responses()
                        .getOrDefault(table, List.of())
                        .forEach(item -> found.add(item.get(KEY).s().substring(PREFIX.length())));
                // Unprocessed keys (throttling) are asked again; the SDK's retry policy spaces the calls.
                request = response.unprocessedKeys();
            }
        }
        return found;
    }

    @Override
    public void remember(Collection<String> fingerprints) {
        String expiresAt = Long.toString(clock.instant().plus(ttl).getEpochSecond());
        for (List<String> chunk : chunks(List.copyOf(fingerprints), 25)) {
            List<WriteRequest> writes = chunk.stream()
                    .map(f -> WriteRequest.builder()
                            .putRequest(PutRequest.builder()
                                    .item(Map.of(
                                            KEY, AttributeValue.fromS(PREFIX + f),
                                            EXPIRES_AT, AttributeValue.fromN(expiresAt)))
                                    .build())
                            .build())
                    .toList();
            Map<String, List<WriteRequest>> request = Map.of(table, writes);
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> next = request;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(next));
                request = response.unprocessedItems();
            }
        }
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }
}

package io.tickflow.ingest.adapter.out.dynamodb;

import io.tickflow.common.aws.dynamodb.BatchedTable;
import io.tickflow.ingest.flow.PublishedBatches;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Published-batch fingerprints in the ingest-dedup table: key {@code id} = {@code batch#<fingerprint>}, expiring
 * through the table's TTL attribute {@code expiresAt} once no redelivery or replay can bring the batch back.
 *
 * <p>The items are two attributes with no model to map, so this uses the plain client's batch calls ({@link
 * BatchedTable}), which the enhanced client would only wrap.
 */
public final class DynamoDbPublishedBatches implements PublishedBatches {

    private static final String KEY = "id";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String PREFIX = "batch#";

    private final BatchedTable table;
    private final Duration ttl;
    private final Clock clock;

    public DynamoDbPublishedBatches(DynamoDbClient dynamoDb, String table, Duration ttl, Clock clock) {
        this.table = new BatchedTable(dynamoDb, table);
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Set<String> publishedAmong(Collection<String> fingerprints) {
        List<Map<String, AttributeValue>> keys = fingerprints.stream()
                .map(f -> Map.of(KEY, AttributeValue.fromS(PREFIX + f)))
                .toList();
        Set<String> found = new HashSet<>();
        table.get(keys, KEY).forEach(item -> found.add(item.get(KEY).s().substring(PREFIX.length())));
        return found;
    }

    @Override
    public void remember(Collection<String> fingerprints) {
        AttributeValue expiresAt =
                AttributeValue.fromN(Long.toString(clock.instant().plus(ttl).getEpochSecond()));
        table.put(fingerprints.stream()
                .map(f -> Map.of(KEY, AttributeValue.fromS(PREFIX + f), EXPIRES_AT, expiresAt))
                .toList());
    }
}

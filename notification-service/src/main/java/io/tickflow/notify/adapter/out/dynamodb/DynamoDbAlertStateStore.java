package io.tickflow.notify.adapter.out.dynamodb;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.notify.PriceAlertTriggered;
import io.tickflow.notify.fanout.AlertStateStore;
import io.tickflow.notify.rules.AlertState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Price-alert states in the {@code alert-state} table: key {@code subscriptionId} and {@code rule} (the alert's index
 * in its subscription); the state as JSON in {@code state}, the time of the observation it last took in as epoch
 * milliseconds in {@code seenAt}, the number of crossings claimed in {@code crossings}, the last claimed firing as JSON
 * in {@code firing} with {@code firingDelivered}, and {@code updatedAt}.
 *
 * <p>A claim is one conditional UpdateItem on {@code crossings}; a state stored behind is one conditional UpdateItem on
 * {@code crossings} and {@code seenAt}. Nothing is written for an observation that changes nothing that matters.
 */
public final class DynamoDbAlertStateStore implements AlertStateStore {

    private static final JsonMapper JSON = ContractJson.mapper();
    /** BatchGetItem reads at most this many keys per request. */
    private static final int BATCH = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbAlertStateStore(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<Stored> load(RuleKey rule) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table).key(key(rule)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stored(item));
    }

    @Override
    public Map<RuleKey, Stored> loadAll(Collection<RuleKey> rules) {
        List<RuleKey> all = List.copyOf(rules);
        Map<RuleKey, Stored> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (RuleKey rule : all.subList(from, Math.min(all.size(), from + BATCH))) {
                keys.add(key(rule));
            }
            Map<String, KeysAndAttributes> request = Map.of(
                    table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round > 0) {
                    pause(round);
                }
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(asked));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    found.put(
                            new RuleKey(
                                    item.get("subscriptionId").s(),
                                    Integer.parseInt(item.get("rule").s())),
                            stored(item));
                }
                // Keys DynamoDB did not get to (throttling, the 16 MB limit) are asked for again.
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /** A growing pause before asking again for keys DynamoDB did not get to, so throttling is not met with a spin. */
    private static void pause(int round) {
        try {
            Thread.sleep(Math.min(1_000L, 25L << Math.min(round, 6)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading price-alert states", interrupted);
        }
    }

    @Override
    public boolean claim(RuleKey rule, long crossings, AlertState state, PriceAlertTriggered firing) {
        Map<String, AttributeValue> values = new HashMap<>(stateValues(state));
        values.put(":next", AttributeValue.fromN(Long.toString(crossings + 1)));
        values.put(":known", AttributeValue.fromN(Long.toString(crossings)));
        values.put(":firing", AttributeValue.fromS(JSON.writeValueAsString(firing)));
        values.put(":no", AttributeValue.fromBool(false));
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(rule))
                    .updateExpression("SET #state = :state, seenAt = :seenAt, updatedAt = :now, crossings = :next,"
                            + " firing = :firing, firingDelivered = :no")
                    .conditionExpression(
                            crossings == 0
                                    ? "attribute_not_exists(crossings) OR crossings = :known"
                                    : "crossings = :known")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException claimedElsewhere) {
            return false;
        }
    }

    @Override
    public void delivered(RuleKey rule, long crossing) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(rule))
                    .updateExpression("SET firingDelivered = :yes")
                    .conditionExpression("crossings = :crossing")
                    .expressionAttributeValues(Map.of(
                            ":yes", AttributeValue.fromBool(true),
                            ":crossing", AttributeValue.fromN(Long.toString(crossing)))));
        } catch (ConditionalCheckFailedException laterCrossing) {
            // A later crossing was claimed meanwhile; the firing stored now is that one's, not this one's.
        }
    }

    @Override
    public boolean save(RuleKey rule, long crossings, AlertState state) {
        Map<String, AttributeValue> values = new HashMap<>(stateValues(state));
        values.put(":known", AttributeValue.fromN(Long.toString(crossings)));
        // Neither over a crossing another worker claimed since, nor over a state that saw a later observation.
        String where =
                (crossings == 0 ? "(attribute_not_exists(crossings) OR crossings = :known)" : "crossings = :known")
                        + " AND (attribute_not_exists(seenAt) OR seenAt <= :seenAt)";
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(rule))
                    .updateExpression("SET #state = :state, seenAt = :seenAt, updatedAt = :now,"
                            + " crossings = if_not_exists(crossings, :known)")
                    .conditionExpression(where)
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException storedLater) {
            return false;
        }
    }

    private Map<String, AttributeValue> stateValues(AlertState state) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":state", AttributeValue.fromS(JSON.writeValueAsString(state)));
        values.put(
                ":seenAt",
                AttributeValue.fromN(Long.toString(AlertState.lastSeen(state)
                        .map(Instant::toEpochMilli)
                        // The initial state saw nothing: earlier than anything.
                        .orElse(Long.MIN_VALUE))));
        values.put(":now", AttributeValue.fromS(clock.instant().toString()));
        return values;
    }

    private static Stored stored(Map<String, AttributeValue> item) {
        AlertState state = JSON.readValue(item.get("state").s(), AlertState.class);
        long crossings = Long.parseLong(item.get("crossings").n());
        AttributeValue delivered = item.get("firingDelivered");
        AttributeValue firing = item.get("firing");
        Optional<PriceAlertTriggered> undelivered = firing != null && delivered != null && !delivered.bool()
                ? Optional.of(JSON.readValue(firing.s(), PriceAlertTriggered.class))
                : Optional.empty();
        return new Stored(state, crossings, undelivered);
    }

    private static Map<String, AttributeValue> key(RuleKey rule) {
        return Map.of(
                "subscriptionId", AttributeValue.fromS(rule.subscriptionId()),
                "rule", AttributeValue.fromS(Integer.toString(rule.index())));
    }
}

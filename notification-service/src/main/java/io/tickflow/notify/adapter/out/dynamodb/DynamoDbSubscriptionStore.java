package io.tickflow.notify.adapter.out.dynamodb;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.notify.subscription.Subscription;
import io.tickflow.notify.subscription.SubscriptionStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriptions in the {@code subscriptions} table: key {@code owner} and {@code subscriptionId}, the subscription
 * itself as JSON in {@code body} (its filter and alert rules are nested structures that nothing queries by).
 */
public final class DynamoDbSubscriptionStore implements SubscriptionStore {

    private static final JsonMapper JSON = ContractJson.mapper();

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSubscriptionStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void put(Subscription subscription) {
        dynamoDb.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "owner", AttributeValue.fromS(subscription.owner()),
                        "subscriptionId", AttributeValue.fromS(subscription.subscriptionId()),
                        "body", AttributeValue.fromS(JSON.writeValueAsString(subscription)))));
    }

    @Override
    public Optional<Subscription> get(String owner, String subscriptionId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table).key(key(owner, subscriptionId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(subscription(item));
    }

    @Override
    public List<Subscription> ofOwner(String owner) {
        return dynamoDb
                .queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("#o = :owner")
                        .expressionAttributeNames(Map.of("#o", "owner"))
                        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner)))
                        .consistentRead(true))
                .items()
                .stream()
                .map(DynamoDbSubscriptionStore::subscription)
                .toList();
    }

    @Override
    public boolean delete(String owner, String subscriptionId) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(table)
                    .key(key(owner, subscriptionId))
                    .conditionExpression("attribute_exists(subscriptionId)"));
            return true;
        } catch (ConditionalCheckFailedException absent) {
            return false;
        }
    }

    @Override
    public List<Subscription> all() {
        return dynamoDb.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream()
                .map(DynamoDbSubscriptionStore::subscription)
                .toList();
    }

    private static Map<String, AttributeValue> key(String owner, String subscriptionId) {
        return Map.of("owner", AttributeValue.fromS(owner), "subscriptionId", AttributeValue.fromS(subscriptionId));
    }

    private static Subscription subscription(Map<String, AttributeValue> item) {
        return JSON.readValue(item.get("body").s(), Subscription.class);
    }
}

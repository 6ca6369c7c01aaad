package io.tickflow.notify.adapter.out.dynamodb;

import io.tickflow.notify.apikey.ApiKeyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * API keys in the {@code api-keys} table: key {@code keyHash}, index {@code by-owner} on {@code owner}. Items hold the
 * hash, never the key.
 */
public final class DynamoDbApiKeyStore implements ApiKeyStore {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbApiKeyStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void add(StoredKey key) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                "keyHash", AttributeValue.fromS(key.keyHash()),
                "keyId", AttributeValue.fromS(key.keyId()),
                "owner", AttributeValue.fromS(key.owner()),
                "createdAt", AttributeValue.fromS(key.createdAt().toString())));
        dynamoDb.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(keyHash)"));
    }

    @Override
    public Optional<StoredKey> find(String keyHash) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table).key(Map.of("keyHash", AttributeValue.fromS(keyHash))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stored(item));
    }

    @Override
    public List<StoredKey> ofOwner(String owner) {
        return dynamoDb
                .queryPaginator(r -> r.tableName(table)
                        .indexName("by-owner")
                        .keyConditionExpression("#o = :owner")
                        .expressionAttributeNames(Map.of("#o", "owner"))
                        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner))))
                .items()
                .stream()
                .map(DynamoDbApiKeyStore::stored)
                .toList();
    }

    @Override
    public boolean revoke(String owner, String keyId, Instant at) {
        Optional<StoredKey> key =
                ofOwner(owner).stream().filter(k -> k.keyId().equals(keyId)).findFirst();
        if (key.isEmpty()) {
            return false;
        }
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(Map.of("keyHash", AttributeValue.fromS(key.get().keyHash())))
                    .updateExpression("SET revokedAt = if_not_exists(revokedAt, :at)")
                    .conditionExpression("#o = :owner")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(
                            Map.of(":at", AttributeValue.fromS(at.toString()), ":owner", AttributeValue.fromS(owner))));
            return true;
        } catch (ConditionalCheckFailedException notTheOwners) {
            return false;
        }
    }

    private static StoredKey stored(Map<String, AttributeValue> item) {
        AttributeValue revoked = item.get("revokedAt");
        return new StoredKey(
                item.get("keyHash").s(),
                item.get("keyId").s(),
                item.get("owner").s(),
                Instant.parse(item.get("createdAt").s()),
                revoked == null ? null : Instant.parse(revoked.s()));
    }
}

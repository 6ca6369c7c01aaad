package io.tickflow.cli.apikeys;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code api-keys} table with notification-service's layout (its {@code DynamoDbApiKeyStore}): key {@code keyHash};
 * attributes {@code keyId}, {@code owner}, {@code createdAt}, {@code revokedAt} (ISO-8601 strings); index
 * {@code by-owner} on {@code owner}. The service reads the items this writes, so the two layouts must stay the same.
 */
final class ApiKeyTable {

    private static final String BY_OWNER = "by-owner";

    private final DynamoDbClient dynamoDb;
    private final String table;

    ApiKeyTable(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * Stores a new key; the condition keeps an existing item (a key drawn twice, which 256 random bits make
     * impossible in practice) from being overwritten with another owner.
     */
    void add(StoredKey key) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                "keyHash", AttributeValue.fromS(key.keyHash()),
                "keyId", AttributeValue.fromS(key.keyId()),
                "owner", AttributeValue.fromS(key.owner()),
                "createdAt", AttributeValue.fromS(key.createdAt().toString())));
        dynamoDb.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(keyHash)"));
    }

    /** The owner's keys, oldest first, revoked ones included. */
    List<StoredKey> ofOwner(String owner) {
        return dynamoDb
                .queryPaginator(r -> r.tableName(table)
                        .indexName(BY_OWNER)
                        .keyConditionExpression("#o = :owner")
                        .expressionAttributeNames(Map.of("#o", "owner"))
                        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner))))
                .items()
                .stream()
                .map(ApiKeyTable::stored)
                .sorted(Comparator.comparing(StoredKey::createdAt).thenComparing(StoredKey::keyId))
                .toList();
    }

    /**
     * Marks the owner's key revoked at {@code at}, keeping an earlier revocation time. The condition on the owner makes
     * sure the item is still the owner's key when it is written.
     *
     * @return false if the item is gone or is not the owner's
     */
    boolean revoke(String owner, String keyHash, Instant at) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(Map.of("keyHash", AttributeValue.fromS(keyHash)))
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

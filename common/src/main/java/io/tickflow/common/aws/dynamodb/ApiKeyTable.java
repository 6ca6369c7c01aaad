package io.tickflow.common.aws.dynamodb;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * notification-service's {@code api-keys} table: key {@code keyHash} (see {@code ApiKeyHash}); attributes
 * {@code keyId}, {@code owner}, {@code createdAt}, {@code revokedAt} (ISO-8601 strings); index {@code by-owner} on
 * {@code owner}. The service checks keys in it and the tickflow CLI issues and revokes them, so both use this one
 * layout. Items hold hashes, never keys.
 */
public final class ApiKeyTable {

    private static final String BY_OWNER = "by-owner";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public ApiKeyTable(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * Stores a new key; the condition keeps an existing item (a key drawn twice, which 256 random bits make
     * impossible in practice) from being overwritten with another owner.
     */
    public void add(StoredApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                "keyHash", AttributeValue.fromS(key.keyHash()),
                "keyId", AttributeValue.fromS(key.keyId()),
                "owner", AttributeValue.fromS(key.owner()),
                "createdAt", AttributeValue.fromS(key.createdAt().toString())));
        dynamoDb.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(keyHash)"));
    }

    /** The key with this hash, if there is one. */
    public Optional<StoredApiKey> find(String keyHash) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table).key(Map.of("keyHash", AttributeValue.fromS(keyHash))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stored(item));
    }

    /** The owner's keys, oldest first, revoked ones included. */
    public List<StoredApiKey> ofOwner(String owner) {
        return dynamoDb
                .queryPaginator(r -> r.tableName(table)
                        .indexName(BY_OWNER)
                        .keyConditionExpression("#o = :owner")
                        .expressionAttributeNames(Map.of("#o", "owner"))
                        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner))))
                .items()
                .stream()
                .map(ApiKeyTable::stored)
                .sorted(Comparator.comparing(StoredApiKey::createdAt).thenComparing(StoredApiKey::keyId))
                .toList();
    }

    /**
     * Marks the owner's key revoked at {@code at}, keeping an earlier revocation time. The condition on the owner makes
     * sure the item is still the owner's key when it is written.
     *
     * @return false if the item is gone or is not the owner's
     */
    public boolean revoke(String owner, String keyHash, Instant at) {
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

    private static StoredApiKey stored(Map<String, AttributeValue> item) {
        AttributeValue revoked = item.get("revokedAt");
        return new StoredApiKey(
                item.get("keyHash").s(),
                item.get("keyId").s(),
                item.get("owner").s(),
                Instant.parse(item.get("createdAt").s()),
                revoked == null ? null : Instant.parse(revoked.s()));
    }

    /**
     * A key as stored.
     *
     * @param keyHash HMAC-SHA256 of the key under the pepper
     * @param keyId the first 12 hex digits of the hash, shown and used to revoke
     * @param revokedAt when it was revoked; null while it is valid
     */
    public record StoredApiKey(
            String keyHash, String keyId, String owner, Instant createdAt, @Nullable Instant revokedAt) {}
}

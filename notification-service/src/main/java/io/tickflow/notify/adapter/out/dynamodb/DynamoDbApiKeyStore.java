package io.tickflow.notify.adapter.out.dynamodb;

import io.tickflow.common.aws.dynamodb.ApiKeyTable;
import io.tickflow.notify.apikey.ApiKeyStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** API keys in the {@code api-keys} table, in the layout common's {@link ApiKeyTable} shares with the CLI. */
public final class DynamoDbApiKeyStore implements ApiKeyStore {

    private final ApiKeyTable table;

    public DynamoDbApiKeyStore(DynamoDbClient dynamoDb, String table) {
        this.table = new ApiKeyTable(dynamoDb, table);
    }

    @Override
    public void add(StoredKey key) {
        table.add(new ApiKeyTable.StoredApiKey(
                key.keyHash(), key.keyId(), key.owner(), key.createdAt(), key.revokedAt()));
    }

    @Override
    public Optional<StoredKey> find(String keyHash) {
        return table.find(keyHash).map(DynamoDbApiKeyStore::key);
    }

    @Override
    public List<StoredKey> ofOwner(String owner) {
        return table.ofOwner(owner).stream().map(DynamoDbApiKeyStore::key).toList();
    }

    @Override
    public boolean revoke(String owner, String keyId, Instant at) {
        return table.ofOwner(owner).stream()
                .filter(key -> key.keyId().equals(keyId))
                .findFirst()
                .map(key -> table.revoke(owner, key.keyHash(), at))
                .orElse(false);
    }

    private static StoredKey key(ApiKeyTable.StoredApiKey stored) {
        return new StoredKey(stored.keyHash(), stored.keyId(), stored.owner(), stored.createdAt(), stored.revokedAt());
    }
}

package io.tickflow.common.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DynamoDB table (on-demand capacity), its keys, global secondary indexes and TTL attribute.
 *
 * @param name the table name, prefix included
 * @param partitionKey the hash key
 * @param sortKey the range key, if any
 * @param indexes the global secondary indexes, each projecting all attributes
 * @param ttlAttribute the attribute holding the expiry in epoch seconds, if items expire
 */
public record TableSpec(
        String name, Key partitionKey, Optional<Key> sortKey, List<Index> indexes, Optional<String> ttlAttribute) {

    public TableSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        indexes = List.copyOf(indexes);
        Objects.requireNonNull(ttlAttribute, "ttlAttribute");
    }

    /** The type of a key attribute, as DynamoDB spells it. */
    public enum KeyType {
        S,
        N,
        B
    }

    /**
     * A key attribute.
     *
     * @param name the attribute name
     * @param type its scalar type
     */
    public record Key(String name, KeyType type) {
        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        public static Key string(String name) {
            return new Key(name, KeyType.S);
        }

        public static Key number(String name) {
            return new Key(name, KeyType.N);
        }
    }

    /**
     * A global secondary index projecting all attributes.
     *
     * @param name the index name
     * @param partitionKey its hash key
     * @param sortKey its range key, if any
     */
    public record Index(String name, Key partitionKey, Optional<Key> sortKey) {
        public Index {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(partitionKey, "partitionKey");
            Objects.requireNonNull(sortKey, "sortKey");
        }
    }
}

package io.tickflow.common.aws;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queues, topics, buckets and tables a service cannot work without, by name. A service declares one bean of this
 * type, built from its configuration properties, and is ready only while every one of them exists.
 *
 * @param queues SQS queue names
 * @param topics SNS topic names
 * @param buckets S3 bucket names
 * @param tables DynamoDB table names
 */
public record RequiredResources(List<String> queues, List<String> topics, List<String> buckets, List<String> tables) {

    public RequiredResources {
        queues = distinctNames(queues, ResourceKind.QUEUE);
        topics = distinctNames(topics, ResourceKind.TOPIC);
        buckets = distinctNames(buckets, ResourceKind.BUCKET);
        tables = distinctNames(tables, ResourceKind.TABLE);
    }

    /** Starts an empty declaration. */
    public static Builder builder() {
        return new Builder();
    }

    /** The names of one kind of resource, in declaration order. */
    public List<String> names(ResourceKind kind) {
        return switch (kind) {
            case QUEUE -> queues;
            case TOPIC -> topics;
            case BUCKET -> buckets;
            case TABLE -> tables;
        };
    }

    /** Every declared name by kind, leaving out kinds with none. */
    public Map<ResourceKind, List<String>> byKind() {
        Map<ResourceKind, List<String>> byKind = new EnumMap<>(ResourceKind.class);
        for (ResourceKind kind : ResourceKind.values()) {
            if (!names(kind).isEmpty()) {
                byKind.put(kind, names(kind));
            }
        }
        return byKind;
    }

    private static List<String> distinctNames(List<String> names, ResourceKind kind) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A required " + kind.plural() + " entry has no name: " + names);
            }
            distinct.add(name);
        }
        return List.copyOf(distinct);
    }

    /** Collects names kind by kind; repeated names count once. */
    public static final class Builder {
        private final List<String> queues = new ArrayList<>();
        private final List<String> topics = new ArrayList<>();
        private final List<String> buckets = new ArrayList<>();
        private final List<String> tables = new ArrayList<>();

        private Builder() {}

        public Builder queues(String... names) {
            queues.addAll(List.of(names));
            return this;
        }

        public Builder topics(String... names) {
            topics.addAll(List.of(names));
            return this;
        }

        public Builder buckets(String... names) {
            buckets.addAll(List.of(names));
            return this;
        }

        public Builder tables(String... names) {
            tables.addAll(List.of(names));
            return this;
        }

        public RequiredResources build() {
            return new RequiredResources(queues, topics, buckets, tables);
        }
    }
}

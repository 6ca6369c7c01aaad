package io.tickflow.common.aws;

/** The kinds of AWS resources a service can require, as they appear in its readiness details. */
public enum ResourceKind {
    QUEUE("queues"),
    TOPIC("topics"),
    BUCKET("buckets"),
    TABLE("tables");

    private final String plural;

    ResourceKind(String plural) {
        this.plural = plural;
    }

    /** The name of this kind's entry in the health details, e.g. {@code queues}. */
    public String plural() {
        return plural;
    }
}

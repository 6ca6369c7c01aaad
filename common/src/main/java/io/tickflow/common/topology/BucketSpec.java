package io.tickflow.common.topology;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An S3 bucket and the lifecycle rules that expire what is only kept for a while.
 *
 * @param name the bucket name, prefix included
 * @param expirations objects under each key prefix expire after the given age
 */
public record BucketSpec(String name, List<Expiration> expirations) {
    public BucketSpec {
        Objects.requireNonNull(name, "name");
        expirations = List.copyOf(expirations);
    }

    /**
     * A lifecycle rule.
     *
     * @param id the rule id
     * @param keyPrefix the key prefix it applies to
     * @param after the age after which an object expires, in whole days
     */
    public record Expiration(String id, String keyPrefix, Duration after) {
        public Expiration {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(keyPrefix, "keyPrefix");
            if (after.toDays() < 1 || !after.equals(Duration.ofDays(after.toDays()))) {
                throw new IllegalArgumentException("S3 expirations are whole days: " + after);
            }
        }

        public int days() {
            return Math.toIntExact(after.toDays());
        }
    }
}

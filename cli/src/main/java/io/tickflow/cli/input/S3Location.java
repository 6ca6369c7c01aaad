package io.tickflow.cli.input;

import java.util.Objects;

/**
 * An S3 object named as {@code s3://bucket/key}.
 *
 * @param bucket the bucket
 * @param key the object key, everything after the bucket's slash
 */
public record S3Location(String bucket, String key) {

    private static final String SCHEME = "s3://";

    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /** Whether {@code text} is an {@code s3://} address at all. */
    public static boolean looksLikeOne(String text) {
        return text.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * Reads {@code s3://bucket/key}.
     *
     * @throws IllegalArgumentException when it is not of that form
     */
    public static S3Location parse(String text) {
        if (!looksLikeOne(text)) {
            throw new IllegalArgumentException("Not an S3 address (s3://bucket/key): " + text);
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException(
                    "An S3 address names a bucket and an object key (s3://bucket/key): " + text);
        }
        return new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + key;
    }
}

package io.tickflow.common.aws;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Looks a bucket up with S3 HeadBucket, which also fails when the service may not use the bucket. */
final class BucketCheck implements ResourceCheck {

    private final S3Client s3;
    private final Duration timeout;

    BucketCheck(S3Client s3, Duration timeout) {
        this.s3 = s3;
        this.timeout = timeout;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.BUCKET;
    }

    @Override
    public Optional<String> problem(String name) {
        try {
            s3.headBucket(r -> r.bucket(name).overrideConfiguration(o -> o.apiCallTimeout(timeout)));
            return Optional.empty();
        } catch (NoSuchBucketException e) {
            return Optional.of(DOES_NOT_EXIST);
        }
    }
}

package io.tickflow.storage.adapter.out.s3;

import io.tickflow.storage.flow.LakeWriter;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Puts lake objects with one PutObject each. The file is already whole in memory, so S3Template's streaming upload
 * (an S3OutputStream that buffers and copies it again) would add nothing but a copy.
 */
public final class S3LakeWriter implements LakeWriter {

    private final S3Client s3;
    private final String bucket;

    public S3LakeWriter(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] bytes) {
        s3.putObject(
                r -> r.bucket(bucket).key(key).contentType("application/vnd.apache.parquet"),
                RequestBody.fromBytes(bytes));
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}

package io.tickflow.storage.adapter.out.s3;

import io.tickflow.storage.flow.LakeObjects;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lake objects in the data bucket: one PutObject each (the file is already whole in memory, so S3Template's streaming
 * upload, an S3OutputStream that buffers and copies it again, would add nothing but a copy), listed with
 * ListObjectsV2 and deleted with DeleteObjects, a thousand a call.
 */
public final class S3LakeWriter implements LakeObjects {

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

    @Override
    public List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    @Override
    public byte[] get(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    @Override
    public void delete(Collection<String> keys) {
        List<ObjectIdentifier> all = new ArrayList<>();
        keys.forEach(k -> all.add(ObjectIdentifier.builder().key(k).build()));
        for (int from = 0; from < all.size(); from += 1000) {
            List<ObjectIdentifier> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            var response = s3.deleteObjects(
                    r -> r.bucket(bucket).delete(d -> d.objects(chunk).quiet(true)));
            if (!response.errors().isEmpty()) {
                throw new IllegalStateException(
                        "S3 could not delete " + response.errors().size() + " objects: "
                                + response.errors().getFirst().key() + " "
                                + response.errors().getFirst().message());
            }
        }
    }
}

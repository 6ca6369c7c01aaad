package io.tickflow.storage.adapter.out.s3;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.lake.LakePartition;
import io.tickflow.storage.flow.LakeCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists an instrument's lake objects with ListObjectsV2 under its {@code venue=/symbol=} prefix, from the first hour
 * asked for ({@code StartAfter}), so a range late in a long history does not list its beginning.
 */
public final class S3LakeCatalog implements LakeCatalog {

    private final S3Client s3;
    private final String bucket;

    public S3LakeCatalog(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<StoredObject> objects(Dataset dataset, String venue, String symbol, Instant from, Instant to) {
        LakePartition first = LakePartition.of(dataset, venue, symbol, from);
        String instrument = LakePartition.datasetPrefix(dataset) + "venue=" + venue + "/symbol=" + symbol + "/";
        List<StoredObject> found = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(
                        r -> r.bucket(bucket).prefix(instrument).startAfter(first.prefix()))
                .contents()) {
            LakePartition partition = LakePartition.ofKey(object.key()).orElse(null);
            if (partition == null) {
                continue;
            }
            if (!partition.start().isBefore(to)) {
                break; // keys list in order, and the date and hour sort as text
            }
            if (partition.start().plus(Duration.ofHours(1)).isAfter(from)) {
                found.add(new StoredObject(object.key(), object.size(), object.lastModified()));
            }
        }
        return found;
    }
}

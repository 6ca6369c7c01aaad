package io.tickflow.ingest.adapter.out.s3;

import io.awspring.cloud.s3.ObjectMetadata;
import io.awspring.cloud.s3.S3Template;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.TickRejected;
import io.tickflow.ingest.flow.RejectionRecorder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes the rejections of one ingest message as one NDJSON object (one {@code tickflow.tick-rejected.v1} per line)
 * under {@code rejected/date=YYYY-MM-DD/<messageId>.ndjson}: partitioned by date for Athena or DuckDB, and keyed by
 * the message id so that a redelivered message overwrites its own record instead of adding a second one.
 */
public final class S3RejectionRecorder implements RejectionRecorder {

    private final S3Template s3;
    private final String bucket;

    public S3RejectionRecorder(S3Template s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void record(String messageId, List<TickRejected> rejections) {
        StringBuilder ndjson = new StringBuilder();
        for (TickRejected rejection : rejections) {
            ndjson.append(ContractJson.mapper().writeValueAsString(rejection)).append('\n');
        }
        byte[] bytes = ndjson.toString().getBytes(StandardCharsets.UTF_8);
        s3.upload(
                bucket,
                key(messageId, rejections.getFirst()),
                new ByteArrayInputStream(bytes),
                ObjectMetadata.builder()
                        .contentType("application/x-ndjson")
                        .contentLength((long) bytes.length)
                        .build());
    }

    static String key(String messageId, TickRejected first) {
        String date = first.occurredAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        // SQS message ids are UUIDs; anything else is reduced to what is safe in a key.
        String safeId = messageId.replaceAll("[^A-Za-z0-9-]", "_");
        return "rejected/date=" + date + "/" + safeId + ".ndjson";
    }
}

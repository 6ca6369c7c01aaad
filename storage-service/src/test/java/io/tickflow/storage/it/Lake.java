package io.tickflow.storage.it;

import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The lake as a user reads it: objects downloaded from the data bucket, queried with DuckDB. */
final class Lake {

    private final LocalAwsClients aws;
    private final String bucket;

    Lake(LocalAwsClients aws) {
        this(aws, Topology.tickflow().bucket("data"));
    }

    Lake(LocalAwsClients aws, String bucket) {
        this.aws = aws;
        this.bucket = bucket;
    }

    /** The keys under {@code prefix}. */
    List<String> keys(String prefix) {
        return aws.s3().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    /** Downloads every object under {@code prefix} into {@code dir}, keeping the key as the path. */
    Path download(String prefix, Path dir) {
        for (String key : keys(prefix)) {
            Path file = dir.resolve(key);
            try {
                Files.createDirectories(file.getParent());
                Files.write(
                        file,
                        aws.s3()
                                .getObjectAsBytes(r -> r.bucket(bucket).key(key))
                                .asByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** How many rows the Parquet objects under {@code prefix} hold, read by DuckDB; 0 when there are none. */
    long rows(String prefix, Path scratch) throws Exception {
        if (keys(prefix).isEmpty()) {
            return 0;
        }
        Path local = download(prefix, Files.createTempDirectory(scratch, "lake"));
        try (Connection db = duckdb();
                Statement s = db.createStatement()) {
            ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet('" + local + "/**/*.parquet')");
            r.next();
            return r.getLong(1);
        }
    }

    static Connection duckdb() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }
}

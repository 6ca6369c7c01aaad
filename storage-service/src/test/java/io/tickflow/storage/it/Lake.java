package io.tickflow.storage.it;

import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The lake as a user reads it: objects downloaded from the data bucket, queried with DuckDB. */
final class Lake {

    static final String BUCKET = Topology.tickflow().bucket("data");

    private final LocalAwsClients aws;

    Lake(LocalAwsClients aws) {
        this.aws = aws;
    }

    /** The keys under {@code prefix}. */
    List<String> keys(String prefix) {
        return aws.s3().listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix(prefix)).contents().stream()
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
                                .getObjectAsBytes(r -> r.bucket(BUCKET).key(key))
                                .asByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static Connection duckdb() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }
}

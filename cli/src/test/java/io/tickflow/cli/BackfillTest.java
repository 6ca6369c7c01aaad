package io.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.Endpoints;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(LocalAwsExtension.class)
class BackfillTest {

    private static final String BUCKET = Topology.tickflow().bucket("data");

    private final Endpoints endpoints;
    private final LocalAwsClients aws;
    private final IngestQueue queue;

    BackfillTest(Endpoints endpoints, LocalAwsClients aws) {
        this.endpoints = endpoints;
        this.aws = aws;
        this.queue = new IngestQueue(aws);
    }

    @BeforeEach
    void emptyTheIngestQueue() {
        queue.clear();
    }

    @Test
    void backfillsAGzippedCsvObjectFromS3() {
        String key = "cli-tests/" + UUID.randomUUID() + "/bitstamp_trades.csv.gz";
        aws.s3()
                .putObject(
                        r -> r.bucket(BUCKET).key(key),
                        RequestBody.fromBytes(TestFiles.gzip(TestFiles.resource(TestFiles.BITSTAMP_SLICE))));

        CliRun run = CliRun.run(endpoints, "backfill", "s3://" + BUCKET + "/" + key, "--progress", "none");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("reading s3://" + BUCKET + "/" + key + " (csv, gzip)");
        assertThat(queue.ticks()).hasSize(40).first().satisfies(t -> assertThat(((Trade) t).price())
                .isEqualTo(new BigDecimal("800.010000000000")));
    }

    @Test
    void namesTheObjectItCannotRead() {
        String missing = "s3://" + BUCKET + "/cli-tests/" + UUID.randomUUID() + "/nothing.csv";

        CliRun run = CliRun.run(endpoints, "backfill", missing, "--progress", "none");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot read " + missing + ": NoSuchKey");
    }
}

package io.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.localaws.Endpoints;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** ingest-service recognises a replayed file by what each message holds, so a replay must batch exactly alike. */
@ExtendWith(LocalAwsExtension.class)
class ReplayTest {

    @TempDir
    Path dir;

    private final Endpoints endpoints;
    private final IngestQueue queue;

    ReplayTest(Endpoints endpoints, LocalAwsClients aws) {
        this.endpoints = endpoints;
        this.queue = new IngestQueue(aws);
    }

    @BeforeEach
    void emptyTheIngestQueue() {
        queue.clear();
    }

    @Test
    void publishingTheSameFileTwiceSendsIdenticalMessages() throws IOException {
        Path file = TestFiles.copy(TestFiles.BITSTAMP_SLICE, dir, "trades.csv");

        // Eight calls in flight: messages arrive in any order, but each holds the same ticks every time.
        CliRun first = CliRun.run(
                endpoints,
                "publish",
                file.toString(),
                "--ticks-per-message",
                "7",
                "--concurrency",
                "8",
                "--progress",
                "none");
        List<String> firstBodies = queue.bodies().stream().sorted().toList();
        CliRun second = CliRun.run(
                endpoints,
                "publish",
                file.toString(),
                "--ticks-per-message",
                "7",
                "--concurrency",
                "8",
                "--progress",
                "none");
        List<String> secondBodies = queue.bodies().stream().sorted().toList();

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(firstBodies).hasSize(6).doesNotHaveDuplicates();
        assertThat(secondBodies).isEqualTo(firstBodies);
    }
}

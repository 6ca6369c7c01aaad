package io.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.localaws.Endpoints;
import io.tickflow.localaws.junit.LocalAwsExtension;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalAwsExtension.class)
class SendFailureTest {

    @TempDir
    Path dir;

    private final Endpoints endpoints;

    SendFailureTest(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Test
    void stopsBeforeReadingWhenTheQueueDoesNotExist() throws IOException {
        Path file = TestFiles.copy(TestFiles.BITSTAMP_SLICE, dir, "trades.csv");

        CliRun run = CliRun.run(endpoints, "publish", file.toString(), "--queue", "tickflow-nowhere");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot find the queue tickflow-nowhere at " + endpoints.sqs());
    }

    @Test
    void exitsNonZeroNamingHowManyTicksWereNotSent() throws IOException {
        Path file = TestFiles.copy(TestFiles.BITSTAMP_SLICE, dir, "trades.csv");
        String gone = endpoints.sqs() + "/000000000000/tickflow-gone";

        CliRun run = CliRun.run(
                endpoints,
                "publish",
                file.toString(),
                "--queue-url",
                gone,
                "--ticks-per-message",
                "10",
                "--progress",
                "none");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err())
                .containsPattern("messages not sent +4 +\\(40 ticks\\)")
                .contains("40 ticks were not sent")
                .contains("Running the same command again is safe");
    }
}

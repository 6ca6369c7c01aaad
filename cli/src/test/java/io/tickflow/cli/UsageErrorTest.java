package io.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command lines that cannot work end with status 2 and a sentence saying what to pass, before anything is sent. */
class UsageErrorTest {

    @TempDir
    Path dir;

    @Test
    void asksForTheSymbolAndVenueTheAppleFileDoesNotName() throws IOException {
        Path file = TestFiles.copy(TestFiles.APPLE_BARS, dir, "appleinc_bars_from_20130101_usd.csv");

        CliRun run = CliRun.run(Map.of(), "publish", file.toString(), "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("To read bars from the columns [date, open, high, low, close, volume] the CLI needs a"
                        + " source for: venue (pass --venue or map a column), symbol (pass --symbol or map a column)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void refusesAMappingToAColumnTheFileDoesNotHave() throws IOException {
        Path file = TestFiles.copy(TestFiles.BITSTAMP_SLICE, dir, "trades.csv");

        CliRun run = CliRun.run(Map.of(), "publish", file.toString(), "--dry-run", "--columns", "time=when:epoch-s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("There is no column \"when\" from the columns [timestamp, price, amount]");
    }

    @Test
    void refusesAFieldTheTickKindDoesNotHave() throws IOException {
        Path file = TestFiles.copy(TestFiles.BITSTAMP_SLICE, dir, "trades.csv");

        CliRun run = CliRun.run(
                Map.of(), "publish", file.toString(), "--dry-run", "--columns", "time=timestamp:epoch-s,open=price");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--columns maps open, which a trade does not have");
    }

    @Test
    void sendsLocalFilesToPublishAndObjectsToBackfill() {
        CliRun run = CliRun.run(Map.of(), "backfill", "trades.csv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("for a local file use ./tickflow publish trades.csv");
    }

    @Test
    void handsAnalyzeItsArgumentsAndItsHelp() {
        CliRun help = CliRun.run(Map.of(), "analyze", "--help");
        CliRun wrong = CliRun.run(Map.of(), "analyze", "BTC-USD", "1h", "--venue", "bitstamp");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: ./tickflow analyze SYMBOL INTERVAL --strategy NAME");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("tickflow analyze: name the strategy to optimise");
    }
}

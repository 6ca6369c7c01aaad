package io.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.cli.PublishOptions.Command;
import io.tickflow.cli.progress.Progress;
import io.tickflow.cli.read.Format;
import io.tickflow.cli.read.TickKind;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishOptionsTest {

    @Test
    void fillsInTheDefaults() throws UsageException {
        PublishOptions options = PublishOptions.parse(Command.PUBLISH, List.of("trades.csv.gz"));

        assertThat(options.format()).isEqualTo(Format.CSV);
        assertThat(options.queue()).isEqualTo("tickflow-ingest");
        assertThat(options.queueUrl()).isNull();
        assertThat(options.ticksPerMessage()).isEqualTo(500);
        assertThat(options.maxBytes()).isEqualTo(262_144);
        assertThat(options.read().delimiter()).isEqualTo(',');
        assertThat(options.read().header()).isTrue();
        assertThat(options.progress()).isEqualTo(Progress.Mode.LINES);
        assertThat(options.dryRun()).isFalse();
    }

    @Test
    void readsEveryOptionInBothSpellingsLaterOnesWinning() throws UsageException {
        PublishOptions options = PublishOptions.parse(
                Command.PUBLISH,
                List.of(
                        "--progress",
                        "bar",
                        "data.txt",
                        "--format=ndjson",
                        "--type",
                        "bars",
                        "--venue",
                        "nasdaq",
                        "--symbol=AAPL",
                        "--interval",
                        "1d",
                        "--delimiter",
                        "tab",
                        "--no-header",
                        "--ticks-per-message",
                        "50",
                        "--dry-run",
                        "--progress=none"));

        assertThat(options.input()).isEqualTo("data.txt");
        assertThat(options.format()).isEqualTo(Format.NDJSON);
        assertThat(options.read().kind()).isEqualTo(TickKind.BAR);
        assertThat(options.read().venue()).isEqualTo("nasdaq");
        assertThat(options.read().symbol()).isEqualTo("AAPL");
        assertThat(options.read().interval()).isEqualTo("1d");
        assertThat(options.read().delimiter()).isEqualTo('\t');
        assertThat(options.read().header()).isFalse();
        assertThat(options.ticksPerMessage()).isEqualTo(50);
        assertThat(options.dryRun()).isTrue();
        assertThat(options.progress()).isEqualTo(Progress.Mode.NONE);
    }

    @Test
    void tellsTheFormatFromTheNameOrAsksForIt() throws UsageException {
        assertThat(PublishOptions.parse(Command.PUBLISH, List.of("a.jsonl")).format())
                .isEqualTo(Format.NDJSON);
        assertThat(PublishOptions.parse(Command.BACKFILL, List.of("s3://b/k/ticks.JSON.gz"))
                        .format())
                .isEqualTo(Format.JSON);
        assertThat(PublishOptions.parse(Command.PUBLISH, List.of("x.tsv"))
                        .read()
                        .delimiter())
                .isEqualTo('\t');
        assertThatThrownBy(() -> PublishOptions.parse(Command.PUBLISH, List.of("-")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("pass --format");
    }

    @Test
    void saysWhatIsWrongWithACommandLine() {
        assertThatThrownBy(() -> PublishOptions.parse(Command.PUBLISH, List.of()))
                .hasMessage("Name the file to publish");
        assertThatThrownBy(() -> PublishOptions.parse(Command.PUBLISH, List.of("a.csv", "b.csv")))
                .hasMessageContaining("One input at a time");
        assertThatThrownBy(() -> PublishOptions.parse(Command.PUBLISH, List.of("a.csv", "--bogus")))
                .hasMessage("Unknown option --bogus");
        assertThatThrownBy(() -> PublishOptions.parse(Command.PUBLISH, List.of("a.csv", "--venue")))
                .hasMessage("--venue needs a value");
        assertThatThrownBy(() -> PublishOptions.parse(Command.PUBLISH, List.of("a.csv", "--ticks-per-message", "0")))
                .hasMessageContaining("--ticks-per-message is a whole number from 1 to 100000");
        assertThatThrownBy(() -> PublishOptions.parse(Command.PUBLISH, List.of("a.csv", "--type", "candle")))
                .hasMessageContaining("--type is trade, quote or bar");
        assertThatThrownBy(() -> PublishOptions.parse(Command.PUBLISH, List.of("s3://bucket/a.csv")))
                .hasMessageContaining("use ./tickflow backfill");
        assertThatThrownBy(() -> PublishOptions.parse(Command.BACKFILL, List.of("s3://bucket")))
                .hasMessageContaining("s3://bucket/key");
    }

    @Test
    void printsHelpAndRefusesUnknownCommands() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int help = TickflowCli.run(
                List.of("publish", "--help"),
                Map.of(),
                InputStream.nullInputStream(),
                new PrintStream(out, true),
                new PrintStream(err, true));
        int unknown = TickflowCli.run(
                List.of("replay", "x.csv"),
                Map.of(),
                InputStream.nullInputStream(),
                new PrintStream(out, true),
                new PrintStream(err, true));

        assertThat(help).isZero();
        assertThat(out.toString()).contains("Replays are safe").contains("--columns MAPPING");
        assertThat(unknown).isEqualTo(2);
        assertThat(err.toString()).contains("unknown command replay");
    }
}

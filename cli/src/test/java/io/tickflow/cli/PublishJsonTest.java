package io.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.localaws.Endpoints;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalAwsExtension.class)
class PublishJsonTest {

    @TempDir
    Path dir;

    private final Endpoints endpoints;
    private final IngestQueue queue;

    PublishJsonTest(Endpoints endpoints, LocalAwsClients aws) {
        this.endpoints = endpoints;
        this.queue = new IngestQueue(aws);
    }

    @BeforeEach
    void emptyTheIngestQueue() {
        queue.clear();
    }

    @Test
    void publishesNdjsonTicksAndBatchesOneVenuePerMessage() throws IOException {
        Path file = TestFiles.write(
                dir,
                "ticks.ndjson",
                """
                {"type":"trade","venue":"bitstamp","symbol":"BTC-USD","time":"2013-11-25T00:00:00Z","price":800.0100000001,"size":"0.1"}
                {"type":"trade","symbol":"BTC-USD","time":1385337613000,"price":"800.05","size":"0.2"}
                {"schema":"tickflow.tick-batch.v1","venue":"coinbase","ticks":[{"type":"trade","symbol":"BTC-USD","time":"2013-11-25T00:00:01Z","price":"801","size":"1"},{"type":"quote","symbol":"BTC-USD","time":"2013-11-25T00:00:02Z","bid":"800","bidSize":"1","ask":"802","askSize":"2"}]}
                {"type":"trade", "symbol": oops}
                [1, 2]
                {"type":"trade","symbol":"BTC-USD","time":"2013-11-25T00:00:03Z","price":"800.07","size":"0.3"}
                """);

        CliRun run = CliRun.run(endpoints, "publish", file.toString(), "--venue", "bitstamp", "--progress", "none");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err())
                .contains("line 4: not JSON")
                .contains("line 5: expected a tick or a tick batch (a JSON object), found an array");
        List<TickBatch> batches = queue.batches();
        // Venue changes start a new message: bitstamp (lines 1-2), coinbase (line 3), bitstamp (line 6).
        assertThat(batches).hasSize(3);
        assertThat(batches)
                .filteredOn(b -> b.venue().equals("bitstamp"))
                .flatMap(TickBatch::ticks)
                .hasSize(3);
        assertThat(batches)
                .filteredOn(b -> b.venue().equals("coinbase"))
                .singleElement()
                .satisfies(b -> assertThat(b.ticks()).hasSize(2));
        Trade first = batches.stream()
                .flatMap(b -> b.ticks().stream())
                .filter(t -> t.time().toEpochMilli() == 1385337600000L)
                .map(Trade.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(first.price()).isEqualTo(new BigDecimal("800.0100000001"));
    }

    @Test
    void streamsAJsonArrayOfTicks() throws IOException {
        Path file = TestFiles.write(
                dir,
                "ticks.json",
                """
                [
                  {"type": "trade", "symbol": "BTC-USD", "time": "2013-11-25T00:00:00Z", "price": "800.01", "size": "0.1"},
                  {"type": "trade", "symbol": "BTC-USD", "time": "2013-11-25T00:00:13Z", "price": 800.050, "size": 0.2},
                  {"type": "trade", "venue": "kraken", "symbol": "BTC-USD", "time": "2013-11-25T00:00:14Z", "price": "800.06", "size": "1"}
                ]
                """);

        CliRun run = CliRun.run(endpoints, "publish", file.toString(), "--venue", "bitstamp", "--progress", "none");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<TickBatch> batches = queue.batches();
        assertThat(batches).extracting(TickBatch::venue).containsExactlyInAnyOrder("bitstamp", "kraken");
        assertThat(batches)
                .flatMap(TickBatch::ticks)
                .map(t -> ((Trade) t).price())
                .containsExactlyInAnyOrder(
                        new BigDecimal("800.01"), new BigDecimal("800.050"), new BigDecimal("800.06"));
    }

    @Test
    void streamsTheTicksOfAPrettyPrintedTickBatch() throws IOException {
        Path file = TestFiles.write(
                dir,
                "batch.json",
                """
                {
                  "schema": "tickflow.tick-batch.v1",
                  "venue": "bitstamp",
                  "ticks": [
                    {"type": "trade", "symbol": "BTC-USD", "time": "2013-11-25T00:00:00Z", "price": "800.01", "size": "0.1"},
                    {"type": "bar", "symbol": "BTC-USD", "interval": "1m", "time": "2013-11-25T00:00:00Z",
                     "open": "800.01", "high": "801", "low": "800", "close": "800.5", "volume": "12.5"}
                  ]
                }
                """);

        CliRun run =
                CliRun.run(endpoints, "publish", file.toString(), "--ticks-per-message", "1", "--progress", "none");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<TickBatch> batches = queue.batches();
        assertThat(batches).hasSize(2).extracting(TickBatch::venue).containsOnly("bitstamp");
        assertThat(batches).flatMap(TickBatch::ticks).extracting(Tick::symbol).containsOnly("BTC-USD");
    }

    @Test
    void reportsWhereJsonBreaksAndSendsWhatCameBefore() throws IOException {
        Path file = TestFiles.write(
                dir,
                "ticks.json",
                """
                [
                  {"type": "trade", "symbol": "BTC-USD", "time": "2013-11-25T00:00:00Z", "price": "800.01", "size": "0.1"},
                  {"type": "trade", "symbol": "BTC-USD", "time": "2013-11-25T00:00:13Z", "price": "800.05", "size": "0.2"},
                  {"type": "trade", "symbol": "BTC-USD", "time": "2013-11-25T00:00:14Z", "price": 800.06 "size": "1"},
                  {"type": "trade", "symbol": "BTC-USD", "time": "2013-11-25T00:00:15Z", "price": "800.07", "size": "1"}
                ]
                """);

        CliRun run = CliRun.run(endpoints, "publish", file.toString(), "--venue", "bitstamp", "--progress", "none");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("line 4: malformed JSON").contains("nothing after line 4 could be read");
        assertThat(queue.ticks()).hasSize(2);
    }

    @Test
    void readsGzipByItsSuffixAndByItsContentIntoTheSameMessagesAsPlainText() throws IOException {
        byte[] plain = TestFiles.resource(TestFiles.BITSTAMP_SLICE);
        Path plainFile = Files.write(dir.resolve("plain.csv"), plain);
        Path named = Files.write(dir.resolve("trades.csv.gz"), TestFiles.gzip(plain));
        Path unnamed = Files.write(dir.resolve("trades.csv"), TestFiles.gzip(plain));

        CliRun.run(endpoints, "publish", plainFile.toString(), "--ticks-per-message", "10", "--progress", "none");
        List<String> fromPlain = queue.bodies().stream().sorted().toList();
        CliRun byName =
                CliRun.run(endpoints, "publish", named.toString(), "--ticks-per-message", "10", "--progress", "none");
        List<String> fromNamed = queue.bodies().stream().sorted().toList();
        CliRun byContent =
                CliRun.run(endpoints, "publish", unnamed.toString(), "--ticks-per-message", "10", "--progress", "none");
        List<String> fromUnnamed = queue.bodies().stream().sorted().toList();

        assertThat(byName.exitCode()).as(byName.toString()).isZero();
        assertThat(byContent.exitCode()).as(byContent.toString()).isZero();
        assertThat(byName.err()).contains("(csv, gzip)");
        assertThat(byContent.err()).contains("(csv, gzip)");
        assertThat(fromPlain).hasSize(4);
        assertThat(fromNamed).isEqualTo(fromPlain);
        assertThat(fromUnnamed).isEqualTo(fromPlain);
    }

    @Test
    void dryRunPrintsTheFirstMessageAndSendsNothing() throws IOException {
        Path file = TestFiles.copy(TestFiles.BITSTAMP_SLICE, dir, "trades.csv");

        CliRun run = CliRun.run(
                endpoints, "publish", file.toString(), "--dry-run", "--ticks-per-message", "15", "--progress", "none");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        TickBatch first = IngestQueue.parse(run.out().strip());
        assertThat(first.ticks()).hasSize(15);
        assertThat(first.ticks().stream()
                        .map(Tick::time)
                        .sorted(Comparator.naturalOrder())
                        .findFirst())
                .hasValue(java.time.Instant.ofEpochSecond(1385337600L));
        assertThat(run.err()).containsPattern("messages +3 +\\(dry run, none sent\\)");
        assertThat(queue.bodies()).isEmpty();
    }
}

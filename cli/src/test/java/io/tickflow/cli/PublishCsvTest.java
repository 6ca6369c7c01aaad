package io.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.Side;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.localaws.Endpoints;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalAwsExtension.class)
class PublishCsvTest {

    @TempDir
    Path dir;

    private final Endpoints endpoints;
    private final IngestQueue queue;

    PublishCsvTest(Endpoints endpoints, LocalAwsClients aws) {
        this.endpoints = endpoints;
        this.queue = new IngestQueue(aws);
    }

    @BeforeEach
    void emptyTheIngestQueue() {
        queue.clear();
    }

    @Test
    void publishesBitstampTradesInFileOrderWithExactDecimalsAndEpochSecondTimes() throws IOException {
        Path file = TestFiles.copy(TestFiles.BITSTAMP_SLICE, dir, "bitstamp_trades_from_20131125_usd.csv");

        CliRun run = CliRun.run(endpoints, "publish", file.toString(), "--progress", "none");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<TickBatch> batches = queue.batches();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).venue()).isEqualTo("bitstamp");
        List<Tick> ticks = batches.get(0).ticks();
        List<String> rows = TestFiles.csvRows(TestFiles.BITSTAMP_SLICE);
        assertThat(ticks).hasSize(rows.size()).hasSize(40);
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i).split(",");
            Trade trade = (Trade) ticks.get(i);
            assertThat(trade.symbol()).isEqualTo("BTC-USD");
            assertThat(trade.time()).isEqualTo(Instant.ofEpochSecond(Long.parseLong(row[0])));
            // BigDecimal.equals compares the scale too: every trailing zero of the file arrived.
            assertThat(trade.price()).isEqualTo(new BigDecimal(row[1]));
            assertThat(trade.size()).isEqualTo(new BigDecimal(row[2]));
            assertThat(trade.tradeId()).isNull();
        }
        assertThat(((Trade) ticks.get(0)).price().toPlainString()).isEqualTo("800.010000000000");
        assertThat(run.err()).contains("recognised as bitstamp-trades");
    }

    @Test
    void sendsEveryRowOfTheRealBitstampFile() throws IOException {
        Path file = TestFiles.copy(TestFiles.BITSTAMP_FULL, dir, "bitstamp_trades_from_20131125_usd.csv");
        int rows = TestFiles.csvRows(TestFiles.BITSTAMP_FULL).size();

        CliRun run = CliRun.run(endpoints, "publish", file.toString(), "--progress", "lines");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<TickBatch> batches = queue.batches();
        assertThat(batches.stream().mapToInt(b -> b.ticks().size()).sum()).isEqualTo(rows);
        assertThat(batches).hasSize((rows + 499) / 500).allSatisfy(b -> assertThat(b.ticks())
                .hasSizeLessThanOrEqualTo(500));
        assertThat(run.err())
                .containsPattern("ticks read +" + String.format("%,d", rows))
                .containsPattern("messages sent +" + String.format("%,d", batches.size()))
                .containsPattern("messages not sent +0")
                .containsPattern("unreadable lines +0");
    }

    @Test
    void publishesTheAppleDailyBarsOpeningAtMidnightUtc() throws IOException {
        Path file = TestFiles.copy(TestFiles.APPLE_BARS, dir, "appleinc_bars_from_20130101_usd.csv");

        CliRun run = CliRun.run(
                endpoints, "publish", file.toString(), "--symbol", "AAPL", "--venue", "nasdaq", "--progress", "none");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<TickBatch> batches = queue.batches();
        assertThat(batches).extracting(TickBatch::venue).containsOnly("nasdaq");
        List<Bar> bars = batches.stream()
                .flatMap(b -> b.ticks().stream())
                .map(Bar.class::cast)
                .sorted(Comparator.comparing(Bar::time))
                .toList();
        assertThat(bars).hasSize(TestFiles.csvRows(TestFiles.APPLE_BARS).size()).hasSize(252);
        // The first row, 2013-01-02,553.82,555.00,541.63,549.03,20018500, as the README's example bar.
        assertThat(bars.get(0))
                .isEqualTo(new Bar(
                        "AAPL",
                        "1d",
                        Instant.parse("2013-01-02T00:00:00Z"),
                        new BigDecimal("553.82"),
                        new BigDecimal("555.00"),
                        new BigDecimal("541.63"),
                        new BigDecimal("549.03"),
                        new BigDecimal("20018500")));
        assertThat(bars.get(251).time()).isEqualTo(Instant.parse("2013-12-31T00:00:00Z"));
    }

    @Test
    void mapsTheColumnsOfAnyOtherCsv() throws IOException {
        Path file = TestFiles.write(
                dir,
                "kraken-export.txt",
                """
                ts;pair;px;qty;id;side
                1385337600123;btc/usd;800.0100000001;0.1;T-1;buy
                "1385337600456";"btc/usd";"800.02";0.25;"T;2";sell
                """);

        CliRun run = CliRun.run(
                endpoints,
                "publish",
                file.toString(),
                "--format",
                "csv",
                "--delimiter",
                ";",
                "--columns",
                "time=ts:epoch-ms,symbol=pair,price=px,size=qty,tradeId=id",
                "--venue",
                "kraken",
                "--progress",
                "none");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<TickBatch> batches = queue.batches();
        assertThat(batches).singleElement().extracting(TickBatch::venue).isEqualTo("kraken");
        assertThat(batches.get(0).ticks())
                .containsExactly(
                        new Trade(
                                "btc/usd",
                                Instant.parse("2013-11-25T00:00:00.123Z"),
                                new BigDecimal("800.0100000001"),
                                new BigDecimal("0.1"),
                                Side.BUY,
                                "T-1",
                                null),
                        new Trade(
                                "btc/usd",
                                Instant.parse("2013-11-25T00:00:00.456Z"),
                                new BigDecimal("800.02"),
                                new BigDecimal("0.25"),
                                Side.SELL,
                                "T;2",
                                null));
    }

    @Test
    void readsAHeaderlessCsvByColumnNumberWithATimePattern() throws IOException {
        Path file = TestFiles.write(
                dir, "trades.csv", "25/11/2013 00:00:13,800.05,0.27838049,17\n25/11/2013 01:02:03,800.06,1,18\n");

        CliRun run = CliRun.run(
                endpoints,
                "publish",
                file.toString(),
                "--no-header",
                "--columns",
                "time=1:dd/MM/yyyy HH:mm:ss,price=2,size=3,sequence=4",
                "--symbol",
                "BTC-USD",
                "--venue",
                "bitstamp",
                "--progress",
                "none");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(queue.ticks())
                .containsExactly(
                        new Trade(
                                "BTC-USD",
                                Instant.parse("2013-11-25T00:00:13Z"),
                                new BigDecimal("800.05"),
                                new BigDecimal("0.27838049"),
                                null,
                                null,
                                17L),
                        new Trade(
                                "BTC-USD",
                                Instant.parse("2013-11-25T01:02:03Z"),
                                new BigDecimal("800.06"),
                                new BigDecimal("1"),
                                null,
                                null,
                                18L));
    }

    @Test
    void reportsUnreadableLinesByNumberAndSendsTheRest() throws IOException {
        Path file = TestFiles.write(
                dir,
                "trades.csv",
                """
                timestamp,price,amount
                1385337600,800.01,0.1
                1385337613,800.05

                yesterday,800.05,0.2
                1385337649,"800.75,0.45
                1385337657,,0.001
                1385337683,-5,0.33
                """);

        CliRun run = CliRun.run(endpoints, "publish", file.toString(), "--progress", "none");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err())
                .contains("line 3: has 2 fields where the header has 3")
                .contains("line 5: time \"yesterday\" (column timestamp) is not a time in epoch-s format")
                .contains("line 6: a quoted field is not closed on this line")
                .contains("line 7: empty price (column price)")
                .containsPattern("unreadable lines +4")
                .containsPattern("ticks read +2");
        // A negative price is for ingest-service to reject, with its reason: the CLI passes it on as written.
        assertThat(queue.ticks())
                .map(t -> ((Trade) t).price())
                .containsExactly(new BigDecimal("800.01"), new BigDecimal("-5"));
    }
}

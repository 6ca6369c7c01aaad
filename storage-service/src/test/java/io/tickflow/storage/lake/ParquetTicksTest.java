package io.tickflow.storage.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Side;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.storage.BitstampTrades;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake's Parquet files, read back by DuckDB, which shares no code with the writer. */
class ParquetTicksTest {

    @TempDir
    Path dir;

    @Test
    void tradesReadBackExactlyWithTheirTypes() throws Exception {
        List<Trade> trades = List.of(
                new Trade(
                        "BTC-USD",
                        Instant.parse("2013-11-25T10:00:00.123456Z"),
                        new BigDecimal("800.0100000001"),
                        new BigDecimal("0.000000000000000001"),
                        Side.BUY,
                        "2101387",
                        1001L),
                new Trade(
                        "BTC-USD",
                        Instant.parse("2013-11-25T10:00:01Z"),
                        new BigDecimal("99999999999999999999.5"),
                        new BigDecimal("-1.25"),
                        null,
                        null,
                        null));
        Path file = write("trades.parquet", ParquetTicks.encode(Dataset.TRADES, trades));

        try (Connection db = duckdb();
                Statement s = db.createStatement()) {
            ResultSet types = s.executeQuery("DESCRIBE SELECT * FROM '" + file + "'");
            List<String> columns = new ArrayList<>();
            while (types.next()) {
                columns.add(types.getString(1) + " " + types.getString(2));
            }
            assertThat(columns)
                    .containsExactly(
                            "time TIMESTAMP WITH TIME ZONE",
                            "price DECIMAL(38,18)",
                            "size DECIMAL(38,18)",
                            "side VARCHAR",
                            "trade_id VARCHAR",
                            "sequence BIGINT");

            ResultSet rows = s.executeQuery("SELECT epoch_us(time), price::VARCHAR, size::VARCHAR, side, trade_id,"
                    + " sequence FROM '" + file + "' ORDER BY time");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(1385373600123456L);
            assertThat(new BigDecimal(rows.getString(2))).isEqualByComparingTo("800.0100000001");
            assertThat(new BigDecimal(rows.getString(3))).isEqualByComparingTo("0.000000000000000001");
            assertThat(rows.getString(4)).isEqualTo("buy");
            assertThat(rows.getString(5)).isEqualTo("2101387");
            assertThat(rows.getLong(6)).isEqualTo(1001L);
            assertThat(rows.next()).isTrue();
            assertThat(new BigDecimal(rows.getString(2))).isEqualByComparingTo("99999999999999999999.5");
            assertThat(new BigDecimal(rows.getString(3))).isEqualByComparingTo("-1.25");
            assertThat(rows.getString(4)).isNull();
            assertThat(rows.getObject(6)).isNull();
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void quotesAndBarsReadBack() throws Exception {
        Instant t = Instant.parse("2023-03-13T00:05:00Z");
        Path quotes = write(
                "q.parquet",
                ParquetTicks.encode(
                        Dataset.QUOTES,
                        List.of(new Quote(
                                "ETH-USD",
                                t,
                                new BigDecimal("1600.1"),
                                new BigDecimal("2"),
                                new BigDecimal("1600.2"),
                                new BigDecimal("3.5")))));
        Path bars = write(
                "b.parquet",
                ParquetTicks.encode(
                        Dataset.BARS,
                        List.of(new Bar(
                                "ETH-USD",
                                "5m",
                                t,
                                new BigDecimal("1600"),
                                new BigDecimal("1610"),
                                new BigDecimal("1590"),
                                new BigDecimal("1605"),
                                new BigDecimal("123.456")))));

        try (Connection db = duckdb();
                Statement s = db.createStatement()) {
            ResultSet q = s.executeQuery(
                    "SELECT bid::VARCHAR, bid_size::VARCHAR, ask::VARCHAR, ask_size::VARCHAR FROM '" + quotes + "'");
            assertThat(q.next()).isTrue();
            assertThat(new BigDecimal(q.getString(1))).isEqualByComparingTo("1600.1");
            assertThat(new BigDecimal(q.getString(4))).isEqualByComparingTo("3.5");
            ResultSet b = s.executeQuery(
                    "SELECT interval, high::VARCHAR, volume::VARCHAR, epoch_us(time) FROM '" + bars + "'");
            assertThat(b.next()).isTrue();
            assertThat(b.getString(1)).isEqualTo("5m");
            assertThat(new BigDecimal(b.getString(2))).isEqualByComparingTo("1610");
            assertThat(new BigDecimal(b.getString(3))).isEqualByComparingTo("123.456");
            assertThat(b.getLong(4)).isEqualTo(t.toEpochMilli() * 1000);
        }
    }

    @Test
    void theRealBitstampTradesReadBackWithTheSameSumsAndCount() throws Exception {
        List<Trade> trades = BitstampTrades.all();
        Path file = write("bitstamp.parquet", ParquetTicks.encode(Dataset.TRADES, trades));
        BigDecimal volume = trades.stream().map(Trade::size).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal notional =
                trades.stream().map(t -> t.price().multiply(t.size())).reduce(BigDecimal.ZERO, BigDecimal::add);

        try (Connection db = duckdb();
                Statement s = db.createStatement()) {
            ResultSet r = s.executeQuery("SELECT count(*), sum(size)::VARCHAR,"
                    // DECIMAL(38, 18) times itself has scale 36 in DuckDB and overflows; Bitstamp's have 12 digits.
                    + " sum(price::DECIMAL(38, 12) * size::DECIMAL(38, 12))::VARCHAR FROM '"
                    + file + "'");
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isEqualTo(trades.size());
            assertThat(new BigDecimal(r.getString(2))).isEqualByComparingTo(volume);
            assertThat(new BigDecimal(r.getString(3))).isEqualByComparingTo(notional);
            // The budget for bytes at rest per trade, on this very data.
            assertThat((double) Files.size(file) / trades.size()).isLessThan(15.0);
        }
    }

    @Test
    void aFileReadsBackToTheSameTicksAndEncodesAgainToTheSameBytes() {
        List<Trade> trades = BitstampTrades.all().subList(0, 5_000);
        byte[] file = ParquetTicks.encode(Dataset.TRADES, trades, java.util.Map.of("tickflow.sources", "a,b"));

        ParquetTickReader.Contents read = ParquetTickReader.read(Dataset.TRADES, "BTC-USD", file);

        assertThat(read.metadata()).containsEntry("tickflow.sources", "a,b");
        assertThat(read.ticks()).hasSize(trades.size());
        for (int i = 0; i < trades.size(); i++) {
            Trade back = (Trade) read.ticks().get(i);
            assertThat(back.time()).isEqualTo(trades.get(i).time());
            assertThat(back.price()).isEqualByComparingTo(trades.get(i).price());
            assertThat(back.size()).isEqualByComparingTo(trades.get(i).size());
        }
        assertThat(ParquetTicks.encode(Dataset.TRADES, read.ticks(), java.util.Map.of("tickflow.sources", "a,b")))
                .isEqualTo(file);
    }

    @Test
    void aDecimalWiderThanTheLakesIsRefused() {
        Trade tooFine = new Trade(
                "BTC-USD", Instant.EPOCH, new BigDecimal("1.0000000000000000001"), BigDecimal.ONE, null, null, null);

        assertThat(LakeDecimal.fits(tooFine.price())).isFalse();
        assertThat(LakeDecimal.fits(new BigDecimal("1.000000000000000000000"))).isTrue();
        assertThat(LakeDecimal.fits(new BigDecimal("123456789012345678901"))).isFalse();
        assertThatThrownBy(() -> ParquetTicks.encode(Dataset.TRADES, List.of(tooFine)))
                .isInstanceOf(ArithmeticException.class);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    static Connection duckdb() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }
}

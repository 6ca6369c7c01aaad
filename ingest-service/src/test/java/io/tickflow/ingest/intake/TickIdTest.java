package io.tickflow.ingest.intake;

import static io.tickflow.ingest.intake.Intakes.read;
import static io.tickflow.ingest.intake.TickJson.bar;
import static io.tickflow.ingest.intake.TickJson.batch;
import static io.tickflow.ingest.intake.TickJson.quote;
import static io.tickflow.ingest.intake.TickJson.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Side;
import io.tickflow.common.contract.ingest.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The identity of a tick, on which downstream de-duplication relies. */
class TickIdTest {

    private static TickId idOf(TickJson tick) {
        return read(batch(tick)).accepted().getFirst().id();
    }

    @Test
    void identifiesTradeByItsTradeIdFirst() {
        TickId id = idOf(trade().with("tradeId", "\"2101387\"").with("sequence", "1001"));

        assertThat(id).isEqualTo(new TickId("bitstamp", "BTC-USD", Dataset.TRADES, TickId.Basis.TRADE_ID, "2101387"));
        assertThat(id).hasToString("bitstamp/BTC-USD/trades/trade-id/2101387");
    }

    @Test
    void identifiesTradeBySequenceWithoutTradeId() {
        assertThat(idOf(trade().with("sequence", "1001"))).hasToString("bitstamp/BTC-USD/trades/sequence/1001");
    }

    @Test
    void identifiesTicksWithoutVenueIdsByTheirContent() {
        assertThat(idOf(trade()).basis()).isEqualTo(TickId.Basis.CONTENT);
        assertThat(idOf(quote()).toString()).startsWith("bitstamp/BTC-USD/quotes/sha256/");
        assertThat(idOf(bar()).toString()).startsWith("bitstamp/ETH-USD/bars/sha256/");
    }

    @Test
    void keepsTheContentHashStableAcrossReleases() {
        Trade trade = new Trade(
                "BTC-USD",
                Instant.parse("2013-11-25T01:41:08.123Z"),
                new BigDecimal("800.01"),
                new BigDecimal("0.1"),
                Side.BUY,
                null,
                null);

        assertThat(TickId.canonicalContent(trade)).isEqualTo("trade|1385343668.123000000|800.01|0.1|buy");
        // SHA-256 of the line above, first 16 bytes: pinned, since de-duplication keys outlive deployments.
        assertThat(TickId.of("bitstamp", trade).key()).isEqualTo("c3782ac975dcfa02d390a610f7a964c2");
    }

    @Test
    void writesDecimalsOfTheContentLineWithoutTrailingZeros() {
        Random random = new Random(800);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal[] values = new BigDecimal[4];
            for (int v = 0; v < values.length; v++) {
                values[v] = BigDecimal.valueOf(
                        random.nextLong(100_000_000L) * (random.nextBoolean() ? 1 : 100), random.nextInt(13));
            }
            Quote quote = new Quote(
                    "BTC-USD", Instant.ofEpochSecond(1_385_343_668L, 5), values[0], values[1], values[2], values[3]);

            String expected = "quote|1385343668.000000005";
            for (BigDecimal value : values) {
                expected += "|"
                        + (value.signum() == 0
                                ? "0"
                                : value.stripTrailingZeros().toPlainString());
            }
            assertThat(TickId.canonicalContent(quote)).isEqualTo(expected);
        }
    }

    @Test
    void givesTheSameIdToTheSameTickWhateverItsSpelling() {
        TickId spelled = idOf(trade().withString("symbol", "btc/usd")
                .with("time", "1385343668123")
                .with("price", "800.0100")
                .with("size", "\"0.10\""));

        assertThat(spelled).isEqualTo(idOf(trade()));
    }

    @Test
    void givesDifferentIdsToDifferentContent() {
        TickId base = idOf(trade());

        assertThat(idOf(trade().with("price", "\"800.02\""))).isNotEqualTo(base);
        assertThat(idOf(trade().with("size", "\"0.2\""))).isNotEqualTo(base);
        assertThat(idOf(trade().with("time", "\"2013-11-25T01:41:08.124Z\""))).isNotEqualTo(base);
        assertThat(idOf(trade().with("side", "\"buy\""))).isNotEqualTo(base);
        assertThat(idOf(bar().withString("interval", "1m"))).isNotEqualTo(idOf(bar().withString("interval", "5m")));
    }

    @Test
    void separatesStreamsOfOneTradeId() {
        TickId btc = idOf(trade().with("tradeId", "\"7\""));
        TickId eth = idOf(trade().with("tradeId", "\"7\"").withString("symbol", "ETH-USD"));

        assertThat(btc).isNotEqualTo(eth);
        assertThat(btc.stream()).isEqualTo(new TickStream("bitstamp", "BTC-USD", Dataset.TRADES));
    }
}

package io.tickflow.notify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.ContractExample;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.contract.market.CandleClosed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObservationsTest {

    private static final Instant T = Instant.parse("2024-03-01T12:00:00Z");

    @Test
    void tradesBecomePricesInTimeOrderKeepingTheOrderOfTicksOfOneInstant() {
        TicksAccepted trades = new TicksAccepted(
                UUID.randomUUID(),
                T.plusSeconds(5),
                "bitstamp",
                "BTC-USD",
                Dataset.TRADES,
                List.of(trade(2, "30002"), trade(1, "30001.5"), trade(2, "30003"), trade(0, "30000")),
                List.of("m-1"));

        assertThat(Observations.from(trades))
                .containsExactly(price(0, "30000"), price(1, "30001.5"), price(2, "30002"), price(2, "30003"));
    }

    @Test
    void quotesBecomeTheirExactMid() {
        TicksAccepted quotes = new TicksAccepted(
                UUID.randomUUID(),
                T.plusSeconds(5),
                "bitstamp",
                "BTC-USD",
                Dataset.QUOTES,
                List.of(new Quote(
                        "BTC-USD",
                        T,
                        new BigDecimal("100.01"),
                        BigDecimal.ONE,
                        new BigDecimal("100.02"),
                        BigDecimal.TEN)),
                List.of("m-1"));

        assertThat(Observations.from(quotes)).containsExactly(price(0, "100.015"));
    }

    @Test
    void readsTheProducersExamples() {
        assertThat(Observations.from(example(Contract.TICKS_ACCEPTED, "btc-usd-trades.json", TicksAccepted.class)))
                .extracting(o -> ((Observation.Price) o).price().toPlainString())
                .containsExactly("800.0100000001", "800.00", "799.9");
        assertThat(Observations.from(example(Contract.TICKS_ACCEPTED, "btc-usd-quotes.json", TicksAccepted.class)))
                .extracting(o -> ((Observation.Price) o).price().toPlainString())
                .containsExactly("800.005", "800.01");
        assertThat(Observations.from(example(Contract.TICKS_ACCEPTED, "eth-usd-bars.json", TicksAccepted.class)))
                .as("bars are not prices at a moment")
                .isEmpty();

        CandleClosed candle = example(Contract.CANDLE_CLOSED, "btc-usd-1m.json", CandleClosed.class);
        assertThat(Observations.from(candle)).containsExactly(new Observation.Candle(candle));
        assertThat(Observations.from(candle).getFirst().time()).isEqualTo(candle.closeTime());

        assertThat(Observations.from(
                        example(Contract.ANALYSIS_COMPLETED, "sma-crossover-sharpe.json", AnalysisCompleted.class)))
                .isEmpty();
    }

    static <T> T example(Contract contract, String name, Class<T> type) {
        ContractExample example = contract.examples().stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();
        return ContractJson.mapper().readValue(example.json(), type);
    }

    private static Trade trade(int second, String price) {
        return new Trade("BTC-USD", T.plusSeconds(second), new BigDecimal(price), BigDecimal.ONE, null, null, null);
    }

    private static Observation price(int second, String price) {
        return new Observation.Price("bitstamp", "BTC-USD", T.plusSeconds(second), new BigDecimal(price));
    }
}

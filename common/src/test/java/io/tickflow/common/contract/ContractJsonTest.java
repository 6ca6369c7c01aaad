package io.tickflow.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.common.contract.analysis.AnalysisRequest;
import io.tickflow.common.contract.analysis.Constraints;
import io.tickflow.common.contract.analysis.Costs;
import io.tickflow.common.contract.analysis.Direction;
import io.tickflow.common.contract.analysis.Objective;
import io.tickflow.common.contract.analysis.Optimizer;
import io.tickflow.common.contract.analysis.ParameterSpace;
import io.tickflow.common.contract.analysis.WalkForward;
import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.IngestEvent;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Side;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.common.contract.ingest.TickRejected;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.contract.market.CandleClosed;
import io.tickflow.common.contract.notify.Notification;
import io.tickflow.common.contract.notify.PriceAlertTriggered;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How {@link ContractJson} reads and writes decimals, times and the contracts' records. */
class ContractJsonTest {

    private static final JsonMapper JSON = ContractJson.mapper();
    private static final Instant FIRST_TRADE = Instant.parse("2013-11-25T01:41:08.123Z");

    @Test
    void keepsEveryDigitOfADecimalSentAsAStringOrAsANumber() {
        TickBatch asStrings = JSON.readValue(example(Contract.TICK_BATCH, "btc-usd-trades.json"), TickBatch.class);
        TickBatch asNumbers = JSON.readValue(
                example(Contract.TICK_BATCH, "btc-usd-trades-epoch-millis-and-numbers.json"), TickBatch.class);

        for (TickBatch batch : List.of(asStrings, asNumbers)) {
            Trade first = (Trade) batch.ticks().getFirst();
            Trade second = (Trade) batch.ticks().get(1);
            assertThat(first.price()).isEqualTo(new BigDecimal("800.0100000001"));
            assertThat(second.size()).isEqualTo(new BigDecimal("1.25000000")); // the scale too
            assertThat(JSON.readTree(JSON.writeValueAsString(batch))
                            .at("/ticks/0/price")
                            .stringValue())
                    .isEqualTo("800.0100000001");
        }
    }

    @Test
    void readsTheSameBatchFromIsoTimesAndStringDecimalsAsFromEpochMillisAndNumbers() {
        TickBatch iso = JSON.readValue(example(Contract.TICK_BATCH, "btc-usd-trades.json"), TickBatch.class);
        TickBatch epochMillis = JSON.readValue(
                example(Contract.TICK_BATCH, "btc-usd-trades-epoch-millis-and-numbers.json"), TickBatch.class);

        assertThat(epochMillis).isEqualTo(iso);
        assertThat(iso.ticks().getFirst().time()).isEqualTo(FIRST_TRADE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1385343668123",
                "1385343668123.0",
                "\"2013-11-25T01:41:08.123Z\"",
                "\"2013-11-25T02:41:08.123+01:00\"",
                "\"2013-11-24T20:41:08.123-05:00\""
            })
    void readsEpochMillisAndIsoTimesWithAnyOffsetAsTheSameInstant(String time) {
        Trade trade = JSON.readValue(
                """
                {"type":"trade","symbol":"BTC-USD","time":%s,"price":"800.01","size":"0.1"}"""
                        .formatted(time),
                Trade.class);

        assertThat(trade.time()).isEqualTo(FIRST_TRADE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1385343668123.5", "\"2013-11-25T01:41:08\"", "\"yesterday\"", "true"})
    void rejectsTimesThatAreNoInstant(String time) {
        String json = """
                {"type":"trade","symbol":"BTC-USD","time":%s,"price":"800.01","size":"0.1"}"""
                .formatted(time);

        assertThatThrownBy(() -> JSON.readValue(json, Trade.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void writesInstantsAsIsoUtcAndDecimalsAsPlainStrings() {
        Quote quote = new Quote(
                "BTC-USD",
                FIRST_TRADE,
                new BigDecimal("1E+3"),
                new BigDecimal("0.10"),
                new BigDecimal("1000.5"),
                BigDecimal.ONE);

        JsonNode written = JSON.readTree(JSON.writeValueAsString(quote));

        assertThat(written.get("type").stringValue()).isEqualTo("quote");
        assertThat(written.get("time").stringValue()).isEqualTo("2013-11-25T01:41:08.123Z");
        assertThat(written.get("bid").isString()).isTrue();
        assertThat(written.get("bid").stringValue()).isEqualTo("1000");
        assertThat(written.get("bidSize").stringValue()).isEqualTo("0.10");
    }

    @Test
    void leavesAbsentOptionalFieldsOutInsteadOfWritingNull() {
        Trade trade =
                new Trade("BTC-USD", FIRST_TRADE, new BigDecimal("800.01"), new BigDecimal("0.1"), null, null, null);

        JsonNode written = JSON.readTree(JSON.writeValueAsString(trade));

        assertThat(written.propertyNames()).containsExactly("type", "symbol", "time", "price", "size");
    }

    @Test
    void ignoresPropertiesItDoesNotKnow() {
        Trade trade = JSON.readValue(
                """
                {"type":"trade","symbol":"BTC-USD","time":"2013-11-25T01:41:08.123Z","price":"800.01","size":"0.1",
                 "exchangeTime":"2013-11-25T01:41:08.120Z","fees":{"maker":"0.001"}}""",
                Trade.class);

        assertThat(trade.price()).isEqualTo(new BigDecimal("800.01"));
    }

    @Test
    void rejectsAPropertyGivenTwiceRatherThanPickingOne() {
        String json =
                """
                {"type":"trade","symbol":"BTC-USD","time":"2013-11-25T01:41:08.123Z","price":"800.01","price":"8.01","size":"0.1"}""";

        assertThatThrownBy(() -> JSON.readValue(json, Trade.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void readsABareTickWithItsVenueAsABatchOfOneAndWritesItBackAsABatch() {
        TickBatch batch = JSON.readValue(example(Contract.TICK_BATCH, "bare-trade.json"), TickBatch.class);

        assertThat(batch.venue()).isEqualTo("bitstamp");
        assertThat(batch.ticks())
                .containsExactly(new Trade(
                        "BTC-USD",
                        FIRST_TRADE,
                        new BigDecimal("800.01"),
                        new BigDecimal("0.1"),
                        Side.BUY,
                        "2101387",
                        null));
        JsonNode written = JSON.readTree(JSON.writeValueAsString(batch));
        assertThat(written.propertyNames()).containsExactly("schema", "venue", "ticks");
        assertThat(written.get("schema").stringValue()).isEqualTo(TickBatch.SCHEMA);
    }

    @Test
    void readsEveryKindOfTickByItsType() {
        TickBatch batch = JSON.readValue(example(Contract.TICK_BATCH, "mixed-trade-quote-bar.json"), TickBatch.class);

        assertThat(batch.ticks()).map(Object::getClass).containsExactly(Trade.class, Quote.class, Bar.class);
        assertThat(batch.ticks()).map(Tick::dataset).containsExactly(Dataset.TRADES, Dataset.QUOTES, Dataset.BARS);
        assertThat(((Bar) batch.ticks().get(2)).interval()).isEqualTo("5m");
    }

    @Test
    void refusesATickBatchWithoutTicksOrVenue() {
        assertThatThrownBy(() -> JSON.readValue(
                        """
                        {"schema":"tickflow.tick-batch.v1","venue":"bitstamp","ticks":[]}""",
                        TickBatch.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("at least one tick");
        assertThatThrownBy(() -> JSON.readValue(
                        """
                        {"type":"trade","symbol":"BTC-USD","time":1385343668123,"price":"800.01","size":"0.1"}""",
                        TickBatch.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("venue");
    }

    @Test
    void readsAnEventThroughItsProducersInterfaceForAnExhaustiveSwitch() {
        IngestEvent event = JSON.readValue(example(Contract.TICK_REJECTED, "negative-price.json"), IngestEvent.class);

        String handled =
                switch (event) {
                    case TicksAccepted accepted -> "stored " + accepted.ticks().size();
                    case TickRejected rejected ->
                        rejected.reasonCode() + " at " + rejected.source().position();
                };

        assertThat(handled).isEqualTo("NEGATIVE_PRICE at 1");
    }

    @Test
    void refusesToReadOneContractsMessageAsAnothersRecord() {
        String candle = example(Contract.CANDLE_CLOSED, "btc-usd-1m.json");

        assertThatThrownBy(() -> JSON.readValue(candle, PriceAlertTriggered.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> JSON.readValue(candle, IngestEvent.class)).isInstanceOf(JacksonException.class);
        assertThat(JSON.readValue(candle, CandleClosed.class).interval()).isEqualTo(Interval.ONE_MINUTE);
    }

    @Test
    void selfValidatingRecordsTurnBadValuesIntoReadErrors() {
        String candle = example(Contract.CANDLE_CLOSED, "btc-usd-1m.json")
                .replace("\"closeTime\": \"2013-11-25T01:42:00Z\"", "\"closeTime\": \"2013-11-25T01:43:00Z\"");

        assertThatThrownBy(() -> JSON.readValue(candle, CandleClosed.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("closes at 2013-11-25T01:42:00Z");
    }

    @Test
    void fillsInTheDocumentedDefaultsOfAnAnalysisRequest() {
        AnalysisRequest request =
                JSON.readValue(example(Contract.ANALYSIS_REQUEST, "minimal-with-defaults.json"), AnalysisRequest.class);

        assertThat(request.requestId()).isEqualTo(UUID.fromString("1b4e28ba-2fa1-41d2-883f-0016d3cca427"));
        assertThat(request.parameters()).isEmpty();
        assertThat(request.optimizer().method()).isEqualTo(Optimizer.Method.GRID);
        assertThat(request.optimizer().trials()).isEqualTo(Optimizer.DEFAULT_TRIALS);
        assertThat(request.objective()).isEqualTo(Objective.SHARPE);
        assertThat(request.constraints()).isEqualTo(new Constraints(10, null));
        assertThat(request.costs()).isEqualTo(new Costs(BigDecimal.TEN, BigDecimal.valueOf(5)));
        assertThat(request.direction()).isEqualTo(Direction.LONG_ONLY);
        assertThat(request.walkForward())
                .isEqualTo(new WalkForward(5, WalkForward.Mode.ROLLING, new BigDecimal("0.7")));
    }

    @Test
    void derivesTheSameSeedEachTimeTheSameRequestIsRead() {
        String json = example(Contract.ANALYSIS_REQUEST, "rsi-random-continuous.json");

        AnalysisRequest once = JSON.readValue(json, AnalysisRequest.class);
        AnalysisRequest again = JSON.readValue(json, AnalysisRequest.class);
        AnalysisRequest other = JSON.readValue(
                json.replace("c2d3e4f5-0617-4283-94a5-b6c7d8e9f0a1", "d2d3e4f5-0617-4283-94a5-b6c7d8e9f0a1"),
                AnalysisRequest.class);

        assertThat(once.optimizer().seed())
                .isNotNull()
                .isEqualTo(again.optimizer().seed())
                .isBetween(0L, 1L << 53);
        assertThat(other.optimizer().seed()).isNotEqualTo(once.optimizer().seed());
    }

    @Test
    void tellsParameterRangesFromChoicesByTheirShape() {
        AnalysisRequest request =
                JSON.readValue(example(Contract.ANALYSIS_REQUEST, "sma-crossover-grid.json"), AnalysisRequest.class);

        assertThat(request.parameters())
                .containsEntry(
                        "fast",
                        new ParameterSpace.Range(BigDecimal.valueOf(5), BigDecimal.valueOf(50), BigDecimal.valueOf(5)))
                .containsEntry(
                        "stopLoss",
                        new ParameterSpace.Choices(
                                List.of(new BigDecimal("0.02"), new BigDecimal("0.05"), new BigDecimal("0.1"))));
    }

    @Test
    void wrapsAnEventInANotificationAsItWasPublished() {
        PriceAlertTriggered alert = JSON.readValue(
                example(Contract.PRICE_ALERT_TRIGGERED, "btc-crosses-above-30000.json"), PriceAlertTriggered.class);
        UUID delivery = UUID.fromString("c2334455-6677-4899-aabb-ccddeeff0011");

        Notification notification =
                Notification.of(delivery, Instant.parse("2023-06-21T14:02:11.530Z"), "sub-alice-webhook", alert);

        assertThat(notification.eventType()).isEqualTo("PriceAlertTriggered");
        assertThat(JSON.treeToValue(notification.event(), PriceAlertTriggered.class))
                .isEqualTo(alert);
        assertThat(notification)
                .isEqualTo(JSON.readValue(example(Contract.NOTIFICATION, "price-alert.json"), Notification.class));
        // Written from its fields, not its accessors: still exactly the contract's example, schema first.
        String written = JSON.writeValueAsString(notification);
        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(example(Contract.NOTIFICATION, "price-alert.json")));
        assertThat(written).startsWith("{\"schema\":\"tickflow.notification.v1\",");
    }

    @Test
    void notificationsCannotBeChangedThroughTheirEvent() {
        Notification notification =
                JSON.readValue(example(Contract.NOTIFICATION, "price-alert.json"), Notification.class);

        notification.event().put("price", "1");

        assertThat(notification.event().get("price").stringValue()).isEqualTo("30000.01");
    }

    @Test
    void writesParametersInNameOrderWhateverOrderTheyCameIn() {
        AnalysisRequest request =
                JSON.readValue(example(Contract.ANALYSIS_REQUEST, "rsi-random-continuous.json"), AnalysisRequest.class);

        JsonNode written = JSON.readTree(JSON.writeValueAsString(request)).get("parameters");

        assertThat(written.propertyNames()).containsExactly("overbought", "oversold", "period");
    }

    private static String example(Contract contract, String name) {
        return contract.examples().stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No example " + name + " of " + contract))
                .json();
    }
}

package io.tickflow.ingest.intake;

import static io.tickflow.ingest.intake.Intakes.onlyAccepted;
import static io.tickflow.ingest.intake.Intakes.onlyRejection;
import static io.tickflow.ingest.intake.Intakes.read;
import static io.tickflow.ingest.intake.TickJson.bar;
import static io.tickflow.ingest.intake.TickJson.batch;
import static io.tickflow.ingest.intake.TickJson.quote;
import static io.tickflow.ingest.intake.TickJson.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Side;
import io.tickflow.common.contract.ingest.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules each kind of tick must meet. */
class TickRulesTest {

    private static Rejection rejectionOf(TickJson tick) {
        return onlyRejection(read(batch(tick)));
    }

    @Nested
    class Trades {

        @Test
        void acceptsTradeWithEveryField() {
            Trade trade = (Trade) onlyAccepted(read(batch(trade().with("side", "\"sell\"")
                    .with("tradeId", "\"2101388\"")
                    .with("sequence", "1002"))));

            assertThat(trade)
                    .isEqualTo(new Trade(
                            "BTC-USD",
                            Instant.parse("2013-11-25T01:41:08.123Z"),
                            new BigDecimal("800.01"),
                            new BigDecimal("0.1"),
                            Side.SELL,
                            "2101388",
                            1002L));
        }

        @Test
        void acceptsTradeWithoutItsOptionalFields() {
            Trade trade = (Trade) onlyAccepted(read(batch(trade())));

            assertThat(trade.side()).isNull();
            assertThat(trade.tradeId()).isNull();
            assertThat(trade.sequence()).isNull();
        }

        @Test
        void treatsNullOptionalFieldsAsAbsent() {
            Trade trade = (Trade) onlyAccepted(read(
                    batch(trade().with("side", "null").with("tradeId", "null").with("sequence", "null"))));

            assertThat(trade.side()).isNull();
            assertThat(trade.tradeId()).isNull();
            assertThat(trade.sequence()).isNull();
        }

        @Test
        void rejectsTickWithNegativePrice() {
            Rejection rejection = rejectionOf(trade().with("price", "\"-800.01\""));

            assertThat(rejection.code()).isEqualTo(ReasonCode.NON_POSITIVE_PRICE);
            assertThat(rejection.reason())
                    .isEqualTo("The price -800.01 is not positive; a price is greater than zero.");
        }

        @Test
        void rejectsTradeWithZeroPrice() {
            assertThat(rejectionOf(trade().with("price", "0")).code()).isEqualTo(ReasonCode.NON_POSITIVE_PRICE);
            assertThat(rejectionOf(trade().with("price", "\"-0.0\"")).code()).isEqualTo(ReasonCode.NON_POSITIVE_PRICE);
        }

        @Test
        void acceptsTradeWithZeroSize() {
            assertThat(((Trade) onlyAccepted(read(batch(trade().with("size", "\"0\""))))).size())
                    .isZero();
        }

        @Test
        void rejectsTradeWithNegativeSize() {
            assertThat(rejectionOf(trade().with("size", "-0.1")).code()).isEqualTo(ReasonCode.NEGATIVE_SIZE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"long\"", "\"BUY\"", "\"Sell\"", "\"b\"", "\"\"", "1", "true"})
        void rejectsSideThatIsNotBuyOrSell(String json) {
            assertThat(rejectionOf(trade().with("side", json)).code()).isEqualTo(ReasonCode.INVALID_SIDE);
        }

        @Test
        void readsIntegerTradeIdAsItsDecimalText() {
            Trade trade = (Trade) onlyAccepted(read(batch(trade().with("tradeId", "2101387"))));

            assertThat(trade.tradeId()).isEqualTo("2101387");
        }

        @Test
        void keepsTradeIdsAsSentIncludingBeyondTheRangeOfALong() {
            Trade trade = (Trade) onlyAccepted(read(batch(trade().with("tradeId", "123456789012345678901234567890"))));

            assertThat(trade.tradeId()).isEqualTo("123456789012345678901234567890");
        }

        @Test
        void acceptsTradeIdOf128Characters() {
            String id = "t".repeat(128);

            assertThat(((Trade) onlyAccepted(read(batch(trade().withString("tradeId", id))))).tradeId())
                    .isEqualTo(id);
        }

        @Test
        void rejectsTradeIdLongerThan128Characters() {
            Rejection rejection = rejectionOf(trade().withString("tradeId", "t".repeat(129)));

            assertThat(rejection.code()).isEqualTo(ReasonCode.INVALID_TRADE_ID);
            assertThat(rejection.reason()).contains("129 characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"\"", "\"a\\u0000b\"", "\"line\\nbreak\"", "1.5", "{\"id\":1}", "true"})
        void rejectsTradeIdsThatCannotBeKeys(String json) {
            assertThat(rejectionOf(trade().with("tradeId", json)).code()).isEqualTo(ReasonCode.INVALID_TRADE_ID);
        }

        @Test
        void acceptsSequenceUpToTheLargestLong() {
            Trade trade = (Trade) onlyAccepted(read(batch(trade().with("sequence", "9223372036854775807"))));

            assertThat(trade.sequence()).isEqualTo(Long.MAX_VALUE);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "-1",
                    "9223372036854775808",
                    "99999999999999999999999",
                    "1001.0",
                    "1e3",
                    "\"1001\"",
                    "\"1001a\"",
                    "true"
                })
        void rejectsSequenceThatIsNotANonNegativeLong(String json) {
            assertThat(rejectionOf(trade().with("sequence", json)).code()).isEqualTo(ReasonCode.INVALID_SEQUENCE);
        }

        @Test
        void rejectsTradeWithoutPrice() {
            Rejection rejection = rejectionOf(trade().without("price"));

            assertThat(rejection.code()).isEqualTo(ReasonCode.MISSING_FIELD);
            assertThat(rejection.reason()).contains("\"price\"");
        }

        @Test
        void rejectsTradeWithNullSizeAsMissing() {
            assertThat(rejectionOf(trade().with("size", "null")).code()).isEqualTo(ReasonCode.MISSING_FIELD);
        }

        @Test
        void reportsTheFirstProblemInFieldOrder() {
            Rejection rejection = rejectionOf(
                    trade().with("size", "\"-1\"").with("price", "\"x\"").without("symbol"));

            assertThat(rejection.code()).isEqualTo(ReasonCode.MISSING_FIELD);
            assertThat(rejection.reason()).contains("\"symbol\"");
        }

        @Test
        void ignoresFieldsTheContractDoesNotName() {
            Trade trade = (Trade) onlyAccepted(
                    read(batch(trade().with("fee", "{\"amount\":[1,2,{\"deep\":null}],\"currency\":\"USD\"}")
                            .with("exchangeTs", "1385343668123")
                            .with("comment", "\"hello\""))));

            assertThat(trade.price()).isEqualTo(new BigDecimal("800.01"));
        }

        @Test
        void ignoresFieldsOfOtherTickTypesWhateverTheirValue() {
            Trade trade = (Trade) onlyAccepted(read(
                    batch(trade().with("bid", "\"junk\"").with("interval", "{}").with("volume", "-5"))));

            assertThat(trade.symbol()).isEqualTo("BTC-USD");
        }

        @Test
        void rejectsTickWithAFieldTwice() {
            String tick = "{\"type\":\"trade\",\"symbol\":\"BTC-USD\",\"time\":\"2013-11-25T01:41:08Z\","
                    + "\"price\":\"800.01\",\"price\":\"1.00\",\"size\":\"0.1\"}";

            Rejection rejection = onlyRejection(read(batch(tick)));

            assertThat(rejection.code()).isEqualTo(ReasonCode.DUPLICATE_FIELD);
            assertThat(rejection.reason()).contains("\"price\" more than once");
        }

        @Test
        void rejectsTickWithItsTypeTwiceEvenIfBothAgree() {
            String tick =
                    "{\"type\":\"trade\",\"type\":\"trade\",\"symbol\":\"BTC-USD\",\"time\":\"2013-11-25T01:41:08Z\","
                            + "\"price\":\"800.01\",\"size\":\"0.1\"}";

            assertThat(onlyRejection(read(batch(tick))).code()).isEqualTo(ReasonCode.DUPLICATE_FIELD);
        }

        @Test
        void readsFieldsInAnyOrder() {
            String tick = "{\"size\":\"0.1\",\"price\":\"800.01\",\"time\":\"2013-11-25T01:41:08.123Z\","
                    + "\"symbol\":\"btc/usd\",\"type\":\"trade\"}";

            assertThat(onlyAccepted(read(batch(tick)))).isEqualTo(onlyAccepted(read(batch(trade()))));
        }
    }

    @Nested
    class Quotes {

        @Test
        void acceptsQuote() {
            assertThat(onlyAccepted(read(batch(quote()))))
                    .isEqualTo(new Quote(
                            "BTC-USD",
                            Instant.parse("2013-11-25T01:41:08.250Z"),
                            new BigDecimal("799.99"),
                            new BigDecimal("2.5"),
                            new BigDecimal("800.02"),
                            new BigDecimal("0.75")));
        }

        @Test
        void acceptsQuoteWithBidEqualToAsk() {
            assertThat(onlyAccepted(read(batch(quote().with("bid", "\"800.020\"")))))
                    .isInstanceOf(Quote.class);
        }

        @Test
        void rejectsCrossedQuote() {
            Rejection rejection = rejectionOf(quote().with("bid", "\"800.03\""));

            assertThat(rejection.code()).isEqualTo(ReasonCode.CROSSED_QUOTE);
            assertThat(rejection.reason()).contains("800.03", "800.02");
        }

        @Test
        void rejectsQuoteWithNonPositiveBidOrAsk() {
            assertThat(rejectionOf(quote().with("bid", "0")).code()).isEqualTo(ReasonCode.NON_POSITIVE_PRICE);
            assertThat(rejectionOf(quote().with("ask", "\"-1\"")).code()).isEqualTo(ReasonCode.NON_POSITIVE_PRICE);
        }

        @Test
        void rejectsQuoteWithNegativeSizes() {
            assertThat(rejectionOf(quote().with("bidSize", "-1")).code()).isEqualTo(ReasonCode.NEGATIVE_SIZE);
            assertThat(rejectionOf(quote().with("askSize", "\"-0.01\"")).code()).isEqualTo(ReasonCode.NEGATIVE_SIZE);
        }

        @Test
        void rejectsQuoteWithoutAskSize() {
            Rejection rejection = rejectionOf(quote().without("askSize"));

            assertThat(rejection.code()).isEqualTo(ReasonCode.MISSING_FIELD);
            assertThat(rejection.reason())
                    .isEqualTo("The quote has no \"askSize\" (or it is null), which every quote" + " needs. Add it.");
        }
    }

    @Nested
    class Bars {

        @ParameterizedTest
        @ValueSource(strings = {"1m", "5m", "1h", "1d"})
        void acceptsBarsOfEverySupportedInterval(String interval) {
            Bar bar = (Bar) onlyAccepted(read(batch(bar().withString("interval", interval))));

            assertThat(bar.interval()).isEqualTo(interval);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1s", "15m", "4h", "1w", "9999d"})
        void rejectsWellFormedIntervalsTickflowDoesNotStore(String interval) {
            Rejection rejection = rejectionOf(bar().withString("interval", interval));

            assertThat(rejection.code()).isEqualTo(ReasonCode.UNSUPPORTED_INTERVAL);
            assertThat(rejection.reason()).contains("\"1m\", \"5m\", \"1h\" or \"1d\"");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"\"m\"", "\"0m\"", "\"1y\"", "\"1 m\"", "\"01m\"", "\"10000m\"", "\"1M\"", "\"\"", "5", "{}"
                })
        void rejectsIntervalsThatAreNoCountAndUnit(String json) {
            assertThat(rejectionOf(bar().with("interval", json)).code()).isEqualTo(ReasonCode.INVALID_INTERVAL);
        }

        @Test
        void acceptsFlatBar() {
            Bar bar = (Bar) onlyAccepted(read(batch(bar().with("open", "\"5\"")
                    .with("high", "\"5\"")
                    .with("low", "\"5\"")
                    .with("close", "\"5\"")
                    .with("volume", "\"0\""))));

            assertThat(bar.high()).isEqualTo(bar.low());
        }

        @Test
        void rejectsBarWithHighBelowOpenOrClose() {
            Rejection belowOpen = rejectionOf(bar().with("high", "\"1674.86\"").with("close", "\"1674\""));
            Rejection belowClose = rejectionOf(bar().with("high", "\"1679.54\""));

            assertThat(belowOpen.code()).isEqualTo(ReasonCode.INCONSISTENT_BAR);
            assertThat(belowOpen.reason()).contains("its high 1674.86 is below its open 1674.87");
            assertThat(belowClose.reason()).contains("its high 1679.54 is below its close 1679.55");
        }

        @Test
        void rejectsBarWithLowAboveOpenOrClose() {
            Rejection aboveOpen = rejectionOf(bar().with("low", "\"1674.88\""));
            Rejection aboveClose = rejectionOf(
                    bar().with("open", "\"1680\"").with("close", "\"1672\"").with("low", "\"1673\""));

            assertThat(aboveOpen.code()).isEqualTo(ReasonCode.INCONSISTENT_BAR);
            assertThat(aboveClose.reason()).contains("its low 1673 is above its close 1672");
        }

        @Test
        void rejectsBarWithNonPositivePrices() {
            assertThat(rejectionOf(bar().with("low", "\"0\"")).code()).isEqualTo(ReasonCode.NON_POSITIVE_PRICE);
        }

        @Test
        void rejectsBarWithNegativeVolume() {
            assertThat(rejectionOf(bar().with("volume", "\"-812.4\"")).code()).isEqualTo(ReasonCode.NEGATIVE_SIZE);
        }
    }

    @Nested
    class Types {

        @ParameterizedTest
        @ValueSource(
                strings = {"\"order\"", "\"Trade\"", "\"TRADE\"", "\"trade \"", "\"\"", "1", "true", "{}", "[\"trade\"]"
                })
        void rejectsTypesTheContractDoesNotKnow(String json) {
            assertThat(rejectionOf(trade().with("type", json)).code()).isEqualTo(ReasonCode.UNKNOWN_TYPE);
        }

        @Test
        void rejectsTickWithoutType() {
            assertThat(rejectionOf(trade().without("type")).code()).isEqualTo(ReasonCode.MISSING_TYPE);
            assertThat(rejectionOf(trade().with("type", "null")).code()).isEqualTo(ReasonCode.MISSING_TYPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"42", "\"trade\"", "null", "true", "[]", "[{\"type\":\"trade\"}]"})
        void rejectsTickThatIsNotAnObject(String json) {
            Rejection rejection = onlyRejection(read(batch(json)));

            assertThat(rejection.code()).isEqualTo(ReasonCode.TICK_NOT_AN_OBJECT);
            assertThat(rejection.original()).isEqualTo(json);
        }
    }
}

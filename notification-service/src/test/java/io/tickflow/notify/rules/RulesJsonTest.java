package io.tickflow.notify.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.Interval;
import io.tickflow.notify.rules.EventFilter.Condition;
import io.tickflow.notify.rules.EventFilter.Operator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The stored forms: Tickflow's contract mapper and a default Jackson 3 mapper both read back what they write. */
class RulesJsonTest {

    static Stream<Arguments> mappers() {
        return Stream.of(
                Arguments.of("ContractJson", ContractJson.mapper()),
                Arguments.of("default", JsonMapper.builder().build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappers")
    void readsAFilterAsAPlainObjectAndAbsentFieldsAsEmpty(String name, JsonMapper mapper) {
        EventFilter filter = mapper.readValue(
                """
                {"eventTypes":["AnalysisCompleted"],"symbols":["BTC-USD"],"strategies":[],
                 "conditions":[{"attribute":"objectiveValue","op":">=","value":"1.5"}]}
                """,
                EventFilter.class);
        assertThat(filter)
                .isEqualTo(new EventFilter(
                        Set.of("AnalysisCompleted"),
                        Set.of("BTC-USD"),
                        Set.of(),
                        List.of(new Condition("objectiveValue", Operator.GREATER_OR_EQUAL, "1.5"))));

        assertThat(mapper.readValue("{\"symbols\":[\"ETH-USD\"]}", EventFilter.class))
                .isEqualTo(new EventFilter(Set.of(), Set.of("ETH-USD"), Set.of(), List.of()));
        assertThat(mapper.readValue("{\"conditions\":null}", EventFilter.class)).isEqualTo(EventFilter.ANY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappers")
    void writesAFilterItReadsBack(String name, JsonMapper mapper) {
        EventFilter filter = new EventFilter(
                Set.of("AnalysisFailed", "AnalysisCompleted"),
                Set.of("ETH-USD", "BTC-USD"),
                Set.of("sma-crossover"),
                List.of(
                        new Condition("objectiveValue", Operator.NOT_EQUAL, "0"),
                        new Condition("interval", Operator.EQUAL, "1h")));
        String json = mapper.writeValueAsString(filter);

        assertThat(json)
                .startsWith("{\"eventTypes\":[\"AnalysisCompleted\",\"AnalysisFailed\"],\"symbols\":[\"BTC-USD\",")
                .contains("{\"attribute\":\"objectiveValue\",\"op\":\"!=\",\"value\":\"0\"}");
        assertThat(mapper.readValue(json, EventFilter.class)).isEqualTo(filter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappers")
    void refusesAFilterWithAnUnknownOperatorOrEventTypeSayingWhy(String name, JsonMapper mapper) {
        assertThatThrownBy(() -> mapper.readValue(
                        "{\"conditions\":[{\"attribute\":\"objectiveValue\",\"op\":\"=>\",\"value\":\"1\"}]}",
                        EventFilter.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("Unknown operator '=>'");
        assertThatThrownBy(() -> mapper.readValue("{\"eventTypes\":[\"Whatever\"]}", EventFilter.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("Unknown event type 'Whatever'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappers")
    void writesEachKindOfRuleWithItsTypeAndReadsItBack(String name, JsonMapper mapper) {
        PriceAlertRule crosses = new PriceAlertRule.Crosses("bitstamp", "BTC-USD", new BigDecimal("30000.50"));
        PriceAlertRule moves =
                new PriceAlertRule.MovesPercent("bitstamp", "BTC-USD", new BigDecimal("2.5"), Duration.ofMinutes(15));
        PriceAlertRule closes = new PriceAlertRule.CandleCloses(
                "bitstamp", "ETH-USD", Interval.ONE_HOUR, PriceAlertRule.Side.BELOW, new BigDecimal("1800"));

        assertThat(mapper.writeValueAsString(crosses))
                .contains("\"type\":\"crosses\"")
                .contains("30000.50");
        assertThat(mapper.writeValueAsString(moves))
                .contains("\"type\":\"moves-percent\"")
                .contains("\"window\":\"PT15M\"");
        assertThat(mapper.writeValueAsString(closes))
                .contains("\"type\":\"candle-closes\"")
                .contains("\"interval\":\"1h\"")
                .contains("\"side\":\"below\"");
        for (PriceAlertRule rule : List.of(crosses, moves, closes)) {
            assertThat(mapper.readValue(mapper.writeValueAsString(rule), PriceAlertRule.class))
                    .isEqualTo(rule);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappers")
    void readsARuleAsAUserWritesIt(String name, JsonMapper mapper) {
        assertThat(mapper.readValue(
                        """
                        {"type":"moves-percent","venue":"bitstamp","symbol":"BTC-USD","percent":"5","window":"PT1H"}
                        """,
                        PriceAlertRule.class))
                .isEqualTo(new PriceAlertRule.MovesPercent(
                        "bitstamp", "BTC-USD", new BigDecimal("5"), Duration.ofHours(1)));
        assertThatThrownBy(() -> mapper.readValue(
                        "{\"type\":\"crosses\",\"venue\":\"bitstamp\",\"symbol\":\"BTC-USD\",\"level\":\"-1\"}",
                        PriceAlertRule.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("The level of a price alert is positive: -1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappers")
    void writesEachKindOfStateAndReadsItBack(String name, JsonMapper mapper) {
        RuleRun window = new RuleRun(new PriceAlertRule.MovesPercent(
                RuleRun.VENUE, RuleRun.SYMBOL, new BigDecimal("5"), Duration.ofMinutes(1)));
        window.prices(0, "100", "99.5", "106", "105.5", "106.2");
        RuleRun candles = new RuleRun(new PriceAlertRule.CandleCloses(
                RuleRun.VENUE, RuleRun.SYMBOL, Interval.ONE_HOUR, PriceAlertRule.Side.ABOVE, BigDecimal.TEN));
        candles.candle(Interval.ONE_HOUR, 3, "12.5");
        List<AlertState> states = List.of(
                AlertState.initial(),
                new AlertState.LastPrice(RuleRun.START, new BigDecimal("29999.990")),
                window.state(),
                candles.state());

        assertThat(((AlertState.Window) window.state()).upArmed())
                .as("the state has a disarmed direction")
                .isFalse();
        assertThat(mapper.writeValueAsString(AlertState.initial())).isEqualTo("{\"type\":\"initial\"}");
        for (AlertState state : states) {
            assertThat(mapper.readValue(mapper.writeValueAsString(state), AlertState.class))
                    .isEqualTo(state);
        }
    }
}

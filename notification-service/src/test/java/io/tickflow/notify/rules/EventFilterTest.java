package io.tickflow.notify.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.ContractEvent;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.analysis.AnalysisFailed;
import io.tickflow.common.contract.market.CandleClosed;
import io.tickflow.notify.rules.EventFilter.Condition;
import io.tickflow.notify.rules.EventFilter.Operator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class EventFilterTest {

    /** BTC-USD, 1h, sma-crossover, sharpe, objectiveValue 1.5821. */
    private static final AnalysisCompleted COMPLETED =
            ObservationsTest.example(Contract.ANALYSIS_COMPLETED, "sma-crossover-sharpe.json", AnalysisCompleted.class);
    /** ETH-USD, rsi-reversion; no venue, interval or objectiveValue attribute. */
    private static final AnalysisFailed FAILED =
            ObservationsTest.example(Contract.ANALYSIS_FAILED, "no-data.json", AnalysisFailed.class);
    /** bitstamp BTC-USD 1m. */
    private static final CandleClosed CANDLE =
            ObservationsTest.example(Contract.CANDLE_CLOSED, "btc-usd-1m.json", CandleClosed.class);

    @Test
    void anEmptyFilterLetsEverythingThrough() {
        assertThat(List.of(COMPLETED, FAILED, CANDLE)).allMatch(EventFilter.ANY::matches);
    }

    @Test
    void matchesAnyOfItsEventTypes() {
        EventFilter completed = filter(Set.of("AnalysisCompleted"), Set.of(), Set.of());
        assertThat(completed.matches(COMPLETED)).isTrue();
        assertThat(completed.matches(FAILED)).isFalse();
        assertThat(completed.matches(CANDLE)).isFalse();

        EventFilter analyses = filter(Set.of("AnalysisCompleted", "AnalysisFailed"), Set.of(), Set.of());
        assertThat(analyses.matches(COMPLETED)).isTrue();
        assertThat(analyses.matches(FAILED)).isTrue();
        assertThat(analyses.matches(CANDLE)).isFalse();
    }

    @Test
    void matchesAnyOfItsSymbols() {
        EventFilter btc = filter(Set.of(), Set.of("BTC-USD"), Set.of());
        assertThat(btc.matches(COMPLETED)).isTrue();
        assertThat(btc.matches(CANDLE)).isTrue();
        assertThat(btc.matches(FAILED)).isFalse();
        assertThat(filter(Set.of(), Set.of("BTC-USD", "ETH-USD"), Set.of()).matches(FAILED))
                .isTrue();
    }

    @Test
    void matchesAnyOfItsStrategiesAndNeverAnEventWithoutOne() {
        EventFilter sma = filter(Set.of(), Set.of(), Set.of("sma-crossover"));
        assertThat(sma.matches(COMPLETED)).isTrue();
        assertThat(sma.matches(FAILED)).isFalse();
        assertThat(sma.matches(CANDLE)).as("a candle has no strategy attribute").isFalse();
    }

    @Test
    void combinesItsFieldsWithAnd() {
        EventFilter btcRsi =
                filter(Set.of("AnalysisCompleted", "AnalysisFailed"), Set.of("BTC-USD"), Set.of("rsi-reversion"));
        assertThat(btcRsi.matches(COMPLETED)).as("BTC-USD but sma-crossover").isFalse();
        assertThat(btcRsi.matches(FAILED)).as("rsi-reversion but ETH-USD").isFalse();
        assertThat(filter(Set.of("AnalysisFailed"), Set.of("ETH-USD"), Set.of("rsi-reversion"))
                        .matches(FAILED))
                .isTrue();
    }

    @Test
    void comparesNumberAttributesAsDecimals() {
        assertThat(holds("objectiveValue", ">=", "1.5", COMPLETED)).isTrue();
        assertThat(holds("objectiveValue", ">=", "1.5821", COMPLETED)).isTrue();
        assertThat(holds("objectiveValue", ">", "1.5821", COMPLETED)).isFalse();
        assertThat(holds("objectiveValue", "=", "1.58210", COMPLETED))
                .as("scale does not matter")
                .isTrue();
        assertThat(holds("objectiveValue", "!=", "1.5821", COMPLETED)).isFalse();
        assertThat(holds("objectiveValue", "!=", "2", COMPLETED)).isTrue();
        assertThat(holds("objectiveValue", "<", "2", COMPLETED)).isTrue();
        assertThat(holds("objectiveValue", "<=", "1.58209", COMPLETED)).isFalse();
        assertThat(holds("schemaVersion", "=", "1", COMPLETED)).isTrue();
        assertThat(holds("objectiveValue", "=", "high", COMPLETED))
                .as("a Number is never equal to text")
                .isFalse();
    }

    @Test
    void aThresholdLetsThroughOnlyResultsAtOrAboveIt() {
        EventFilter good = new EventFilter(
                Set.of("AnalysisCompleted"),
                Set.of(),
                Set.of(),
                List.of(new Condition("objectiveValue", Operator.GREATER_OR_EQUAL, "1.5")));
        assertThat(good.matches(withObjectiveValue("1.5"))).isTrue();
        assertThat(good.matches(withObjectiveValue("1.50"))).isTrue();
        assertThat(good.matches(withObjectiveValue("1.4999"))).isFalse();
        assertThat(good.matches(withObjectiveValue("-3"))).isFalse();
    }

    @Test
    void noConditionHoldsOnAnAbsentAttribute() {
        assertThat(holds("objectiveValue", ">=", "0", FAILED)).isFalse();
        assertThat(holds("objectiveValue", "!=", "0", FAILED)).as("not even !=").isFalse();
        assertThat(holds("interval", "!=", "1h", FAILED)).isFalse();
    }

    @Test
    void comparesStringAttributesByTextAndNeverByOrder() {
        assertThat(holds("interval", "=", "1m", CANDLE)).isTrue();
        assertThat(holds("interval", "=", "1h", CANDLE)).isFalse();
        assertThat(holds("interval", "!=", "1h", CANDLE)).isTrue();
        assertThat(holds("venue", "=", "Bitstamp", CANDLE)).as("exact text").isFalse();
        assertThat(holds("venue", ">", "0", CANDLE))
                .as("a String attribute has no order")
                .isFalse();
    }

    @Test
    void allConditionsMustHold() {
        EventFilter both = new EventFilter(
                Set.of(),
                Set.of(),
                Set.of(),
                List.of(
                        new Condition("objectiveValue", Operator.GREATER_OR_EQUAL, "1.5"),
                        new Condition("interval", Operator.EQUAL, Interval.ONE_DAY.wireName())));
        assertThat(both.matches(COMPLETED)).as("1h, not 1d").isFalse();
        EventFilter hourly = new EventFilter(
                Set.of(),
                Set.of(),
                Set.of(),
                List.of(
                        new Condition("objectiveValue", Operator.GREATER_OR_EQUAL, "1.5"),
                        new Condition("interval", Operator.EQUAL, "1h")));
        assertThat(hourly.matches(COMPLETED)).isTrue();
    }

    @Test
    void rejectsEventTypesTickflowDoesNotPublish() {
        assertThatThrownBy(() -> filter(Set.of("AnalysisComplete"), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown event type 'AnalysisComplete'; Tickflow's event types are [")
                .hasMessageContaining("AnalysisCompleted")
                .hasMessageContaining("CandleClosed")
                .hasMessageContaining("PriceAlertTriggered");
    }

    @Test
    void acceptsEveryEventTypeOfTheContracts() {
        for (Contract contract : Contract.values()) {
            contract.eventType().ifPresent(type -> assertThat(
                            filter(Set.of(type), Set.of(), Set.of()).eventTypes())
                    .containsExactly(type));
        }
    }

    @Test
    void explainsWhatIsWrongWithACondition() {
        assertThatThrownBy(() -> Operator.of("=>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown operator '=>'; use one of [>, >=, <, <=, =, !=]");
        assertThatThrownBy(() -> new Condition(" ", Operator.EQUAL, "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A condition names the message attribute it tests, e.g. objectiveValue; it is blank");
        assertThatThrownBy(() -> new Condition("objectiveValue", Operator.GREATER, "1,5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The condition objectiveValue > 1,5 compares numbers; '1,5' is not a number");
        assertThatThrownBy(() -> new Condition("symbol", Operator.EQUAL, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The condition symbol = compares with a value; it is blank");
        assertThatThrownBy(() -> filter(Set.of(), Set.of(" "), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbols cannot hold a blank or null entry");
    }

    private static EventFilter filter(Set<String> eventTypes, Set<String> symbols, Set<String> strategies) {
        return new EventFilter(eventTypes, symbols, strategies, List.of());
    }

    private static boolean holds(String attribute, String op, String value, ContractEvent event) {
        return new EventFilter(Set.of(), Set.of(), Set.of(), List.of(new Condition(attribute, Operator.of(op), value)))
                .matches(event);
    }

    private static AnalysisCompleted withObjectiveValue(String value) {
        ObjectNode json = ContractJson.mapper().valueToTree(COMPLETED);
        json.put("objectiveValue", value);
        return ContractJson.mapper().treeToValue(json, AnalysisCompleted.class);
    }
}

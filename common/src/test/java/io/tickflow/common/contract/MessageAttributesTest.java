package io.tickflow.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.common.contract.MessageAttributes.Numeric;
import io.tickflow.common.contract.MessageAttributes.Text;
import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.contract.notify.Notification;
import io.tickflow.common.topology.SubscriptionSpec;
import io.tickflow.common.topology.Topology;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The attributes each message is published with, and what the topology's filter policies make of them. */
class MessageAttributesTest {

    private static final JsonMapper JSON = ContractJson.mapper();

    static Stream<ContractExample> examples() {
        return Arrays.stream(Contract.values()).flatMap(contract -> contract.examples().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyMessageGivesItsEventTypeAndSchemaVersion(ContractExample example) {
        ContractMessage message =
                JSON.readValue(example.json(), example.contract().recordType());

        MessageAttributes attributes = message.messageAttributes();

        assertThat(attributes.get(MessageAttributes.SCHEMA_VERSION)).contains(new Numeric(1));
        if (message instanceof Notification notification) {
            assertThat(attributes.get(MessageAttributes.EVENT_TYPE)).contains(new Text(notification.eventType()));
        } else {
            assertThat(attributes.get(MessageAttributes.EVENT_TYPE).map(MessageAttributes.Value::asString))
                    .isEqualTo(example.contract().eventType());
        }
    }

    @Test
    void analysisCompletedGivesItsRoutingDimensionsAndANumericObjectiveValue() {
        AnalysisCompleted completed =
                read(Contract.ANALYSIS_COMPLETED, "sma-crossover-sharpe.json", AnalysisCompleted.class);

        MessageAttributes attributes = completed.messageAttributes();

        assertThat(attributes.values())
                .containsEntry(MessageAttributes.EVENT_TYPE, new Text("AnalysisCompleted"))
                .containsEntry(MessageAttributes.SCHEMA_VERSION, new Numeric(1))
                .containsEntry(MessageAttributes.VENUE, new Text("bitstamp"))
                .containsEntry(MessageAttributes.SYMBOL, new Text("BTC-USD"))
                .containsEntry(MessageAttributes.INTERVAL, new Text("1h"))
                .containsEntry(MessageAttributes.STRATEGY, new Text("sma-crossover"))
                .containsEntry(MessageAttributes.OBJECTIVE, new Text("sharpe"));
        MessageAttributes.Value objectiveValue =
                attributes.get(MessageAttributes.OBJECTIVE_VALUE).orElseThrow();
        assertThat(objectiveValue.dataType()).isEqualTo("Number");
        assertThat(objectiveValue.asString()).isEqualTo("1.5821");
        assertThat(attributes.asHeaders())
                .containsEntry(MessageAttributes.OBJECTIVE_VALUE, new BigDecimal("1.5821"))
                .containsEntry(MessageAttributes.SCHEMA_VERSION, 1)
                .containsEntry(MessageAttributes.SYMBOL, "BTC-USD");
    }

    @Test
    void ticksAcceptedGivesVenueSymbolAndDataset() {
        TicksAccepted quotes = read(Contract.TICKS_ACCEPTED, "btc-usd-quotes.json", TicksAccepted.class);

        assertThat(quotes.messageAttributes().asHeaders())
                .containsExactly(
                        Map.entry(MessageAttributes.EVENT_TYPE, "TicksAccepted"),
                        Map.entry(MessageAttributes.SCHEMA_VERSION, 1),
                        Map.entry(MessageAttributes.VENUE, "bitstamp"),
                        Map.entry(MessageAttributes.SYMBOL, "BTC-USD"),
                        Map.entry(MessageAttributes.DATASET, "quotes"));
    }

    @Test
    void theAlertQueueReceivesTradesAndQuotesButNoBars() {
        String policy = Topology.tickflow().subscriptions().stream()
                .filter(s ->
                        s.topic().equals("tickflow-market-ticks") && s.queue().equals("tickflow-alert-ticks"))
                .map(SubscriptionSpec::filterPolicy)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow();

        assertThat(matches(policy, read(Contract.TICKS_ACCEPTED, "btc-usd-trades.json", TicksAccepted.class)))
                .isTrue();
        assertThat(matches(policy, read(Contract.TICKS_ACCEPTED, "btc-usd-quotes.json", TicksAccepted.class)))
                .isTrue();
        assertThat(matches(policy, read(Contract.TICKS_ACCEPTED, "eth-usd-bars.json", TicksAccepted.class)))
                .isFalse();
    }

    @Test
    void numbersAreWrittenInPlainNotationAndMustBeFinite() {
        assertThat(new Numeric(new BigDecimal("1E+3")).asString()).isEqualTo("1000");
        assertThat(new Numeric(0.25d).asString()).isEqualTo("0.25");
        assertThatThrownBy(() -> new Numeric(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Text("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addingAnAttributeLeavesTheOriginalUnchanged() {
        MessageAttributes base = MessageAttributes.of(Contract.CANDLE_CLOSED);

        MessageAttributes more = base.with(MessageAttributes.SYMBOL, "BTC-USD");

        assertThat(base.values()).doesNotContainKey(MessageAttributes.SYMBOL);
        assertThat(more.values()).containsKey(MessageAttributes.SYMBOL);
        assertThat(MessageAttributes.of(Contract.TICK_BATCH).values())
                .containsOnlyKeys(MessageAttributes.SCHEMA_VERSION);
    }

    /**
     * SNS's exact-string matching, the only kind Tickflow's own policies use: every attribute the policy names is
     * present with one of the listed values.
     */
    private static boolean matches(String policy, ContractMessage message) {
        Map<String, Object> headers = message.messageAttributes().asHeaders();
        JsonNode conditions = JSON.readTree(policy);
        for (String name : conditions.propertyNames()) {
            Set<String> allowed = new HashSet<>();
            for (JsonNode value : conditions.get(name).values()) {
                assertThat(value.isString())
                        .as("only exact strings in %s", policy)
                        .isTrue();
                allowed.add(value.stringValue());
            }
            Object actual = headers.get(name);
            if (!(actual instanceof String text) || !allowed.contains(text)) {
                return false;
            }
        }
        return true;
    }

    private static <T> T read(Contract contract, String name, Class<T> type) {
        ContractExample example = contract.examples().stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();
        return JSON.readValue(example.json(), type);
    }
}

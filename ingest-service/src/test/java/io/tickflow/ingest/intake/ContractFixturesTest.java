package io.tickflow.ingest.intake;

import static io.tickflow.ingest.intake.Intakes.MESSAGE_ID;
import static io.tickflow.ingest.intake.Intakes.intake;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.ContractExample;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TickBatch;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The producers' fixtures of the {@code tickflow.tick-batch.v1} contract, from {@code common}: every valid one is
 * accepted whole and means what databind reads it as; every invalid one is rejected, for the reason its name gives.
 */
class ContractFixturesTest {

    /** What each invalid fixture is rejected for; a new fixture fails {@link #everyInvalidFixtureHasAnExpectedCode}. */
    private static final Map<String, ReasonCode> EXPECTED = Map.ofEntries(
            Map.entry("bar-interval-without-count.json", ReasonCode.INVALID_INTERVAL),
            Map.entry("bar-without-interval.json", ReasonCode.MISSING_FIELD),
            Map.entry("bare-tick-without-venue.json", ReasonCode.MISSING_VENUE),
            Map.entry("empty-symbol.json", ReasonCode.INVALID_SYMBOL),
            Map.entry("empty-ticks.json", ReasonCode.NO_TICKS),
            Map.entry("message-is-an-array.json", ReasonCode.NOT_A_JSON_OBJECT),
            Map.entry("missing-schema-in-batch.json", ReasonCode.MISSING_SCHEMA),
            Map.entry("missing-venue.json", ReasonCode.MISSING_VENUE),
            Map.entry("quote-without-ask-size.json", ReasonCode.MISSING_FIELD),
            Map.entry("second-tick-invalid.json", ReasonCode.INVALID_DECIMAL),
            Map.entry("symbol-longer-than-64-characters.json", ReasonCode.SYMBOL_TOO_LONG),
            Map.entry("tick-without-type.json", ReasonCode.MISSING_TYPE),
            Map.entry("ticks-not-an-array.json", ReasonCode.TICKS_NOT_AN_ARRAY),
            Map.entry("time-fractional-epoch-millis.json", ReasonCode.INVALID_TIME),
            Map.entry("time-not-iso-8601.json", ReasonCode.INVALID_TIME),
            Map.entry("time-without-zone.json", ReasonCode.INVALID_TIME),
            Map.entry("trade-price-with-currency-sign.json", ReasonCode.INVALID_DECIMAL),
            Map.entry("trade-price-with-decimal-comma.json", ReasonCode.INVALID_DECIMAL),
            Map.entry("trade-sequence-not-an-integer.json", ReasonCode.INVALID_SEQUENCE),
            Map.entry("trade-size-is-null.json", ReasonCode.MISSING_FIELD),
            Map.entry("trade-unknown-side.json", ReasonCode.INVALID_SIDE),
            Map.entry("trade-without-price.json", ReasonCode.MISSING_FIELD),
            Map.entry("unknown-schema-version.json", ReasonCode.UNKNOWN_SCHEMA),
            Map.entry("unknown-tick-type.json", ReasonCode.UNKNOWN_TYPE));

    static Stream<ContractExample> validFixtures() {
        return Contract.TICK_BATCH.examples().stream();
    }

    static Stream<ContractExample> invalidFixtures() {
        return Contract.TICK_BATCH.invalidExamples().stream();
    }

    @Test
    void findsTheFixtures() {
        assertThat(validFixtures()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(invalidFixtures()).hasSizeGreaterThanOrEqualTo(EXPECTED.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFixtures")
    void everyValidFixtureIsAcceptedWhole(ContractExample fixture) {
        IntakeResult result = intake().read(MESSAGE_ID, fixture.json());

        assertThat(result.rejections()).isEmpty();
        assertThat(result.accepted())
                .hasSize(ContractJson.mapper()
                        .readValue(fixture.json(), TickBatch.class)
                        .ticks()
                        .size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFixtures")
    void everyValidFixtureMeansWhatDatabindReadsItAsBarTheSpelling(ContractExample fixture) {
        TickBatch bound = ContractJson.mapper().readValue(fixture.json(), TickBatch.class);

        List<Tick> read = intake().read(MESSAGE_ID, fixture.json()).accepted().stream()
                .map(AcceptedTick::tick)
                .toList();

        assertThat(read)
                .isEqualTo(intake().check(MESSAGE_ID, bound).accepted().stream()
                        .map(AcceptedTick::tick)
                        .toList());
        assertThat(read)
                .extracting(Tick::time)
                .isEqualTo(bound.ticks().stream().map(Tick::time).toList());
    }

    @Test
    void everyInvalidFixtureHasAnExpectedCode() {
        assertThat(invalidFixtures().map(ContractExample::name)).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFixtures")
    void everyInvalidFixtureIsRejectedForItsReason(ContractExample fixture) {
        IntakeResult result = intake().read(MESSAGE_ID, fixture.json());

        assertThat(result.rejections()).isNotEmpty();
        assertThat(result.rejections().getLast().code()).isEqualTo(EXPECTED.get(fixture.name()));
        assertThat(result.rejections())
                .allSatisfy(rejection -> assertThat(rejection.reason()).isNotBlank());
    }

    @Test
    void keepsTheGoodTickOfTheFixtureWhoseSecondTickIsInvalid() {
        String json = Contract.TICK_BATCH.invalidExamples().stream()
                .filter(fixture -> fixture.name().equals("second-tick-invalid.json"))
                .findFirst()
                .orElseThrow()
                .json();

        IntakeResult result = intake().read(MESSAGE_ID, json);

        assertThat(result.accepted()).singleElement().satisfies(tick -> assertThat(tick.position())
                .isZero());
        assertThat(result.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.position()).isEqualTo(1);
            assertThat(rejection.original())
                    .contains("\"eight hundred\"")
                    .startsWith("{")
                    .endsWith("}");
        });
    }
}

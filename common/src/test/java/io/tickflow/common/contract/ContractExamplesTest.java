package io.tickflow.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.analysis.AnalysisEvent;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import io.tickflow.common.contract.ingest.IngestEvent;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.common.contract.market.MarketEvent;
import io.tickflow.common.contract.notify.NotificationEvent;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Every example message on the classpath, as producers write them and consumers read them. */
class ContractExamplesTest {

    private static final JsonMapper JSON = ContractJson.mapper();

    static Stream<ContractExample> examples() {
        return Arrays.stream(Contract.values()).flatMap(contract -> contract.examples().stream());
    }

    static Stream<ContractExample> invalidExamples() {
        return Arrays.stream(Contract.values()).flatMap(contract -> contract.invalidExamples().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleIsValidAgainstItsSchema(ContractExample example) {
        assertThat(ContractSchemas.violations(example.contract(), example.json()))
                .as(example.resource())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleReadsIntoItsRecordAndWritesBackToAValidEqualMessage(ContractExample example) {
        Contract contract = example.contract();
        ContractMessage read = JSON.readValue(example.json(), contract.recordType());

        String written = JSON.writeValueAsString(read);

        assertThat(read.contract()).isEqualTo(contract);
        assertThat(ContractSchemas.violations(contract, written))
                .as("%s written back as %s", example.resource(), written)
                .isEmpty();
        assertThat(JSON.readTree(written).get("schema").stringValue()).isEqualTo(contract.schemaName());
        assertThat(JSON.readValue(written, contract.recordType())).isEqualTo(read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleReadsThroughTheTypeItsConsumersSwitchOver(ContractExample example) {
        Class<?> consumed =
                switch (example.contract()) {
                    case TICK_BATCH -> TickBatch.class;
                    case TICKS_ACCEPTED, TICK_REJECTED -> IngestEvent.class;
                    case CANDLE_CLOSED, PARTITION_COMMITTED -> MarketEvent.class;
                    case ANALYSIS_REQUEST -> AnalysisRequest.class;
                    case ANALYSIS_PROGRESS, ANALYSIS_COMPLETED, ANALYSIS_FAILED -> AnalysisEvent.class;
                    case PRICE_ALERT_TRIGGERED, NOTIFICATION -> NotificationEvent.class;
                };

        Object read = JSON.readValue(example.json(), consumed);

        assertThat(read)
                .isInstanceOf(example.contract().recordType())
                .isEqualTo(JSON.readValue(example.json(), example.contract().recordType()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void invalidExampleFailsItsSchema(ContractExample example) {
        assertThat(ContractSchemas.violations(example.contract(), example.json()))
                .as(example.resource())
                .isNotEmpty();
    }
}

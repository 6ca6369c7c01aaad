package io.tickflow.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tickflow.common.contract.ContractJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReportJsonTest {

    private final StudyReport report = new SyntheticStudy().report();

    @Test
    void readsBackTheReportItWrote() {
        StudyReport read = ReportJson.read(ReportJson.write(report));

        assertThat(read).isEqualTo(report);
        assertThat(read.equity().strategy()).isEqualTo(report.equity().strategy());
        assertThat(read.trialPoints()).hasSize(160);
        assertThat(read.trialPoints().getFirst().value()).isNaN();
        assertThat(read.walkForward().folds().get(3).outOfSampleValue()).isEqualByComparingTo("-0.60");
        assertThat(read.objectiveValue()).isEqualTo("2.5000");
    }

    @Test
    void readsBackAReportWithoutOverfittingStatistics() {
        SyntheticStudy study = new SyntheticStudy();
        StudyReport bare = withoutStatistics(study.report("ETHUSDT", SyntheticStudy.allTrials(), List.of()));

        byte[] json = ReportJson.write(bare);

        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("deflatedSharpe");
        assertThat(ReportJson.read(json)).isEqualTo(bare);
    }

    @Test
    void writesTheSchemaFirstAndInfeasibleValuesAsNull() {
        byte[] json = ReportJson.write(report);
        JsonNode tree = ContractJson.mapper().readTree(json);

        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"schema\":\"tickflow.analysis-report.v1\",");
        JsonNode infeasible = tree.get("trialPoints").get(0);
        assertThat(infeasible.get("parameters").get("fast").asString()).isEqualTo("5");
        assertThat(infeasible.get("value").isNull()).isTrue();
        JsonNode feasible = tree.get("trialPoints").get(16);
        assertThat(feasible.get("value").isNumber()).isTrue();
        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("NaN");
    }

    @Test
    void writesDecimalsAsExactStringsAndTimesAsIso8601() {
        JsonNode tree = ContractJson.mapper().readTree(ReportJson.write(report));

        assertThat(tree.get("objectiveValue").isString()).isTrue();
        assertThat(tree.get("objectiveValue").asString()).isEqualTo("2.5000");
        assertThat(tree.get("metrics").get("maxDrawdown").asString()).isEqualTo("-0.12345");
        assertThat(tree.get("from").asString()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(tree.get("objective").asString()).isEqualTo("sharpe");
        assertThat(tree.get("direction").asString()).isEqualTo("long-only");
        assertThat(tree.get("equity").get("times").get(0).asLong()).isEqualTo(SyntheticStudy.START.toEpochMilli());
    }

    @Test
    void refusesADocumentOfAnotherSchema() {
        String json = new String(ReportJson.write(report), StandardCharsets.UTF_8)
                .replace("tickflow.analysis-report.v1", "tickflow.analysis-report.v2");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReportJson.read(json.getBytes(StandardCharsets.UTF_8)))
                .withMessageContaining("v2");
    }

    private static StudyReport withoutStatistics(StudyReport r) {
        return new StudyReport(
                r.jobId(),
                r.requestId(),
                r.generatedAt(),
                r.venue(),
                r.symbol(),
                r.interval(),
                r.strategy(),
                r.optimizer(),
                r.objective(),
                r.direction(),
                r.costs(),
                r.constraints(),
                r.from(),
                r.to(),
                r.bars(),
                r.bestParameters(),
                r.objectiveValue(),
                r.metrics(),
                r.trials(),
                r.equity(),
                r.trialPoints(),
                r.walkForward(),
                null,
                null,
                r.pboLogits());
    }
}

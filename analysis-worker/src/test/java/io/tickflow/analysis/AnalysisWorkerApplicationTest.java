package io.tickflow.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.analysis.config.AnalysisProperties;
import io.tickflow.common.aws.RequiredResources;
import io.tickflow.common.aws.ResourceKind;
import io.tickflow.common.topology.Topology;
import io.tickflow.testing.ServiceReadinessContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** analysis-worker against the embedded AWS stack, with the configuration it ships with. */
class AnalysisWorkerApplicationTest extends ServiceReadinessContract {

    AnalysisWorkerApplicationTest() {
        super(
                AnalysisWorkerApplication.class,
                RequiredResources.builder()
                        .queues(
                                "tickflow-analysis-requests",
                                "tickflow-analysis-requests-dlq",
                                "tickflow-analysis-trials")
                        .topics("tickflow-analysis-results")
                        .buckets("tickflow-data")
                        .tables("tickflow-analysis-jobs", "tickflow-analysis-trials", "tickflow-candles")
                        .build());
    }

    /**
     * The listeners' queues must exist for the service to start at all ({@code queue-not-found-strategy: fail}, as
     * services never create queues); every other resource is pointed at a name that does not exist.
     */
    @Override
    protected String[] argumentsThatLeaveResourcesMissing() {
        return new String[] {
            "--tickflow.analysis.dead-letter-queue=nowhere-analysis-requests-dlq",
            "--tickflow.analysis.results-topic=nowhere-analysis-results",
            "--tickflow.analysis.bucket=nowhere-data",
            "--tickflow.analysis.jobs-table=nowhere-analysis-jobs",
            "--tickflow.analysis.trials-table=nowhere-analysis-trials",
            "--tickflow.analysis.candles-table=nowhere-candles"
        };
    }

    @Override
    protected Map<ResourceKind, Map<String, String>> statusesWhileResourcesAreMissing() {
        return Map.of(
                ResourceKind.QUEUE,
                Map.of(
                        "tickflow-analysis-requests", AVAILABLE,
                        "tickflow-analysis-trials", AVAILABLE,
                        "nowhere-analysis-requests-dlq", DOES_NOT_EXIST),
                ResourceKind.TOPIC,
                Map.of("nowhere-analysis-results", DOES_NOT_EXIST),
                ResourceKind.BUCKET,
                Map.of("nowhere-data", DOES_NOT_EXIST),
                ResourceKind.TABLE,
                Map.of(
                        "nowhere-analysis-jobs", DOES_NOT_EXIST,
                        "nowhere-analysis-trials", DOES_NOT_EXIST,
                        "nowhere-candles", DOES_NOT_EXIST));
    }

    @Test
    void defaultResourceNamesAreTheTopologys() {
        AnalysisProperties properties = service().context().getBean(AnalysisProperties.class);
        Topology topology = Topology.tickflow();

        assertThat(properties.queue()).isEqualTo(topology.queue("analysis-requests"));
        assertThat(properties.trialsQueue()).isEqualTo(topology.queue("analysis-trials"));
        assertThat(properties.resultsTopic()).isEqualTo(topology.topic("analysis-results"));
        assertThat(properties.bucket()).isEqualTo(topology.bucket("data"));
        assertThat(properties.jobsTable()).isEqualTo(topology.table("analysis-jobs"));
        assertThat(properties.trialsTable()).isEqualTo(topology.table("analysis-trials"));
        assertThat(properties.candlesTable()).isEqualTo(topology.table("candles"));
    }
}

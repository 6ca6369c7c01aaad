package io.tickflow.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.analysis.config.AnalysisProperties;
import io.tickflow.common.aws.RequiredResources;
import io.tickflow.common.topology.Topology;
import io.tickflow.testing.ServiceReadinessContract;
import org.junit.jupiter.api.Test;

/** analysis-worker against the embedded AWS stack, with the configuration it ships with. */
class AnalysisWorkerApplicationTest extends ServiceReadinessContract {

    AnalysisWorkerApplicationTest() {
        super(
                AnalysisWorkerApplication.class,
                RequiredResources.builder()
                        .queues("tickflow-analysis-requests")
                        .topics("tickflow-analysis-results")
                        .buckets("tickflow-data")
                        .tables("tickflow-analysis-jobs", "tickflow-candles")
                        .build());
    }

    @Test
    void defaultResourceNamesAreTheTopologys() {
        AnalysisProperties properties = service().context().getBean(AnalysisProperties.class);
        Topology topology = Topology.tickflow();

        assertThat(properties.queue()).isEqualTo(topology.queue("analysis-requests"));
        assertThat(properties.resultsTopic()).isEqualTo(topology.topic("analysis-results"));
        assertThat(properties.bucket()).isEqualTo(topology.bucket("data"));
        assertThat(properties.jobsTable()).isEqualTo(topology.table("analysis-jobs"));
        assertThat(properties.candlesTable()).isEqualTo(topology.table("candles"));
    }
}

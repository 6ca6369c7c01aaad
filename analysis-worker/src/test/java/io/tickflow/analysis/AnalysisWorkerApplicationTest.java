package io.tickflow.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.analysis.RunningService.Response;
import io.tickflow.analysis.config.AnalysisProperties;
import io.tickflow.common.topology.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.ConfigurableEnvironment;
import tools.jackson.databind.JsonNode;

/** analysis-worker against the embedded AWS stack, with the configuration it ships with. */
class AnalysisWorkerApplicationTest {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(AnalysisWorkerApplication.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void isReadyWhenEveryResourceItNeedsExists() throws Exception {
        Response readiness = service.get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().path("status").asString()).isEqualTo("UP");
        JsonNode resources = requiredResources(readiness);
        assertThat(statuses(resources, "queues")).isEqualTo(Map.of("tickflow-analysis-requests", "available"));
        assertThat(statuses(resources, "topics")).isEqualTo(Map.of("tickflow-analysis-results", "available"));
        assertThat(statuses(resources, "buckets")).isEqualTo(Map.of("tickflow-data", "available"));
        assertThat(statuses(resources, "tables"))
                .isEqualTo(Map.of("tickflow-analysis-jobs", "available", "tickflow-candles", "available"));
    }

    @Test
    void isAliveButNotReadyWhileItsResourcesDoNotExist() throws Exception {
        try (RunningService elsewhere =
                RunningService.start(AnalysisWorkerApplication.class, "--tickflow.resource-prefix=nowhere")) {
            Response readiness = elsewhere.get("/actuator/health/readiness");
            Response liveness = elsewhere.get("/actuator/health/liveness");

            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().path("status").asString()).isEqualTo("DOWN");
            JsonNode resources = requiredResources(readiness);
            assertThat(statuses(resources, "queues")).isEqualTo(Map.of("nowhere-analysis-requests", "does not exist"));
            assertThat(statuses(resources, "topics")).isEqualTo(Map.of("nowhere-analysis-results", "does not exist"));
            assertThat(statuses(resources, "buckets")).isEqualTo(Map.of("nowhere-data", "does not exist"));
            assertThat(statuses(resources, "tables"))
                    .isEqualTo(Map.of("nowhere-analysis-jobs", "does not exist", "nowhere-candles", "does not exist"));
            assertThat(liveness.status()).isEqualTo(200);
        }
    }

    @Test
    void runsInTheLocalProfileUnlessToldOtherwise() {
        ConfigurableEnvironment environment = service.context().getEnvironment();

        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getDefaultProfiles()).containsExactly("local");
        // Set by the local profile document of tickflow-aws.yml, and not overridden by the test.
        assertThat(environment.getProperty("spring.cloud.aws.s3.path-style-access-enabled"))
                .isEqualTo("true");
        // Set by the localstack profile document only.
        assertThat(environment.getProperty("spring.cloud.aws.endpoint")).isNull();
    }

    @Test
    void defaultResourceNamesAreTheTopologys() {
        AnalysisProperties properties = service.context().getBean(AnalysisProperties.class);
        Topology topology = Topology.tickflow();

        assertThat(properties.queue()).isEqualTo(topology.queue("analysis-requests"));
        assertThat(properties.resultsTopic()).isEqualTo(topology.topic("analysis-results"));
        assertThat(properties.bucket()).isEqualTo(topology.bucket("data"));
        assertThat(properties.jobsTable()).isEqualTo(topology.table("analysis-jobs"));
        assertThat(properties.candlesTable()).isEqualTo(topology.table("candles"));
    }

    private static JsonNode requiredResources(Response readiness) {
        return readiness.body().path("components").path("requiredResources").path("details");
    }

    private static Map<String, String> statuses(JsonNode resources, String kind) {
        Map<String, String> statuses = new LinkedHashMap<>();
        resources
                .path(kind)
                .properties()
                .forEach(e -> statuses.put(e.getKey(), e.getValue().asString()));
        return statuses;
    }
}

package io.tickflow.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.topology.QueueSpec;
import io.tickflow.common.topology.Topology;
import io.tickflow.storage.RunningService.Response;
import io.tickflow.storage.config.StorageProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.ConfigurableEnvironment;
import tools.jackson.databind.JsonNode;

/** storage-service against the embedded AWS stack, with the configuration it ships with. */
class StorageServiceApplicationTest {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(StorageServiceApplication.class);
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
        assertThat(statuses(resources, "queues")).isEqualTo(Map.of("tickflow-storage-ticks", "available"));
        assertThat(statuses(resources, "topics")).isEqualTo(Map.of("tickflow-market-events", "available"));
        assertThat(statuses(resources, "buckets")).isEqualTo(Map.of("tickflow-data", "available"));
        assertThat(statuses(resources, "tables"))
                .isEqualTo(Map.of("tickflow-latest-quotes", "available", "tickflow-candles", "available"));
    }

    @Test
    void isAliveButNotReadyWhileItsResourcesDoNotExist() throws Exception {
        try (RunningService elsewhere =
                RunningService.start(StorageServiceApplication.class, "--tickflow.resource-prefix=nowhere")) {
            Response readiness = elsewhere.get("/actuator/health/readiness");
            Response liveness = elsewhere.get("/actuator/health/liveness");

            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().path("status").asString()).isEqualTo("DOWN");
            JsonNode resources = requiredResources(readiness);
            assertThat(statuses(resources, "queues")).isEqualTo(Map.of("nowhere-storage-ticks", "does not exist"));
            assertThat(statuses(resources, "topics")).isEqualTo(Map.of("nowhere-market-events", "does not exist"));
            assertThat(statuses(resources, "buckets")).isEqualTo(Map.of("nowhere-data", "does not exist"));
            assertThat(statuses(resources, "tables"))
                    .isEqualTo(Map.of("nowhere-latest-quotes", "does not exist", "nowhere-candles", "does not exist"));
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
        StorageProperties properties = service.context().getBean(StorageProperties.class);
        Topology topology = Topology.tickflow();

        assertThat(properties.queue()).isEqualTo(topology.queue("storage-ticks"));
        assertThat(properties.eventsTopic()).isEqualTo(topology.topic("market-events"));
        assertThat(properties.bucket()).isEqualTo(topology.bucket("data"));
        assertThat(properties.quotesTable()).isEqualTo(topology.table("latest-quotes"));
        assertThat(properties.candlesTable()).isEqualTo(topology.table("candles"));
        // Messages wait in a partition buffer until its flush: they must not come back before.
        assertThat(properties.flushInterval()).isLessThan(visibilityTimeoutOf(topology, properties.queue()));
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

    private static Duration visibilityTimeoutOf(Topology topology, String queue) {
        return topology.queues().stream()
                .filter(q -> q.name().equals(queue))
                .map(QueueSpec::visibilityTimeout)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No queue named " + queue + " in the topology"));
    }
}

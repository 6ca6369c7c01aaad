package io.tickflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.topology.SecretSpec;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.notify.RunningService.Response;
import io.tickflow.notify.config.NotificationProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.ConfigurableEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** notification-service against the embedded AWS stack, with the configuration it ships with. */
class NotificationServiceApplicationTest {

    private static final String PEPPER = "tickflow.notify.api-key-pepper";

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(NotificationServiceApplication.class);
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
        assertThat(statuses(resources, "queues"))
                .isEqualTo(Map.of("tickflow-alert-ticks", "available", "tickflow-notifications", "available"));
        assertThat(statuses(resources, "tables"))
                .isEqualTo(Map.of(
                        "tickflow-subscriptions", "available",
                        "tickflow-deliveries", "available",
                        "tickflow-api-keys", "available"));
        assertThat(resources.has("topics")).isFalse();
        assertThat(resources.has("buckets")).isFalse();
    }

    @Test
    void isAliveButNotReadyWhileItsResourcesDoNotExist() throws Exception {
        // The resource prefix also names the secret, without which the service does not start at all: so the names
        // of a queue and a table are pointed elsewhere instead.
        try (RunningService elsewhere = RunningService.start(
                NotificationServiceApplication.class,
                "--tickflow.notify.alert-queue=nowhere-alert-ticks",
                "--tickflow.notify.deliveries-table=nowhere-deliveries")) {
            Response readiness = elsewhere.get("/actuator/health/readiness");
            Response liveness = elsewhere.get("/actuator/health/liveness");

            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().path("status").asString()).isEqualTo("DOWN");
            JsonNode resources = requiredResources(readiness);
            assertThat(statuses(resources, "queues"))
                    .isEqualTo(Map.of("nowhere-alert-ticks", "does not exist", "tickflow-notifications", "available"));
            assertThat(statuses(resources, "tables"))
                    .isEqualTo(Map.of(
                            "tickflow-subscriptions", "available",
                            "nowhere-deliveries", "does not exist",
                            "tickflow-api-keys", "available"));
            assertThat(liveness.status()).isEqualTo(200);
        }
    }

    @Test
    void readsItsApiKeyPepperFromSecretsManager() {
        SecretSpec secret = Topology.tickflow().secrets().stream()
                .filter(s -> s.generatedKeys().contains(PEPPER))
                .findFirst()
                .orElseThrow();
        String stored = LocalAwsExtension.sharedClients()
                .secretsManager()
                .getSecretValue(r -> r.secretId(secret.name()))
                .secretString();
        String pepper = JsonMapper.shared().readTree(stored).path(PEPPER).asString();

        assertThat(pepper).isNotBlank();
        assertThat(service.context().getBean(NotificationProperties.class).apiKeyPepper())
                .isEqualTo(pepper);
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
        NotificationProperties properties = service.context().getBean(NotificationProperties.class);
        Topology topology = Topology.tickflow();

        assertThat(properties.alertQueue()).isEqualTo(topology.queue("alert-ticks"));
        assertThat(properties.notificationsQueue()).isEqualTo(topology.queue("notifications"));
        assertThat(properties.subscriptionsTable()).isEqualTo(topology.table("subscriptions"));
        assertThat(properties.deliveriesTable()).isEqualTo(topology.table("deliveries"));
        assertThat(properties.apiKeysTable()).isEqualTo(topology.table("api-keys"));
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

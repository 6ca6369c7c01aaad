package io.tickflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.aws.RequiredResources;
import io.tickflow.common.aws.ResourceKind;
import io.tickflow.common.topology.Topology;
import io.tickflow.testing.RunningService.Response;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import tools.jackson.databind.JsonNode;

/**
 * What every service promises an orchestrator, checked against the embedded AWS stack with the configuration the
 * service ships with: it is ready when every resource it needs exists; while some do not, it is not ready, names them
 * and stays alive, since a restart would not create them; and it runs in the {@code local} profile unless told
 * otherwise.
 *
 * <p>A service's test extends this with its application class and the resources it needs, and adds the checks only
 * that service has. The service is started once per test class; those checks reach it through {@link #service()}.
 */
@TestInstance(Lifecycle.PER_CLASS)
public abstract class ServiceReadinessContract {

    /** A resource prefix under which no resource exists. */
    protected static final String NOWHERE = "nowhere";

    /** What readiness says of a resource that exists. */
    protected static final String AVAILABLE = "available";

    /** What readiness says of a resource that does not exist. */
    protected static final String DOES_NOT_EXIST = "does not exist";

    private final Class<?> application;
    private final RequiredResources needs;
    private @Nullable RunningService service;

    /**
     * @param application the service's {@code @SpringBootApplication} class
     * @param needs every resource the service needs with the configuration it ships with, by its full name
     */
    protected ServiceReadinessContract(Class<?> application, RequiredResources needs) {
        this.application = application;
        this.needs = needs;
    }

    @BeforeAll
    protected final void startService() {
        service = RunningService.start(application);
    }

    @AfterAll
    protected final void stopService() {
        if (service != null) {
            service.close();
        }
    }

    /** The service, started for this test class with the configuration it ships with. */
    protected final RunningService service() {
        return Objects.requireNonNull(service, "The service starts before the first test");
    }

    @Test
    public void isReadyWhenEveryResourceItNeedsExists() throws Exception {
        Response readiness = service().get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().path("status").asString()).isEqualTo("UP");
        assertStatuses(readiness, statusesOfNeeds(UnaryOperator.identity(), AVAILABLE));
    }

    @Test
    public void isAliveButNotReadyWhileItsResourcesDoNotExist() throws Exception {
        try (RunningService elsewhere = RunningService.start(application, argumentsThatLeaveResourcesMissing())) {
            Response readiness = elsewhere.get("/actuator/health/readiness");
            Response liveness = elsewhere.get("/actuator/health/liveness");

            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().path("status").asString()).isEqualTo("DOWN");
            assertStatuses(readiness, statusesWhileResourcesAreMissing());
            assertThat(liveness.status()).isEqualTo(200);
        }
    }

    @Test
    public void runsInTheLocalProfileUnlessToldOtherwise() {
        ConfigurableEnvironment environment = service().context().getEnvironment();

        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getDefaultProfiles()).containsExactly("local");
        // Set by the local profile document of tickflow-aws.yml, and not overridden by the test.
        assertThat(environment.getProperty("spring.cloud.aws.s3.path-style-access-enabled"))
                .isEqualTo("true");
        // Set by the localstack profile document only.
        assertThat(environment.getProperty("spring.cloud.aws.endpoint")).isNull();
    }

    /**
     * Arguments under which the service starts while some of the resources it needs do not exist: by default the
     * resource prefix {@value #NOWHERE}.
     */
    protected String[] argumentsThatLeaveResourcesMissing() {
        return new String[] {"--tickflow.resource-prefix=" + NOWHERE};
    }

    /**
     * What readiness says of each resource, by kind, under {@link #argumentsThatLeaveResourcesMissing()}: by default
     * that each resource the service needs, named under the prefix {@value #NOWHERE}, does not exist. A kind left out
     * must be absent from the readiness details.
     */
    protected Map<ResourceKind, Map<String, String>> statusesWhileResourcesAreMissing() {
        return statusesOfNeeds(ServiceReadinessContract::underNowhere, DOES_NOT_EXIST);
    }

    private Map<ResourceKind, Map<String, String>> statusesOfNeeds(UnaryOperator<String> naming, String status) {
        Map<ResourceKind, Map<String, String>> statuses = new EnumMap<>(ResourceKind.class);
        for (ResourceKind kind : ResourceKind.values()) {
            Map<String, String> ofKind = new LinkedHashMap<>();
            needs.names(kind).forEach(name -> ofKind.put(naming.apply(name), status));
            if (!ofKind.isEmpty()) {
                statuses.put(kind, ofKind);
            }
        }
        return statuses;
    }

    private static String underNowhere(String name) {
        String shipped = Topology.DEFAULT_PREFIX + "-";
        if (!name.startsWith(shipped)) {
            throw new IllegalArgumentException("A resource the service needs is not named under " + shipped + ": "
                    + name + "; override statusesWhileResourcesAreMissing()");
        }
        return NOWHERE + "-" + name.substring(shipped.length());
    }

    private static void assertStatuses(Response readiness, Map<ResourceKind, Map<String, String>> expected) {
        JsonNode details =
                readiness.body().path("components").path("requiredResources").path("details");
        for (ResourceKind kind : ResourceKind.values()) {
            Map<String, String> statuses = expected.get(kind);
            if (statuses == null) {
                assertThat(details.has(kind.plural()))
                        .as("%s in %s", kind.plural(), details)
                        .isFalse();
            } else {
                assertThat(statusesOf(details, kind)).as(kind.plural()).isEqualTo(statuses);
            }
        }
    }

    private static Map<String, String> statusesOf(JsonNode details, ResourceKind kind) {
        Map<String, String> statuses = new LinkedHashMap<>();
        details.path(kind.plural())
                .properties()
                .forEach(e -> statuses.put(e.getKey(), e.getValue().asString()));
        return statuses;
    }
}

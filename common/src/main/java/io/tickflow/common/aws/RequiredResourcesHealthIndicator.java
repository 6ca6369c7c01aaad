package io.tickflow.common.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports a service ready only while every resource it {@linkplain RequiredResources requires} exists: a task whose
 * queue, topic, bucket or table is missing, or whose AWS endpoint cannot be reached, gets no traffic and no messages
 * it would fail on. Part of the readiness group (see {@code tickflow-aws.yml}), never of liveness: restarting a task
 * does not create a missing queue.
 *
 * <p>The details name each resource with {@value #AVAILABLE} or what is wrong with it. A result is reused for
 * {@code cacheTtl}, so that probes from a load balancer and an orchestrator do not turn into a stream of AWS calls.
 */
public final class RequiredResourcesHealthIndicator implements HealthIndicator {

    /** What the details say of a resource that exists and is usable. */
    public static final String AVAILABLE = "available";

    private static final Log log = LogFactory.getLog(RequiredResourcesHealthIndicator.class);

    private final RequiredResources required;
    private final Map<ResourceKind, ResourceCheck> checks = new EnumMap<>(ResourceKind.class);
    private final Clock clock;
    private final Duration cacheTtl;

    private @Nullable Checked last;

    private record Checked(Instant at, Health health) {}

    /**
     * @param required what the service needs
     * @param checks one check per kind of resource, at least for each kind {@code required} names
     * @param clock tells when a cached result has expired
     * @param cacheTtl how long a result is reused; zero checks on every call
     * @throws IllegalStateException when a kind of resource is required but there is no check for it, which means the
     *     service lacks the AWS client for that kind
     */
    public RequiredResourcesHealthIndicator(
            RequiredResources required, Collection<ResourceCheck> checks, Clock clock, Duration cacheTtl) {
        this.required = required;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("The cache time-to-live cannot be negative: " + cacheTtl);
        }
        for (ResourceCheck check : checks) {
            ResourceCheck previous = this.checks.putIfAbsent(check.kind(), check);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "Two checks for " + check.kind().plural() + ": " + previous + ", " + check);
            }
        }
        required.byKind().forEach((kind, names) -> {
            if (!this.checks.containsKey(kind)) {
                throw new IllegalStateException("The service requires the " + kind.plural() + " " + names
                        + " but has no way to look them up: it needs the AWS client for " + kind.plural()
                        + " (the matching spring-cloud-aws-starter dependency)");
            }
        });
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        Checked previous = last;
        if (previous != null && now.isBefore(previous.at().plus(cacheTtl))) {
            return previous.health();
        }
        Health health = check(now);
        last = new Checked(now, health);
        return health;
    }

    private Health check(Instant now) {
        boolean ready = true;
        Health.Builder health = new Health.Builder();
        for (Map.Entry<ResourceKind, List<String>> entry : required.byKind().entrySet()) {
            ResourceCheck check = checks.get(entry.getKey());
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (String name : entry.getValue()) {
                Optional<String> problem = problem(check, name);
                outcomes.put(name, problem.orElse(AVAILABLE));
                ready &= problem.isEmpty();
            }
            health.withDetail(entry.getKey().plural(), outcomes);
        }
        return health.withDetail("checkedAt", now.toString())
                .status(ready ? Status.UP : Status.DOWN)
                .build();
    }

    private static Optional<String> problem(ResourceCheck check, String name) {
        try {
            return check.problem(name);
        } catch (RuntimeException e) {
            // Not knowing is not ready: the failure becomes this resource's status, and the log keeps the stack trace.
            log.warn("Cannot check " + check.kind().name().toLowerCase(Locale.ROOT) + " " + name, e);
            return Optional.of("cannot be checked: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}

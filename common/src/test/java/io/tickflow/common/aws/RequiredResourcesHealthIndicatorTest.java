package io.tickflow.common.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class RequiredResourcesHealthIndicatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final ScriptedCheck queues = new ScriptedCheck(ResourceKind.QUEUE);
    private final ScriptedCheck tables = new ScriptedCheck(ResourceKind.TABLE);

    private final RequiredResources required = RequiredResources.builder()
            .queues("t-ingest", "t-ingest-dlq")
            .tables("t-ingest-dedup")
            .build();

    @Test
    void isUpAndListsEveryResourceWhenAllExist() {
        Health health = indicator(Duration.ZERO).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("queues", Map.of("t-ingest", "available", "t-ingest-dlq", "available"))
                .containsEntry("tables", Map.of("t-ingest-dedup", "available"))
                .containsEntry("checkedAt", "2026-11-22T10:00:00Z")
                .doesNotContainKeys("topics", "buckets");
    }

    @Test
    void isDownAndNamesTheResourceThatDoesNotExist() {
        tables.problems.put("t-ingest-dedup", ResourceCheck.DOES_NOT_EXIST);

        Health health = indicator(Duration.ZERO).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails())
                .containsEntry("tables", Map.of("t-ingest-dedup", "does not exist"))
                .containsEntry("queues", Map.of("t-ingest", "available", "t-ingest-dlq", "available"));
    }

    @Test
    void isDownAndSaysWhyWhenALookupFails() {
        queues.failure = new IllegalStateException("connection refused");

        Health health = indicator(Duration.ZERO).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails())
                .containsEntry(
                        "queues",
                        Map.of(
                                "t-ingest", "cannot be checked: IllegalStateException: connection refused",
                                "t-ingest-dlq", "cannot be checked: IllegalStateException: connection refused"));
    }

    @Test
    void reusesItsResultUntilTheCacheExpires() {
        RequiredResourcesHealthIndicator indicator = indicator(Duration.ofSeconds(10));
        indicator.health();
        tables.problems.put("t-ingest-dedup", ResourceCheck.DOES_NOT_EXIST);

        clock.advance(Duration.ofSeconds(9));
        Health cached = indicator.health();
        clock.advance(Duration.ofSeconds(1));
        Health fresh = indicator.health();

        assertThat(cached.getStatus()).isEqualTo(Status.UP);
        assertThat(fresh.getStatus()).isEqualTo(Status.DOWN);
        assertThat(fresh.getDetails()).containsEntry("checkedAt", "2026-11-22T10:00:10Z");
        assertThat(tables.calls).isEqualTo(2);
    }

    @Test
    void refusesToStartWithoutALookupForARequiredKind() {
        RequiredResources withBucket =
                RequiredResources.builder().queues("t-ingest").buckets("t-data").build();

        assertThatIllegalStateException()
                .isThrownBy(() ->
                        new RequiredResourcesHealthIndicator(withBucket, List.of(queues, tables), clock, Duration.ZERO))
                .withMessageContaining("buckets [t-data]");
    }

    private RequiredResourcesHealthIndicator indicator(Duration cacheTtl) {
        return new RequiredResourcesHealthIndicator(required, List.of(queues, tables), clock, cacheTtl);
    }

    /** Answers from a table of problems, standing in for an AWS service; the indicator is what is under test. */
    private static final class ScriptedCheck implements ResourceCheck {
        private final ResourceKind kind;
        private final Map<String, String> problems = new HashMap<>();
        private RuntimeException failure;
        private int calls;

        ScriptedCheck(ResourceKind kind) {
            this.kind = kind;
        }

        @Override
        public ResourceKind kind() {
            return kind;
        }

        @Override
        public Optional<String> problem(String name) {
            calls++;
            if (failure != null) {
                throw failure;
            }
            return Optional.ofNullable(problems.get(name));
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The test clock stays in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

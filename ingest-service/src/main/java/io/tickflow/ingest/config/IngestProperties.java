package io.tickflow.ingest.config;

import io.tickflow.ingest.intake.IntakeRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything ingest-service is configured with. The defaults in {@code application.yml} name the resources of
 * {@code Topology.tickflow(tickflow.resource-prefix)}.
 *
 * @param queue the queue producers send tick batches to
 * @param deadLetterQueue the ingest queue's DLQ, where rejected batches are kept with their reason
 * @param ticksTopic where accepted, normalised ticks are published
 * @param bucket the data bucket: rejected batches under {@code rejected/}, backfill sources
 * @param dedupTable holds one de-duplication key per tick, expiring after {@code dedupTtl}
 * @param dedupTtl how long a tick's de-duplication key is kept
 * @param maxTicksPerEvent ticks per published TicksAccepted event (at most 500, which keeps any event under SNS's
 *     256 KiB)
 * @param eventsPerPublish events per SNS PublishBatch call (SNS takes at most 10)
 * @param maxConcurrentMessages ingest messages in flight at once per instance
 * @param maxTicksPerMessage a message with more ticks is rejected whole
 * @param earliestTickTime ticks before this instant are rejected
 * @param maxFutureSkew ticks further ahead of this service's clock are rejected
 */
@Validated
@ConfigurationProperties("tickflow.ingest")
public record IngestProperties(
        @NotBlank String queue,
        @NotBlank String deadLetterQueue,
        @NotBlank String ticksTopic,
        @NotBlank String bucket,
        @NotBlank String dedupTable,
        @NotNull @DurationMin(minutes = 1) Duration dedupTtl,
        @Min(1) @Max(500) int maxTicksPerEvent,
        @Min(1) @Max(10) int eventsPerPublish,
        @Min(1) int maxConcurrentMessages,
        @Min(1) int maxTicksPerMessage,
        @NotNull Instant earliestTickTime,
        @NotNull Duration maxFutureSkew) {

    /** The intake rules these properties configure. */
    public IntakeRules intakeRules() {
        return IntakeRules.defaults()
                .withMaxTicksPerMessage(maxTicksPerMessage)
                .withEarliestTime(earliestTickTime)
                .withMaxFutureSkew(maxFutureSkew);
    }
}

package io.tickflow.ingest.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
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
 * @param publishBatchSize messages per SNS PublishBatch call, which takes at most 10
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
        @Min(1) @Max(10) int publishBatchSize) {}

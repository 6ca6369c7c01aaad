package io.tickflow.analysis.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything analysis-worker is configured with. The defaults in {@code application.yml} name the resources of
 * {@code Topology.tickflow(tickflow.resource-prefix)}.
 *
 * @param queue the queue analysis requests arrive on
 * @param resultsTopic where AnalysisProgress, AnalysisCompleted and AnalysisFailed are published
 * @param bucket the data bucket: the lake it reads, {@code analytics/} reports it writes
 * @param jobsTable status, progress and best parameters of each study
 * @param candlesTable the candles storage-service aggregates, read for studies
 * @param maxConcurrentStudies studies one worker runs at a time; more throughput comes from more workers
 * @param progressInterval how often a running study publishes its progress
 */
@Validated
@ConfigurationProperties("tickflow.analysis")
public record AnalysisProperties(
        @NotBlank String queue,
        @NotBlank String resultsTopic,
        @NotBlank String bucket,
        @NotBlank String jobsTable,
        @NotBlank String candlesTable,
        @Positive int maxConcurrentStudies,
        @NotNull @DurationMin(seconds = 1) Duration progressInterval) {}

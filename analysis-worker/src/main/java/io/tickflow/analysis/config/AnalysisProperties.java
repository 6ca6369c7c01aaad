package io.tickflow.analysis.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything analysis-worker is configured with. The defaults in {@code application.yml} name the resources of
 * {@code Topology.tickflow(tickflow.resource-prefix)}.
 *
 * @param queue the queue analysis requests arrive on
 * @param deadLetterQueue where requests that cannot be read and name no requester go at once
 * @param trialsQueue the queue trial batches of running studies are shared through
 * @param resultsTopic where AnalysisProgress, AnalysisCompleted and AnalysisFailed are published
 * @param bucket the data bucket: the lake it reads, {@code analytics/} reports it writes
 * @param jobsTable status, progress and outcome of each study
 * @param trialsTable the results of each trial batch
 * @param candlesTable the candles storage-service aggregates, read for studies
 * @param maxConcurrentStudies studies one worker coordinates at a time; their trials run on every worker
 * @param trialThreads trial batches one worker backtests at once; one per core uses the machine
 * @param progressInterval how often a running study publishes its progress
 * @param lease how long a request or batch stays invisible to other workers after this one last renewed it; a dead
 *     worker's work reappears within this time
 * @param maxGridSize the most parameter sets a request's space may hold
 * @param batchSize the most parameter sets in one trial batch
 * @param localBelow batches with fewer sets are backtested by the coordinating worker without the queue
 * @param minBarsPerWindow the fewest bars a walk-forward window may hold
 * @param cachedStudies how many studies' bars and indicators a worker keeps in memory
 * @param trialPollInterval how often the coordinator looks for the results of the batches it handed out
 * @param trialMaxWait how long a batch may go without a result before the coordinator gives up (and its request is
 *     retried)
 * @param trialResultTtl how long batch results are kept
 * @param reportLinkValidity how long the presigned link to a report's HTML page works (at most 7 days, SigV4's limit)
 */
@Validated
@ConfigurationProperties("tickflow.analysis")
public record AnalysisProperties(
        @NotBlank String queue,
        @NotBlank String deadLetterQueue,
        @NotBlank String trialsQueue,
        @NotBlank String resultsTopic,
        @NotBlank String bucket,
        @NotBlank String jobsTable,
        @NotBlank String trialsTable,
        @NotBlank String candlesTable,
        @Positive int maxConcurrentStudies,
        @Positive @Max(10) int trialThreads,
        @NotNull @DurationMin(seconds = 1) Duration progressInterval,
        @NotNull @DurationMin(seconds = 3) @DurationMax(hours = 12) Duration lease,
        @Positive long maxGridSize,
        @Positive int batchSize,
        @Min(1) int localBelow,
        @Min(2) int minBarsPerWindow,
        @Positive int cachedStudies,
        @NotNull @DurationMin(millis = 10) Duration trialPollInterval,
        @NotNull @DurationMin(seconds = 1) Duration trialMaxWait,
        @NotNull @DurationMin(hours = 1) Duration trialResultTtl,
        @NotNull @DurationMin(seconds = 1) @DurationMax(days = 7) Duration reportLinkValidity) {}

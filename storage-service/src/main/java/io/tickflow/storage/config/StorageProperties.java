package io.tickflow.storage.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything storage-service is configured with. The defaults in {@code application.yml} name the resources of
 * {@code Topology.tickflow(tickflow.resource-prefix)}.
 *
 * @param queue the queue market-ticks delivers accepted ticks to
 * @param deadLetterQueue its DLQ, where messages no retry can store go at once, with their reason
 * @param eventsTopic where CandleClosed and PartitionCommitted are published
 * @param bucket the data bucket holding the Parquet lake
 * @param quotesTable the latest quote and last trade per instrument
 * @param candlesTable OHLCV candles per series and open time
 * @param commitsTable which lake object holds each event's ticks of a partition
 * @param commitTtl how long such a commit is remembered: at least the storage-ticks queue's retention
 * @param flushInterval the longest the lake buffer holds ticks (and their unacknowledged messages) before it is
 *     written
 * @param flushTicks the lake buffer is written once it holds this many ticks
 * @param maxBufferedTicks while the buffer holds this many (a flush is still running), listeners wait and no more
 *     messages are taken: the backpressure that bounds memory
 * @param heartbeatInterval how often held messages get their visibility extended
 * @param visibilityExtension how long each extension keeps them invisible
 * @param oneMinuteCandleTtl how long a one-minute candle is kept after its last change; longer candles stay
 * @param maxConcurrentMessages messages in flight at once per instance
 * @param compactInterval how often quiet partitions this worker wrote are compacted
 * @param compactAfter how long a partition must have had no flush before it is compacted
 * @param compactionLease how long one compaction may hold a partition before another may take it over
 */
@Validated
@ConfigurationProperties("tickflow.storage")
public record StorageProperties(
        @NotBlank String queue,
        @NotBlank String deadLetterQueue,
        @NotBlank String eventsTopic,
        @NotBlank String bucket,
        @NotBlank String quotesTable,
        @NotBlank String candlesTable,
        @NotBlank String commitsTable,
        @NotNull @DurationMin(hours = 1) Duration commitTtl,
        @NotNull @DurationMin(seconds = 1) Duration flushInterval,
        @Positive int flushTicks,
        @Positive int maxBufferedTicks,
        @NotNull @DurationMin(seconds = 1) Duration heartbeatInterval,
        @NotNull @DurationMin(seconds = 10) Duration visibilityExtension,
        @NotNull @DurationMin(minutes = 1) Duration oneMinuteCandleTtl,
        @Min(1) int maxConcurrentMessages,
        @NotNull @DurationMin(seconds = 1) Duration compactInterval,
        @NotNull Duration compactAfter,
        @NotNull @DurationMin(seconds = 10) Duration compactionLease) {}

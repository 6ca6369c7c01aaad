package io.tickflow.storage.config;

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
 * @param eventsTopic where CandleClosed and PartitionCommitted are published
 * @param bucket the data bucket holding the Parquet lake
 * @param quotesTable the latest quote per instrument
 * @param candlesTable OHLCV candles per series and open time
 * @param flushInterval the longest a partition buffer holds ticks (and their unacknowledged messages) before it is
 *     written; it must stay well under the queue's visibility timeout
 * @param maxBufferedTicks ticks held across all partition buffers before the fullest ones are flushed early
 */
@Validated
@ConfigurationProperties("tickflow.storage")
public record StorageProperties(
        @NotBlank String queue,
        @NotBlank String eventsTopic,
        @NotBlank String bucket,
        @NotBlank String quotesTable,
        @NotBlank String candlesTable,
        @NotNull @DurationMin(seconds = 1) Duration flushInterval,
        @Positive int maxBufferedTicks) {}

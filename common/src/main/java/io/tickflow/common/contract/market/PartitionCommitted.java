package io.tickflow.common.contract.market;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.MessageAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Objects storage-service wrote to one hourly partition of the S3 lake and made durable ({@code
 * tickflow.partition-committed.v1}, event type {@code PartitionCommitted}).
 *
 * <p>Published by storage-service on the {@code market-events} topic with the attributes {@code eventType}, {@code
 * schemaVersion}, {@code venue}, {@code symbol} and {@code dataset}; consumed by anything that reads the lake
 * incrementally (analysis-worker's caches, user pipelines refreshing Athena or DuckDB). Lake keys are deterministic, so
 * a retried flush commits the same keys again: consumers treat a key they have seen as replaced, not added.
 *
 * @param eventId this event's identity
 * @param occurredAt when the objects became durable
 * @param dataset the dataset of the partition
 * @param venue the venue of the partition
 * @param symbol the instrument of the partition
 * @param date the UTC date of the partition
 * @param hour the UTC hour of the partition, 0 to 23
 * @param objects the objects written, at least one
 */
public record PartitionCommitted(
        UUID eventId,
        Instant occurredAt,
        Dataset dataset,
        String venue,
        String symbol,
        LocalDate date,
        int hour,
        List<LakeObject> objects)
        implements MarketEvent {

    /** The wire name of this contract. */
    public static final String SCHEMA = "tickflow.partition-committed.v1";

    public PartitionCommitted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(date, "date");
        objects = List.copyOf(Objects.requireNonNull(objects, "objects"));
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("A partition hour is 0 to 23: " + hour);
        }
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("A partition commit names at least one object");
        }
    }

    @Override
    public Contract contract() {
        return Contract.PARTITION_COMMITTED;
    }

    @Override
    public MessageAttributes messageAttributes() {
        return MessageAttributes.of(contract())
                .with(MessageAttributes.VENUE, venue)
                .with(MessageAttributes.SYMBOL, symbol)
                .with(MessageAttributes.DATASET, dataset.wireName());
    }

    /**
     * One Parquet object of the lake.
     *
     * @param key the S3 key in the data bucket
     * @param rows how many rows it holds
     * @param bytes its size
     * @param minTime the earliest tick time in it
     * @param maxTime the latest tick time in it
     */
    public record LakeObject(String key, long rows, long bytes, Instant minTime, Instant maxTime) {
        public LakeObject {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(minTime, "minTime");
            Objects.requireNonNull(maxTime, "maxTime");
            if (rows < 0 || bytes < 0) {
                throw new IllegalArgumentException("rows and bytes are not negative: " + rows + ", " + bytes);
            }
            if (maxTime.isBefore(minTime)) {
                throw new IllegalArgumentException("maxTime " + maxTime + " is before minTime " + minTime);
            }
        }
    }
}

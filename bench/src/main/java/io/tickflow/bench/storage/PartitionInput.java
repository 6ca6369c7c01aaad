package io.tickflow.bench.storage;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.lake.LakePartition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a flush hands {@code LakeFile.of} for one partition, built the way storage-service builds it: {@code
 * LakeBuffer.add} files each event's ticks under (partition, event id) in hash maps, and {@code LakeFlush} concatenates
 * a partition's ticks event by event in that map's order. So the rows arrive in runs of one event, the runs in no
 * particular order, and {@code LakeFile.of} has real sorting to do.
 *
 * @param partition the partition
 * @param arrived the ticks in the order the flush passes them
 * @param eventIds the events they came in
 * @param sorted the same ticks in the order a lake file holds them (time, then content), for {@code ParquetTicks.encode}
 * @param events the whole events the ticks came in, for the JSON baseline
 */
record PartitionInput(
        LakePartition partition,
        List<Tick> arrived,
        List<UUID> eventIds,
        List<Tick> sorted,
        List<TicksAccepted> events) {

    /** {@code LakeFile.ORDER}, which is package-private in storage-service. */
    static final Comparator<Tick> FILE_ORDER = Comparator.comparing(Tick::time).thenComparing(Object::toString);

    /**
     * All ticks of {@code events} as one partition's input, whatever hours they span; the partition is the first tick's.
     * {@code LakeFile.of} does not check that its ticks are in its partition, and its work per row does not depend on it.
     */
    static PartitionInput whole(List<TicksAccepted> events) {
        Tick first = events.getFirst().ticks().getFirst();
        LakePartition partition = LakePartition.of(Dataset.TRADES, LakeTrades.VENUE, LakeTrades.SYMBOL, first.time());
        Map<UUID, List<Tick>> byEvent = new HashMap<>();
        for (TicksAccepted event : events) {
            byEvent.put(event.eventId(), event.ticks());
        }
        return of(partition, byEvent, events);
    }

    /** The input of every hourly partition {@code events} touch, in time order: one lake file each. */
    static List<PartitionInput> hourly(List<TicksAccepted> events) {
        // The same maps as LakeBuffer: partition -> event id -> ticks.
        Map<LakePartition, Map<UUID, List<Tick>>> partitions = new HashMap<>();
        for (TicksAccepted event : events) {
            for (Tick tick : event.ticks()) {
                LakePartition partition = LakePartition.of(event.dataset(), event.venue(), event.symbol(), tick.time());
                partitions
                        .computeIfAbsent(partition, p -> new HashMap<>())
                        .computeIfAbsent(event.eventId(), id -> new ArrayList<>())
                        .add(tick);
            }
        }
        Map<UUID, TicksAccepted> eventsById = new LinkedHashMap<>();
        events.forEach(event -> eventsById.put(event.eventId(), event));
        return partitions.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(LakePartition::start)))
                .map(entry -> of(
                        entry.getKey(),
                        entry.getValue(),
                        entry.getValue().keySet().stream().map(eventsById::get).toList()))
                .toList();
    }

    private static PartitionInput of(
            LakePartition partition, Map<UUID, List<Tick>> byEvent, List<TicksAccepted> events) {
        // As LakeFlush.fileOfNewEvents: the ticks event by event, in the map's order.
        List<Tick> arrived = new ArrayList<>();
        List<UUID> eventIds = new ArrayList<>();
        byEvent.forEach((eventId, ticks) -> {
            arrived.addAll(ticks);
            eventIds.add(eventId);
        });
        List<Tick> sorted = new ArrayList<>(arrived);
        sorted.sort(FILE_ORDER);
        return new PartitionInput(partition, List.copyOf(arrived), List.copyOf(eventIds), List.copyOf(sorted), events);
    }

    /** How many ticks the partition holds. */
    int trades() {
        return arrived.size();
    }
}

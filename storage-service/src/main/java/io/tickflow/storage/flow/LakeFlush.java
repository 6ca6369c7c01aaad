package io.tickflow.storage.flow;

import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.market.PartitionCommitted;
import io.tickflow.common.contract.market.PartitionCommitted.LakeObject;
import io.tickflow.storage.lake.LakeBuffer;
import io.tickflow.storage.lake.LakeBuffer.Batch;
import io.tickflow.storage.lake.LakeBuffer.HeldPartition;
import io.tickflow.storage.lake.LakeFile;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the lake buffer out: each partition's file to S3, then one PartitionCommitted per file, then the messages are
 * acknowledged. Nothing is acknowledged before its ticks are in S3.
 *
 * <p>A flush that fails (S3 or SNS unavailable) is retried with the same batch, with growing pauses, until it
 * succeeds: the files have the same keys each time, so a retry overwrites rather than adds. Meanwhile the heartbeat
 * keeps the batch's messages invisible, the buffer fills up to its cap, and then the listener stops taking messages.
 * Were the process to die, the messages come back after their visibility timeout and are written again.
 */
public final class LakeFlush {

    private static final Logger log = LoggerFactory.getLogger(LakeFlush.class);

    private final LakeBuffer buffer;
    private final LakeWriter writer;
    private final LakeCommits commits;
    private final MarketEventPublisher publisher;
    private final Receipts receipts;
    private final Clock clock;
    private final Settings settings;
    private final AtomicReference<@Nullable Batch> inFlight = new AtomicReference<>();

    /**
     * @param visibility how long each heartbeat keeps held messages invisible
     * @param firstRetryPause the pause after the first failed attempt; it doubles after each
     * @param maxRetryPause the longest pause between attempts
     */
    public record Settings(Duration visibility, Duration firstRetryPause, Duration maxRetryPause) {}

    public LakeFlush(
            LakeBuffer buffer,
            LakeWriter writer,
            LakeCommits commits,
            MarketEventPublisher publisher,
            Receipts receipts,
            Clock clock,
            Settings settings) {
        this.buffer = buffer;
        this.writer = writer;
        this.commits = commits;
        this.publisher = publisher;
        this.receipts = receipts;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Flushes the buffer if it is due, or whatever it holds when {@code force}; retries until it succeeds or the
     * thread is interrupted.
     *
     * @param written told of each batch once it is durable
     * @return the number of ticks written
     */
    public int flush(boolean force, Consumer<FlushOutcome> written) throws InterruptedException {
        Batch batch = buffer.drain(force);
        if (batch == null) {
            return 0;
        }
        inFlight.set(batch);
        try {
            Duration pause = settings.firstRetryPause();
            for (int attempt = 1; ; attempt++) {
                try {
                    FlushOutcome outcome = write(batch);
                    log.debug("Lake flush: {}", outcome);
                    written.accept(outcome);
                    return batch.ticks();
                } catch (RuntimeException e) {
                    log.warn(
                            "Lake flush of {} ticks in {} partitions failed (attempt {}), retrying in {}: {}",
                            batch.ticks(),
                            batch.partitions().size(),
                            attempt,
                            pause,
                            e.toString());
                    Thread.sleep(pause.toMillis());
                    pause = pause.multipliedBy(2).compareTo(settings.maxRetryPause()) > 0
                            ? settings.maxRetryPause()
                            : pause.multipliedBy(2);
                }
            }
        } finally {
            inFlight.set(null);
        }
    }

    /** Keeps every held message invisible for another {@code visibility}: those buffered and those being written. */
    public void heartbeat() {
        List<String> held = new ArrayList<>(buffer.receipts());
        Batch writing = inFlight.get();
        if (writing != null) {
            held.addAll(writing.receipts());
        }
        if (!held.isEmpty()) {
            receipts.extend(held, settings.visibility());
        }
    }

    private FlushOutcome write(Batch batch) {
        List<LakeFile> files = new ArrayList<>();
        long bytes = 0;
        for (HeldPartition held : batch.partitions()) {
            LakeFile file = fileOfNewEvents(held);
            if (file != null) {
                // The ledger first: were the put to fail or the process to die, the retry finds the object missing
                // and writes these events again under the same key.
                commits.record(held.partition(), file.eventIds(), file.key());
                writer.put(file.key(), file.bytes());
                files.add(file);
                bytes += file.bytes().length;
            }
        }
        if (!files.isEmpty()) {
            publisher.publish(files.stream().map(this::committed).toList());
        }
        receipts.acknowledge(batch.receipts());
        return new FlushOutcome(
                batch.ticks(),
                files.size(),
                bytes,
                batch.receipts().size(),
                files.stream().map(LakeFile::partition).toList());
    }

    /** The file of the partition's events that are not in the lake yet; {@code null} when all are. */
    private @Nullable LakeFile fileOfNewEvents(HeldPartition held) {
        Map<UUID, String> committed =
                commits.committed(held.partition(), held.ticksByEvent().keySet());
        Map<String, Boolean> exists = new HashMap<>();
        List<Tick> ticks = new ArrayList<>();
        List<UUID> events = new ArrayList<>();
        held.ticksByEvent().forEach((eventId, eventTicks) -> {
            String key = committed.get(eventId);
            if (key == null || !exists.computeIfAbsent(key, writer::exists)) {
                ticks.addAll(eventTicks);
                events.add(eventId);
            }
        });
        return events.isEmpty() ? null : LakeFile.of(held.partition(), ticks, events);
    }

    private PartitionCommitted committed(LakeFile file) {
        var p = file.partition();
        return new PartitionCommitted(
                // The same object committed again is the same event.
                UUID.nameUUIDFromBytes(("PartitionCommitted#" + file.key()).getBytes(StandardCharsets.UTF_8)),
                clock.instant(),
                p.dataset(),
                p.venue(),
                p.symbol(),
                p.date(),
                p.hour(),
                List.of(new LakeObject(file.key(), file.rows(), file.bytes().length, file.minTime(), file.maxTime())));
    }

    /**
     * One durable flush.
     *
     * @param ticks ticks written
     * @param files objects put
     * @param bytes bytes put
     * @param messages messages acknowledged
     * @param partitions the partitions written to
     */
    public record FlushOutcome(
            int ticks, int files, long bytes, int messages, List<io.tickflow.common.lake.LakePartition> partitions) {}
}

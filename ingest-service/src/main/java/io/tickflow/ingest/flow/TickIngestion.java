package io.tickflow.ingest.flow;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TickRejected;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.ingest.intake.AcceptedTick;
import io.tickflow.ingest.intake.IntakeResult;
import io.tickflow.ingest.intake.TickIntake;
import io.tickflow.ingest.intake.TickStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Ingests messages from the ingest queue: reads and checks every tick, records what it rejects, drops batches that
 * were published before, and publishes the rest as {@link TicksAccepted} events, one stream (venue, symbol, dataset)
 * per event.
 *
 * <p>Order matters for losing nothing: rejections are recorded first, then events are published, and only then are
 * their fingerprints remembered. A failure anywhere propagates, the messages are not acknowledged, and the next
 * delivery does it all again; a batch published just before a crash is published again with the same event id, which
 * downstream consumers use as their idempotency key.
 *
 * <p>De-duplication is by fingerprint of what an event holds: its stream and the sorted identities of its ticks. SQS
 * redelivery, a producer's retry and a replay of the same file (which the CLI batches the same way every time) all
 * produce the same fingerprints and so publish nothing twice.
 */
public final class TickIngestion {

    /**
     * How ingestion shapes its output.
     *
     * @param queue the name of the queue messages come from, recorded in every rejection
     * @param maxTicksPerEvent at most this many ticks per event; intake bounds every field's length, so 500 ticks of
     *     the longest possible fields stay below the 256 KiB an SNS message may hold
     */
    public record Settings(String queue, int maxTicksPerEvent) {
        public Settings {
            Objects.requireNonNull(queue, "queue");
            if (maxTicksPerEvent < 1 || maxTicksPerEvent > 500) {
                throw new IllegalArgumentException("maxTicksPerEvent must be 1..500: " + maxTicksPerEvent);
            }
        }
    }

    private final TickIntake intake;
    private final PublishedBatches published;
    private final TickPublisher publisher;
    private final RejectionRecorder rejections;
    private final Quarantine quarantine;
    private final Settings settings;
    private final Clock clock;

    public TickIngestion(
            TickIntake intake,
            PublishedBatches published,
            TickPublisher publisher,
            RejectionRecorder rejections,
            Quarantine quarantine,
            Settings settings,
            Clock clock) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.published = Objects.requireNonNull(published, "published");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.rejections = Objects.requireNonNull(rejections, "rejections");
        this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Ingests a batch of messages as one unit: when this returns, everything they produced is durable and they may be
     * acknowledged; when it throws, none of them may be.
     */
    public IngestOutcome ingest(List<IngestMessage> messages) {
        Instant now = clock.instant();
        Map<String, PendingEvent> pending = new LinkedHashMap<>();
        int rejectedTicks = 0;
        int quarantined = 0;

        for (IngestMessage message : messages) {
            IntakeResult result = intake.read(message.messageId(), message.body());
            if (!result.rejections().isEmpty()) {
                List<TickRejected> recorded = result.rejections().stream()
                        .map(r -> r.toEvent(settings.queue(), now))
                        .toList();
                rejections.record(message.messageId(), recorded);
                if (result.messageRejected()) {
                    quarantine.quarantine(message.messageId(), message.body(), recorded.getFirst());
                    quarantined++;
                    continue;
                }
                rejectedTicks += result.rejections().size();
            }
            result.acceptedByStream().forEach((stream, ticks) -> {
                for (int from = 0; from < ticks.size(); from += settings.maxTicksPerEvent()) {
                    List<AcceptedTick> chunk =
                            ticks.subList(from, Math.min(ticks.size(), from + settings.maxTicksPerEvent()));
                    PendingEvent event = PendingEvent.of(stream, chunk, message.messageId());
                    // The same batch twice in one round (a producer that sent it twice at once) is one event.
                    pending.merge(event.fingerprint(), event, PendingEvent::withSourcesOf);
                }
            });
        }

        Set<String> seen = pending.isEmpty() ? Set.of() : published.publishedAmong(pending.keySet());
        List<PendingEvent> fresh = pending.values().stream()
                .filter(e -> !seen.contains(e.fingerprint()))
                .toList();
        int duplicateTicks =
                pending.values().stream().mapToInt(e -> e.ticks().size()).sum()
                        - fresh.stream().mapToInt(e -> e.ticks().size()).sum();
        if (!fresh.isEmpty()) {
            publisher.publish(fresh.stream().map(e -> e.toEvent(now)).toList());
            published.remember(fresh.stream().map(PendingEvent::fingerprint).toList());
        }
        return new IngestOutcome(
                messages.size(),
                fresh.stream().mapToInt(e -> e.ticks().size()).sum(),
                duplicateTicks,
                rejectedTicks,
                quarantined,
                fresh.size());
    }

    /** An event not yet published: its ticks, the messages they came from, and the fingerprint of its content. */
    private record PendingEvent(TickStream stream, List<Tick> ticks, Set<String> sources, String fingerprint) {

        static PendingEvent of(TickStream stream, List<AcceptedTick> accepted, String messageId) {
            List<String> ids =
                    accepted.stream().map(t -> t.id().toString()).sorted().toList();
            return new PendingEvent(
                    stream,
                    accepted.stream().map(AcceptedTick::tick).toList(),
                    new LinkedHashSet<>(List.of(messageId)),
                    fingerprint(stream, ids));
        }

        PendingEvent withSourcesOf(PendingEvent other) {
            Set<String> all = new LinkedHashSet<>(sources);
            all.addAll(other.sources);
            return new PendingEvent(stream, ticks, all, fingerprint);
        }

        TicksAccepted toEvent(Instant occurredAt) {
            // The event id is the fingerprint's: the same batch published again carries the same id.
            UUID eventId = UUID.nameUUIDFromBytes(fingerprint.getBytes(StandardCharsets.US_ASCII));
            Dataset dataset = stream.dataset();
            return new TicksAccepted(
                    eventId, occurredAt, stream.venue(), stream.symbol(), dataset, ticks, new ArrayList<>(sources));
        }

        private static String fingerprint(TickStream stream, List<String> sortedIds) {
            MessageDigest sha256 = sha256();
            sha256.update(stream.toString().getBytes(StandardCharsets.UTF_8));
            for (String id : sortedIds) {
                sha256.update((byte) '\n');
                sha256.update(id.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha256.digest());
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every JDK has SHA-256", e);
            }
        }
    }
}

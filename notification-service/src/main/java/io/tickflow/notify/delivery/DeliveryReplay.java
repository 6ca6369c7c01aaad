package io.tickflow.notify.delivery;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replays given-up deliveries: each is delivered again (its log entry allows it), and forgotten from the dead letters
 * whatever happens, because a delivery that fails again is dead-lettered again, as a new letter with the new reason.
 * A run stops when the dead letters are empty or it meets a delivery it has already replayed (one that just failed
 * again), so it never loops.
 */
public final class DeliveryReplay {

    private static final int BATCH = 10;

    private final DeadLetterSource source;
    private final Deliverer deliverer;

    public DeliveryReplay(DeadLetterSource source, Deliverer deliverer) {
        this.source = source;
        this.deliverer = deliverer;
    }

    /**
     * Replays up to {@code max} deliveries.
     *
     * @return what became of them
     */
    public Replayed replay(int max) {
        Set<String> seen = new HashSet<>();
        long delivered = 0;
        long failed = 0;
        while (seen.size() < max) {
            List<DeadLetterSource.DeadLetter> letters = source.take(Math.min(BATCH, max - seen.size())).stream()
                    .filter(letter -> seen.add(letter.delivery().deliveryId()))
                    .toList();
            if (letters.isEmpty()) {
                break;
            }
            DeliverySummary summary = deliverer.deliverAll(
                    letters.stream().map(DeadLetterSource.DeadLetter::delivery).toList());
            delivered += summary.delivered() + summary.duplicates();
            failed += summary.failed();
            letters.forEach(source::remove);
        }
        return new Replayed(delivered, failed);
    }

    /**
     * What a replay did.
     *
     * @param delivered deliveries made now (or found already made)
     * @param failed deliveries given up again, back in the dead letters with their new reason
     */
    public record Replayed(long delivered, long failed) {}
}

package io.tickflow.notify.fanout;

import io.tickflow.common.contract.notify.PriceAlertTriggered;
import io.tickflow.notify.fanout.AlertStateStore.RuleKey;
import io.tickflow.notify.fanout.AlertStateStore.Stored;
import io.tickflow.notify.rules.AlertEvaluator;
import io.tickflow.notify.rules.AlertState;
import io.tickflow.notify.rules.Evaluation;
import io.tickflow.notify.rules.Observation;
import io.tickflow.notify.rules.PriceAlertRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The price-alert rule states of this worker, kept durably in an {@link AlertStateStore} that every worker shares.
 *
 * <p>Evaluation runs on a copy in memory, so a tick costs no request. The store is written:
 *
 * <ul>
 *   <li>at once, with a condition, when a rule fires: the firing is claimed as the rule's next crossing, and only the
 *       worker whose claim succeeds delivers it. A worker whose claim fails takes up the stored state (another worker
 *       saw the crossing) and judges its observation again, so it fires only a crossing that came after;
 *   <li>behind, every flush interval, when a state changed without firing in a way that matters after a restart:
 *       a {@code crosses} rule's side of its level (not its every price), a window, a candle. Many ticks make one
 *       write per rule and interval; a write is conditional on the crossing count and time, so it never overwrites
 *       what another worker stored later.
 * </ul>
 *
 * <p>A rule's state is read on its first use in this process, and read again when the copy is older than the refresh
 * interval, to see crossings other workers claimed. A firing claimed but not recorded as delivered (the worker stopped
 * between the two) is delivered again by the next worker that reads the rule; the delivery log keeps it to one
 * delivery.
 */
public final class AlertStates implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertStates.class);

    /** How often a rule whose claim keeps failing is judged again before the observation is given back. */
    private static final int MAX_CLAIMS = 10;

    private final AlertStateStore store;
    private final Duration refresh;
    private final Duration handover;
    private final Clock clock;
    private final Map<RuleKey, Slot> slots = new ConcurrentHashMap<>();
    private @Nullable ScheduledExecutorService flusher;

    /**
     * States that are flushed only when {@link #flush()} or {@link #close()} is called.
     *
     * @param refresh how old this worker's copy of a rule's state may be before it is read again
     * @param handover how old a firing another worker claimed and has not recorded as delivered must be before this
     *     worker, reading the rule again, delivers it (the delivery log's claim lease: by then that worker's attempt
     *     has ended or stopped)
     */
    public AlertStates(AlertStateStore store, Duration refresh, Duration handover, Clock clock) {
        this.store = store;
        this.refresh = refresh;
        this.handover = handover;
        this.clock = clock;
    }

    /** Starts flushing changed states every {@code interval}, on a thread of its own, until {@link #close()}. */
    public synchronized AlertStates flushingEvery(Duration interval) {
        if (flusher != null) {
            throw new IllegalStateException("Already flushing");
        }
        flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("alert-state-flush").daemon(true).factory());
        flusher.scheduleWithFixedDelay(this::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * A firing to deliver.
     *
     * @param rule the rule that fired
     * @param crossing which of the rule's crossings it is, from 1
     * @param event what to deliver
     */
    public record Fired(RuleKey rule, long crossing, PriceAlertTriggered event) {}

    /**
     * What one rule is to evaluate.
     *
     * @param key the rule
     * @param owner the subscription's owner, who the firings are for
     * @param rule the rule as its subscription states it now
     * @param observations the observations of the rule's venue and symbol, in time order
     */
    public record Concern(RuleKey key, String owner, PriceAlertRule rule, List<Observation> observations) {
        public Concern {
            observations = List.copyOf(observations);
        }
    }

    /**
     * Evaluates each rule against its observations and claims what fires. The states of rules used for the first
     * time, or not read for the refresh interval, are read together first, in as few requests as the store allows.
     *
     * @return the firings this worker is to deliver: the crossings it claimed, and firings claimed earlier but not
     *     delivered, where it read such a rule for the first time
     */
    public List<Fired> observe(List<Concern> concerns) {
        refresh(concerns.stream().map(Concern::key).distinct().toList());
        if (concerns.size() == 1) {
            return observe(concerns.getFirst());
        }
        // Rules are independent: their evaluations (and claims, which wait for the store) run side by side, so the
        // firings of many rules crossed by one tick are claimed in about the time of one claim.
        List<Future<List<Fired>>> each = new ArrayList<>(concerns.size());
        try (ExecutorService rules = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Concern concern : concerns) {
                each.add(rules.submit(() -> observe(concern)));
            }
        }
        // Every evaluation has ended (close waits). When one failed, the others' claimed firings are given back to
        // their rules, so that the message's next delivery, or the next message, delivers them.
        List<Fired> fired = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<List<Fired>> one : each) {
            switch (one.state()) {
                case SUCCESS -> fired.addAll(one.resultNow());
                case FAILED -> {
                    Throwable cause = one.exceptionNow();
                    RuntimeException thrown = cause instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException("Evaluating a price alert failed", cause);
                    if (failure == null) {
                        failure = thrown;
                    } else {
                        failure.addSuppressed(thrown);
                    }
                }
                default -> throw new IllegalStateException("An evaluation did not end: " + one.state());
            }
        }
        if (failure != null) {
            retry(fired);
            throw failure;
        }
        return fired;
    }

    /**
     * Gives firings that were handed out but not delivered (the delivery failed unexpectedly) back to their rules:
     * the next observation of each rule delivers them first. The delivery log keeps each to one delivery.
     */
    public void retry(List<Fired> undelivered) {
        for (Fired firing : undelivered) {
            Slot slot = slots.computeIfAbsent(firing.rule(), k -> new Slot());
            slot.lock.lock();
            try {
                slot.pending.addFirst(firing);
            } finally {
                slot.lock.unlock();
            }
        }
    }

    private List<Fired> observe(Concern concern) {
        Slot slot = slots.computeIfAbsent(concern.key(), k -> new Slot());
        slot.lock.lock();
        try {
            List<Fired> fired = new ArrayList<>(1);
            if (slot.state == null) {
                // Made by retry() before this worker read the rule: read it now.
                apply(concern.key(), slot, store.load(concern.key()), clock.instant());
            }
            fired.addAll(slot.pending);
            slot.pending.clear();
            try {
                for (Observation observation : concern.observations()) {
                    evaluate(concern.key(), concern.owner(), concern.rule(), slot, observation, fired);
                }
            } catch (RuntimeException failed) {
                // Firings claimed before the failure are the store's already: keep them for the next observation.
                slot.pending.addAll(0, fired);
                throw failed;
            }
            fired.forEach(firing -> slot.handedOut = Math.max(slot.handedOut, firing.crossing()));
            return fired;
        } finally {
            slot.lock.unlock();
        }
    }

    /** Records that {@code fired} was delivered, so that no worker delivers it again. */
    public void delivered(Fired fired) {
        store.delivered(fired.rule(), fired.crossing());
    }

    /** Stores the states that changed since they were last stored. */
    public void flush() {
        for (Map.Entry<RuleKey, Slot> entry : slots.entrySet()) {
            Slot slot = entry.getValue();
            if (!slot.dirty) {
                // Most rules are not: their locks are left to the evaluations.
                continue;
            }
            AlertState state;
            long crossings;
            slot.lock.lock();
            try {
                if (!slot.dirty || slot.state == null) {
                    continue;
                }
                state = slot.state;
                crossings = slot.crossings;
            } finally {
                slot.lock.unlock();
            }
            // Written outside the lock, so evaluation goes on meanwhile; a claim made meanwhile raises the crossing
            // count, and the condition then refuses this older state.
            boolean stored;
            try {
                stored = store.save(entry.getKey(), crossings, state);
            } catch (RuntimeException unavailable) {
                // Left dirty, so the next flush tries again; the other rules are flushed now all the same.
                log.warn("Could not store the state of price alert {}: {}", entry.getKey(), unavailable.toString());
                continue;
            }
            slot.lock.lock();
            try {
                if (!stored) {
                    // Another worker stored something later: read it before the next evaluation.
                    slot.checkedAt = Instant.MIN;
                    slot.dirty = false;
                } else if (slot.state == state) {
                    slot.dirty = false;
                }
            } finally {
                slot.lock.unlock();
            }
        }
    }

    /** Stops flushing, then stores what changed since the last flush. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = flusher;
            flusher = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    /** Reads the states of the rules among {@code keys} that this worker never read, or not for too long. */
    private void refresh(List<RuleKey> keys) {
        Instant now = clock.instant();
        List<RuleKey> stale = new ArrayList<>();
        for (RuleKey key : keys) {
            Slot slot = slots.computeIfAbsent(key, k -> new Slot());
            slot.lock.lock();
            try {
                if (slot.state == null) {
                    stale.add(key);
                } else if (now.isAfter(slot.checkedAt.plus(refresh))) {
                    // Taken as checked now, so that the messages arriving meanwhile do not all read it again.
                    slot.checkedAt = now;
                    stale.add(key);
                }
            } finally {
                slot.lock.unlock();
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        Map<RuleKey, Stored> stored = store.loadAll(stale);
        for (RuleKey key : stale) {
            Slot slot = slots.computeIfAbsent(key, k -> new Slot());
            slot.lock.lock();
            try {
                apply(key, slot, Optional.ofNullable(stored.get(key)), now);
            } finally {
                slot.lock.unlock();
            }
        }
    }

    /**
     * Brings {@code slot} up to what was read: on first use it takes the stored state (or the initial one) and the
     * firing left undelivered; later it takes the stored state only if that is newer than its own.
     */
    private void apply(RuleKey key, Slot slot, Optional<Stored> stored, Instant now) {
        if (slot.state == null) {
            slot.state = stored.map(Stored::state).orElse(AlertState.initial());
            slot.crossings = stored.map(Stored::crossings).orElse(0L);
            slot.dirty = false;
            // First read in this process: a firing left undelivered is taken up at once (a restart is the usual cause).
            stored.ifPresent(read -> takeUndelivered(key, slot, read, now));
        } else {
            if (stored.isPresent() && isNewer(stored.get(), slot)) {
                take(slot, stored.get());
            }
            stored.ifPresent(read -> takeUndelivered(key, slot, read, now.minus(handover)));
        }
        slot.checkedAt = now;
    }

    /**
     * Queues the stored firing that was claimed by {@code claimedBy} but not recorded as delivered, unless this worker
     * handed it out itself (it is being delivered, or was given back by {@link #retry}) or queued it already: the
     * worker that claimed it stopped, or failed, before recording the delivery.
     */
    private static void takeUndelivered(RuleKey key, Slot slot, Stored stored, Instant claimedBy) {
        if (stored.crossings() <= slot.handedOut) {
            return;
        }
        stored.undelivered().ifPresent(event -> {
            if (!event.occurredAt().isAfter(claimedBy)
                    && slot.pending.stream().noneMatch(queued -> queued.crossing() == stored.crossings())) {
                slot.pending.add(new Fired(key, stored.crossings(), event));
            }
        });
    }

    private void evaluate(
            RuleKey key, String owner, PriceAlertRule rule, Slot slot, Observation observation, List<Fired> fired) {
        for (int claims = 0; claims < MAX_CLAIMS; claims++) {
            AlertState before = stateOf(slot);
            Evaluation evaluation = AlertEvaluator.observe(rule, before, observation);
            if (evaluation.firing().isEmpty()) {
                if (worthStoring(rule, before, evaluation.state())) {
                    slot.dirty = true;
                }
                slot.state = evaluation.state();
                return;
            }
            PriceAlertTriggered event = evaluation.firing().get().toEvent(key.ruleId(), owner, rule, clock.instant());
            // The claim on crossing n + 1 is the idempotency key of a firing across workers and restarts.
            if (store.claim(key, slot.crossings, evaluation.state(), event)) {
                slot.crossings++;
                slot.state = evaluation.state();
                slot.dirty = false;
                fired.add(new Fired(key, slot.crossings, event));
                return;
            }
            // Another worker claimed this crossing (or later ones): take up what it stored and judge again.
            Optional<Stored> stored = store.load(key);
            slot.state = stored.map(Stored::state).orElse(AlertState.initial());
            slot.crossings = stored.map(Stored::crossings).orElse(0L);
            slot.dirty = false;
            slot.checkedAt = clock.instant();
            stored.ifPresent(read -> takeUndelivered(key, slot, read, slot.checkedAt.minus(handover)));
        }
        throw new IllegalStateException("Rule " + key.ruleId() + " could not claim a crossing in " + MAX_CLAIMS
                + " tries: other workers keep claiming; the observation is given back to be tried again");
    }

    /** Whether the stored state is more current than this worker's copy: more crossings, or a later observation. */
    private static boolean isNewer(Stored stored, Slot slot) {
        if (stored.crossings() != slot.crossings) {
            return stored.crossings() > slot.crossings;
        }
        Optional<Instant> storedSeen = AlertState.lastSeen(stored.state());
        Optional<Instant> ownSeen = AlertState.lastSeen(stateOf(slot));
        return storedSeen.isPresent() && (ownSeen.isEmpty() || storedSeen.get().isAfter(ownSeen.get()));
    }

    private static void take(Slot slot, Stored stored) {
        slot.state = stored.state();
        slot.crossings = stored.crossings();
        slot.dirty = false;
    }

    /**
     * Whether a change that did not fire needs to be stored. A {@code crosses} rule's price moves with every tick, but
     * only its side of the level decides the next firing: a price on the other side of the level is stored, another
     * price on the same side is not. Other kinds' states change only when it matters (a window's extremes, a candle).
     */
    private static boolean worthStoring(PriceAlertRule rule, AlertState before, AlertState after) {
        if (rule instanceof PriceAlertRule.Crosses crosses
                && before instanceof AlertState.LastPrice previous
                && after instanceof AlertState.LastPrice next) {
            return previous.price().compareTo(crosses.level()) != next.price().compareTo(crosses.level());
        }
        return !after.equals(before);
    }

    private static AlertState stateOf(Slot slot) {
        AlertState state = slot.state;
        return state == null ? AlertState.initial() : state;
    }

    /** One rule's copy: guarded by its lock, so one rule's observations are evaluated one at a time. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();

        @Nullable
        AlertState state;

        final List<Fired> pending = new ArrayList<>(0);
        long crossings;
        /** The highest crossing this worker handed out to be delivered. */
        long handedOut;

        volatile boolean dirty;
        Instant checkedAt = Instant.MIN;
    }
}

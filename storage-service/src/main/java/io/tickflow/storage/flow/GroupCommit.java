package io.tickflow.storage.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs one action for the items of every thread that arrives while it runs, instead of one action per thread: the
 * first caller leads, takes everything submitted so far, runs the action once over all of it, and goes on while more
 * has arrived; the others wait for the round that holds their items. Under load, twenty listener threads updating the
 * same candles make one read-modify-write of each candle per round instead of twenty that collide.
 *
 * <p>The action must accept the items of several callers together in any grouping, as candle and price updates do
 * (they are idempotent and independent of order). When a round fails, every caller in it gets the failure.
 *
 * @param <T> what callers submit
 * @param <R> what a round returns
 */
public final class GroupCommit<T, R> {

    private final Function<List<T>, R> action;
    private final Object lock = new Object();
    private List<Pending<T, R>> queue = new ArrayList<>();
    private boolean leading;

    public GroupCommit(Function<List<T>, R> action) {
        this.action = action;
    }

    /**
     * Runs the action over {@code items}, together with other callers' items, and returns when that is done.
     *
     * @return the round's result to the caller that ran it; empty to the callers whose items rode along
     * @throws RuntimeException what the round that held the items threw
     */
    public Optional<R> submit(List<T> items) throws InterruptedException {
        Pending<T, R> mine = new Pending<>(items);
        synchronized (lock) {
            queue.add(mine);
            if (leading) {
                while (!mine.done) {
                    lock.wait();
                }
                return mine.outcome(false);
            }
            leading = true;
        }
        while (true) {
            List<Pending<T, R>> round;
            synchronized (lock) {
                if (queue.isEmpty()) {
                    leading = false;
                    break;
                }
                round = queue;
                queue = new ArrayList<>();
            }
            List<T> all = new ArrayList<>();
            round.forEach(p -> all.addAll(p.items));
            R result = null;
            RuntimeException failure = null;
            try {
                result = action.apply(all);
            } catch (RuntimeException e) {
                failure = e;
            }
            synchronized (lock) {
                for (Pending<T, R> pending : round) {
                    pending.result = result;
                    pending.failure = failure;
                    pending.done = true;
                }
                lock.notifyAll();
            }
        }
        return mine.outcome(true);
    }

    private static final class Pending<T, R> {
        final List<T> items;

        @Nullable
        R result;

        @Nullable
        RuntimeException failure;

        boolean done;

        Pending(List<T> items) {
            this.items = items;
        }

        Optional<R> outcome(boolean ran) {
            if (failure != null) {
                throw failure;
            }
            return ran ? Optional.ofNullable(result) : Optional.empty();
        }
    }
}

package io.tickflow.notify.delivery;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.tickflow.notify.subscription.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one event's notifications to its subscriptions: all of them at once, each at most once, each retried with
 * exponential backoff and jitter, and each endpoint behind its own bulkhead and circuit breaker, so that an endpoint
 * that is slow or down costs the others nothing.
 *
 * <p>For every delivery it claims the delivery in the {@link DeliveryLog} (a delivery already made, or being made by
 * another worker, is skipped as a duplicate), then makes attempts through the {@link DeliveryChannel} that handles its
 * channel. An attempt waits briefly for a permit of the endpoint's bulkhead and is turned away without touching the
 * endpoint while its circuit is open; both count as retryable failures. Retryable failures are retried until the
 * budget is spent; then, or at the first permanent failure, the delivery is dead-lettered with the reason and logged
 * as failed. Deliveries run on virtual threads, so one that waits on a hanging endpoint holds nothing but its own
 * thread and its endpoint's permit; how long it waits is bounded by the channel's own timeouts.
 *
 * <p>The log and the dead letters are the effects that must not be lost: when either fails, {@link #deliverAll}
 * finishes the other deliveries and then throws, so that the event is redelivered; deliveries already made are then
 * skipped as duplicates.
 */
public final class Deliverer {

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    /**
     * Claim requests under way at once for one fan-out: as many as the DynamoDB log has shards, so that a fan-out to a
     * thousand subscriptions (a group per shard) sends every claim at once; a larger fan-out's further groups wait for
     * a request to come back. Even where the log serves requests one at a time (DynamoDB Local does), they come back
     * in the order they were sent, so the first groups still start early; with eight at once, the last groups of a
     * 1,000-subscription fan-out began their claims 0.75 s after the publish (p99), with 32, 0.3 s.
     */
    static final int CLAIM_REQUESTS_AT_ONCE = 32;

    /**
     * A group's deliveries that end within this time of its start are recorded together, in one write; a worker that
     * dies later does not make them again. The others (retrying) are recorded together once they end.
     */
    static final Duration RECORD_WITHIN = Duration.ofSeconds(1);

    private final List<DeliveryChannel> channels;
    private final DeliveryLog deliveryLog;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Retry retry;
    private final BulkheadRegistry bulkheads;
    private final CircuitBreakerRegistry circuitBreakers;

    /**
     * @param channels the channels, the first that handles a delivery's channel sends it
     * @param deliveryLog where deliveries are claimed and recorded
     * @param deadLetters where given-up deliveries go
     * @param settings retries, bulkheads and circuit breakers
     * @param clock measures latency and times open circuits
     */
    public Deliverer(
            List<DeliveryChannel> channels,
            DeliveryLog deliveryLog,
            DeadLetters deadLetters,
            DeliverySettings settings,
            Clock clock) {
        this.channels = List.copyOf(channels);
        this.deliveryLog = Objects.requireNonNull(deliveryLog, "deliveryLog");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = Objects.requireNonNull(clock, "clock");
        DeliverySettings.Retries retries = settings.retries();
        this.retry = Retry.of(
                "deliveries",
                RetryConfig.custom()
                        .maxAttempts(retries.maxAttempts())
                        .intervalFunction(retries.backoff())
                        .retryOnException(Deliverer::retryable)
                        .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.bulkheads().maxConcurrentPerEndpoint())
                .maxWaitDuration(settings.bulkheads().maxWait())
                .build());
        DeliverySettings.CircuitBreakers breakers = settings.circuitBreakers();
        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindow(
                        breakers.window(),
                        breakers.minimumAttempts(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(breakers.failureRatePercent())
                .waitDurationInOpenState(breakers.openFor())
                .permittedNumberOfCallsInHalfOpenState(breakers.halfOpenAttempts())
                // A permanent failure is the receiver answering: the endpoint is up.
                .recordException(Deliverer::retryable)
                .clock(clock)
                .build());
    }

    /**
     * Makes the deliveries, concurrently, and returns once every one is delivered, skipped or given up, and recorded.
     *
     * <p>The deliveries are claimed in the groups the log claims best together ({@link DeliveryLog#claimGroups}),
     * {@value #CLAIM_REQUESTS_AT_ONCE} groups at once, and a group's deliveries start as soon as its claims are in and
     * their channels have prepared for them together (read their signing secrets, for webhooks): the first POST does
     * not wait for the last claim. Once a group's deliveries have all ended, their records go to the log in one write,
     * but none before every group is claimed: claims and records go to the same log, and a claim holds up deliveries
     * while a record holds up only the acknowledgement.
     *
     * @throws RuntimeException what the delivery log or the dead letters threw, after the other deliveries finished;
     *     the deliveries it concerns are left claimable (or, if the log itself failed, claimable once their lease
     *     expires)
     */
    public DeliverySummary deliverAll(List<Delivery> deliveries) {
        Semaphore claimRequests = new Semaphore(CLAIM_REQUESTS_AT_ONCE);
        List<Future<DeliveryOutcome>> running = new ArrayList<>(deliveries.size());
        List<Future<?>> groups = new ArrayList<>();
        // Each claim is owned by the first delivery with its id, so an id given twice is delivered once.
        Set<String> seen = new HashSet<>();
        List<Delivery> unique = new ArrayList<>(deliveries.size());
        Map<String, Integer> positions = new HashMap<>();
        // Each delivery's future at its position in the list, set by whichever thread submitted it.
        AtomicReferenceArray<@Nullable Future<DeliveryOutcome>> made = new AtomicReferenceArray<>(deliveries.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < deliveries.size(); i++) {
                Delivery delivery = deliveries.get(i);
                if (seen.add(delivery.deliveryId())) {
                    unique.add(delivery);
                    positions.put(delivery.deliveryId(), i);
                } else {
                    made.set(i, executor.submit(() -> deliver(delivery, false, record -> {})));
                }
            }
            List<List<Delivery>> claimGroups = unique.isEmpty() ? List.of() : deliveryLog.claimGroups(unique);
            CountDownLatch claimed = new CountDownLatch(claimGroups.size());
            for (List<Delivery> group : claimGroups) {
                groups.add(executor.submit(() -> {
                    // The channels prepare while the claims are made; a delivery that turns out not to be claimed
                    // (made already) is rare, and preparing for it costs only a read.
                    Future<?> prepared = executor.submit(() -> prepare(group));
                    Set<String> owned;
                    claimRequests.acquire();
                    try {
                        owned = deliveryLog.claimAll(group);
                    } finally {
                        claimRequests.release();
                        claimed.countDown();
                    }
                    awaitDone(prepared);
                    Queue<DeliveryRecord> records = new ConcurrentLinkedQueue<>();
                    List<Future<DeliveryOutcome>> its = new ArrayList<>(group.size());
                    for (Delivery delivery : group) {
                        boolean mine = owned.contains(delivery.deliveryId());
                        Future<DeliveryOutcome> future = executor.submit(() -> deliver(delivery, mine, records::add));
                        made.set(positions.get(delivery.deliveryId()), future);
                        its.add(future);
                    }
                    // The records of what ended within RECORD_WITHIN go in one write; those of deliveries still
                    // retrying (a hanging endpoint), in a second once they end.
                    long deadline = System.nanoTime() + RECORD_WITHIN.toNanos();
                    its.forEach(future -> awaitUntil(future, deadline));
                    claimed.await();
                    record(records);
                    its.forEach(Deliverer::awaitDone);
                    record(records);
                    return null;
                }));
            }
            // A group submits its deliveries to this executor, so it stays open until every group is done; closing it
            // then waits for the deliveries.
            for (Future<?> group : groups) {
                awaitDone(group);
            }
        }
        for (int i = 0; i < made.length(); i++) {
            @Nullable Future<DeliveryOutcome> delivery = made.get(i);
            if (delivery != null) {
                running.add(delivery);
            }
        }
        List<DeliveryOutcome> outcomes = new ArrayList<>(running.size());
        @Nullable Throwable failure = null;
        List<Future<?>> finished = new ArrayList<>(groups);
        finished.addAll(running);
        for (Future<?> task : finished) {
            switch (task.state()) {
                case SUCCESS -> {
                    if (task.resultNow() instanceof DeliveryOutcome outcome) {
                        outcomes.add(outcome);
                    }
                }
                case FAILED -> failure = joined(failure, task.exceptionNow());
                case RUNNING, CANCELLED -> throw new IllegalStateException("A delivery did not finish: " + task);
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Deliveries were interrupted", failure);
        }
        return new DeliverySummary(outcomes);
    }

    /** Writes the records gathered so far, if any. */
    private void record(Queue<DeliveryRecord> records) {
        List<DeliveryRecord> ended = new ArrayList<>();
        for (DeliveryRecord record = records.poll(); record != null; record = records.poll()) {
            ended.add(record);
        }
        if (!ended.isEmpty()) {
            deliveryLog.recordAll(ended);
        }
    }

    /** Waits for {@code task} to end, however it ends, or until {@code deadline} on {@link System#nanoTime}. */
    private static void awaitUntil(Future<?> task, long deadline) {
        try {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                task.get(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException | TimeoutException e) {
            // Ended, or still running: looked at later.
        }
    }

    /** Waits for {@code task} to end, however it ends: how it ended is looked at once every task has. */
    private static void awaitDone(Future<?> task) {
        boolean interrupted = false;
        while (!task.isDone()) {
            try {
                task.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | CancellationException e) {
                // Ended; looked at later.
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable joined(@Nullable Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** Lets each channel prepare for the deliveries of {@code group} it will make. */
    private void prepare(List<Delivery> group) {
        for (DeliveryChannel channel : channels) {
            List<Delivery> its = group.stream()
                    .filter(delivery -> channelFor(delivery.channel()) == channel)
                    .toList();
            if (!its.isEmpty()) {
                channel.prepare(its);
            }
        }
    }

    private DeliveryOutcome deliver(Delivery delivery, boolean claimed, Consumer<DeliveryRecord> records)
            throws Exception {
        if (!claimed) {
            return new DeliveryOutcome(delivery.deliveryId(), DeliveryStatus.DUPLICATE, 0, null);
        }
        DeliveryChannel channel = channelFor(delivery.channel());
        if (channel == null) {
            return giveUp(
                    delivery,
                    0,
                    new DeliveryFailure(
                            "No delivery channel handles "
                                    + delivery.channel().getClass().getSimpleName(),
                            false),
                    records);
        }
        String endpoint = delivery.channel().endpoint();
        Bulkhead bulkhead = bulkheads.bulkhead(endpoint);
        CircuitBreaker breaker = circuitBreakers.circuitBreaker(endpoint);
        AtomicInteger attempts = new AtomicInteger();
        CheckedRunnable attempt = () -> {
            attempts.incrementAndGet();
            attempt(channel, delivery, bulkhead, breaker);
        };
        Instant started = clock.instant();
        try {
            Retry.decorateCheckedRunnable(retry, attempt).run();
        } catch (DeliveryFailure failure) {
            return giveUp(delivery, attempts.get(), failure, records);
        } catch (Throwable unexpected) {
            // Interrupted (the service is stopping) or broken: nothing was delivered, so leave it claimable.
            records.accept(new DeliveryRecord.Failed(delivery, attempts.get(), String.valueOf(unexpected), false));
            if (unexpected instanceof Exception e) {
                throw e;
            }
            throw (Error) unexpected;
        }
        records.accept(
                new DeliveryRecord.Delivered(delivery, attempts.get(), Duration.between(started, clock.instant())));
        return new DeliveryOutcome(delivery.deliveryId(), DeliveryStatus.DELIVERED, attempts.get(), null);
    }

    private static void attempt(DeliveryChannel channel, Delivery delivery, Bulkhead bulkhead, CircuitBreaker breaker)
            throws Throwable {
        CheckedRunnable send = () -> {
            try {
                channel.deliver(delivery);
            } catch (RuntimeException e) {
                // A channel that breaks its contract on one delivery: retrying will not mend it; the dead letters
                // keep the delivery until it is fixed.
                throw new DeliveryFailure("The channel failed: " + e, false, e);
            }
        };
        try {
            Bulkhead.decorateCheckedRunnable(bulkhead, CircuitBreaker.decorateCheckedRunnable(breaker, send))
                    .run();
        } catch (BulkheadFullException e) {
            throw new DeliveryFailure(
                    bulkhead.getName() + " had " + bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
                            + " deliveries in flight already",
                    true,
                    e);
        } catch (CallNotPermittedException e) {
            throw new DeliveryFailure("The circuit to " + breaker.getName() + " is open", true, e);
        }
    }

    private DeliveryOutcome giveUp(
            Delivery delivery, int attempts, DeliveryFailure failure, Consumer<DeliveryRecord> records) {
        String lastError = Objects.requireNonNullElse(failure.getMessage(), failure.toString());
        String reason;
        if (attempts == 0) {
            reason = "Not attempted: " + lastError;
        } else if (failure.retryable()) {
            reason = "Gave up after " + attempts + " attempts; the last failed: " + lastError;
        } else {
            reason = "Failed for good on attempt " + attempts + ": " + lastError;
        }
        log.warn(
                "Dead-lettering delivery {} of subscription {} to {}: {}",
                delivery.deliveryId(),
                delivery.subscriptionId(),
                delivery.channel().endpoint(),
                reason);
        try {
            deadLetters.send(delivery, reason);
        } catch (RuntimeException e) {
            records.accept(new DeliveryRecord.Failed(delivery, attempts, lastError, false));
            throw e;
        }
        records.accept(new DeliveryRecord.Failed(delivery, attempts, lastError, true));
        return new DeliveryOutcome(delivery.deliveryId(), DeliveryStatus.FAILED, attempts, lastError);
    }

    private @Nullable DeliveryChannel channelFor(Channel channel) {
        for (DeliveryChannel candidate : channels) {
            if (candidate.handles(channel)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean retryable(Throwable thrown) {
        return thrown instanceof DeliveryFailure failure && failure.retryable();
    }
}

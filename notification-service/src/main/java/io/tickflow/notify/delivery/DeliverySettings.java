package io.tickflow.notify.delivery;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.Objects;

/**
 * How hard the {@link Deliverer} tries and how it keeps endpoints apart.
 *
 * @param retries how often and how far apart a delivery is attempted
 * @param bulkheads how many deliveries may be in flight to one endpoint at once
 * @param circuitBreakers when an endpoint is considered down and left alone for a while
 */
public record DeliverySettings(Retries retries, Bulkheads bulkheads, CircuitBreakers circuitBreakers) {

    public DeliverySettings {
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(bulkheads, "bulkheads");
        Objects.requireNonNull(circuitBreakers, "circuitBreakers");
    }

    /**
     * Five attempts over about eight seconds of backoff; eight deliveries in flight per endpoint; an endpoint failing
     * half of its last twenty attempts is left alone for thirty seconds.
     */
    public static DeliverySettings defaults() {
        return new DeliverySettings(
                new Retries(5, Duration.ofMillis(500), 2.0, 0.5, Duration.ofSeconds(30)),
                new Bulkheads(8, Duration.ofMillis(100)),
                new CircuitBreakers(50, 20, 10, Duration.ofSeconds(30), 3));
    }

    /**
     * Exponential backoff with jitter: the n-th wait is {@code initialBackoff * multiplier^(n-1)}, spread by
     * {@code ±jitter} of itself so that deliveries failing together do not retry together, and capped at
     * {@code maxBackoff}.
     *
     * @param maxAttempts the retry budget, first attempt included
     * @param initialBackoff the wait after the first failed attempt, before jitter
     * @param multiplier how much each wait grows, at least 1
     * @param jitter the randomization factor, 0 (none) to 1 (anywhere from nothing to twice the wait)
     * @param maxBackoff the longest wait
     */
    public record Retries(
            int maxAttempts, Duration initialBackoff, double multiplier, double jitter, Duration maxBackoff) {

        public Retries {
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("At least one attempt: " + maxAttempts);
            }
            if (initialBackoff.toMillis() < 1 || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "Backoff is at least 1 ms and at most maxBackoff: " + initialBackoff + ", " + maxBackoff);
            }
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("The backoff multiplier is at least 1: " + multiplier);
            }
            if (!(jitter >= 0.0 && jitter < 1.0)) {
                throw new IllegalArgumentException("The jitter is at least 0 and less than 1: " + jitter);
            }
        }

        /** The waits between attempts: {@code backoff().apply(n)} is the wait in milliseconds after attempt n. */
        public IntervalFunction backoff() {
            return IntervalFunction.ofExponentialRandomBackoff(initialBackoff, multiplier, jitter, maxBackoff);
        }
    }

    /**
     * One semaphore bulkhead per endpoint: a slow endpoint holds at most its own permits, never another's.
     *
     * @param maxConcurrentPerEndpoint how many attempts may be in flight to one endpoint
     * @param maxWait how long an attempt waits for a permit before it counts as a retryable failure
     */
    public record Bulkheads(int maxConcurrentPerEndpoint, Duration maxWait) {

        public Bulkheads {
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxConcurrentPerEndpoint < 1) {
                throw new IllegalArgumentException("At least one delivery per endpoint: " + maxConcurrentPerEndpoint);
            }
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait is not negative: " + maxWait);
            }
        }
    }

    /**
     * One circuit breaker per endpoint over a count-based window of attempts. Only retryable failures count against an
     * endpoint: a refused request or an unknown recipient says nothing about whether it is up.
     *
     * @param failureRatePercent the share of failed attempts in the window that opens the circuit, 1 to 100
     * @param window how many recent attempts the rate is taken over
     * @param minimumAttempts how many attempts the window needs before the rate counts
     * @param openFor how long an open circuit turns attempts away before it lets a few through
     * @param halfOpenAttempts how many attempts it lets through to decide whether to close again
     */
    public record CircuitBreakers(
            float failureRatePercent, int window, int minimumAttempts, Duration openFor, int halfOpenAttempts) {

        public CircuitBreakers {
            Objects.requireNonNull(openFor, "openFor");
            if (!(failureRatePercent > 0 && failureRatePercent <= 100)) {
                throw new IllegalArgumentException("The failure rate is a percentage above 0: " + failureRatePercent);
            }
            if (window < 1 || minimumAttempts < 1 || halfOpenAttempts < 1) {
                throw new IllegalArgumentException("window, minimumAttempts and halfOpenAttempts are at least 1");
            }
            if (openFor.toMillis() < 1) {
                throw new IllegalArgumentException("openFor is at least 1 ms: " + openFor);
            }
        }
    }
}

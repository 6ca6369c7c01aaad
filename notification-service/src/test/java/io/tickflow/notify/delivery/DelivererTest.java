package io.tickflow.notify.delivery;

import static io.tickflow.notify.delivery.ScriptedChannel.accepts;
import static io.tickflow.notify.delivery.ScriptedChannel.alwaysFails;
import static io.tickflow.notify.delivery.ScriptedChannel.failsFirst;
import static io.tickflow.notify.delivery.ScriptedChannel.hangsUntil;
import static io.tickflow.notify.delivery.ScriptedChannel.refuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.common.contract.notify.Notification;
import io.tickflow.common.contract.notify.PriceAlertTriggered;
import io.tickflow.notify.subscription.Channel;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DelivererTest {

    private static final Instant T0 = Instant.parse("2023-06-21T14:02:11Z");
    private static final UUID EVENT_ID = UUID.fromString("b1223344-5566-4788-99aa-bbccddeeff00");

    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedChannel channel = new ScriptedChannel();
    private final InMemoryDeliveryLog deliveryLog = new InMemoryDeliveryLog();
    private final InMemoryDeadLetters deadLetters = new InMemoryDeadLetters();

    @Test
    void retriesARetryableFailureUntilItIsDelivered() {
        channel.on("flaky.example", (delivery, attempt) -> {
            clock.advance(Duration.ofSeconds(1));
            failsFirst(2).answer(delivery, attempt);
        });
        Delivery delivery = delivery("sub-1", "flaky.example");

        DeliverySummary summary = deliverer(settings(5)).deliverAll(List.of(delivery));

        assertThat(summary.outcomes())
                .containsExactly(new DeliveryOutcome(delivery.deliveryId(), DeliveryStatus.DELIVERED, 3, null));
        assertThat(channel.attempts(delivery)).isEqualTo(3);
        assertThat(channel.acceptances(delivery)).isEqualTo(1);
        assertThat(deliveryLog.entry(delivery))
                .isEqualTo(new InMemoryDeliveryLog.Entry(
                        InMemoryDeliveryLog.State.DELIVERED, 3, null, Duration.ofSeconds(3), false));
        assertThat(deadLetters.letters()).isEmpty();
    }

    @Test
    void deadLettersADeliveryOnceItsRetryBudgetIsSpent() {
        channel.on("down.example", alwaysFails());
        Delivery delivery = delivery("sub-1", "down.example");

        DeliverySummary summary = deliverer(settings(4)).deliverAll(List.of(delivery));

        assertThat(summary.outcomes())
                .containsExactly(new DeliveryOutcome(
                        delivery.deliveryId(), DeliveryStatus.FAILED, 4, "503 Service Unavailable"));
        assertThat(channel.attempts(delivery)).isEqualTo(4);
        assertThat(deadLetters.letters())
                .containsExactly(new InMemoryDeadLetters.DeadLetter(
                        delivery, "Gave up after 4 attempts; the last failed: 503 Service Unavailable"));
        assertThat(deliveryLog.entry(delivery))
                .isEqualTo(new InMemoryDeliveryLog.Entry(
                        InMemoryDeliveryLog.State.FAILED, 4, "503 Service Unavailable", null, true));
    }

    @Test
    void doesNotRetryAPermanentFailure() {
        channel.on("strict.example", refuses());
        Delivery delivery = delivery("sub-1", "strict.example");

        DeliverySummary summary = deliverer(settings(5)).deliverAll(List.of(delivery));

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(channel.attempts(delivery)).isEqualTo(1);
        assertThat(deadLetters.letters())
                .containsExactly(
                        new InMemoryDeadLetters.DeadLetter(delivery, "Failed for good on attempt 1: 400 Bad Request"));
    }

    @Test
    void deadLettersADeliveryNoChannelHandlesWithoutAttemptingIt() {
        Delivery delivery = new Delivery(
                "d-email",
                EVENT_ID,
                "alice",
                "sub-mail",
                new Channel.Email("alice@example.com"),
                notification("sub-mail", UUID.randomUUID()));

        DeliverySummary summary = deliverer(settings(5)).deliverAll(List.of(delivery));

        assertThat(summary.outcomes())
                .containsExactly(
                        new DeliveryOutcome("d-email", DeliveryStatus.FAILED, 0, "No delivery channel handles Email"));
        assertThat(deadLetters.letters())
                .extracting(InMemoryDeadLetters.DeadLetter::reason)
                .containsExactly("Not attempted: No delivery channel handles Email");
    }

    @Test
    void makesEachDeliveryOnceWhenTheSameEventArrivesAgain() {
        channel.on("a.example", accepts()).on("b.example", accepts());
        List<Delivery> fanOut =
                List.of(delivery("sub-1", "a.example"), delivery("sub-2", "a.example"), delivery("sub-3", "b.example"));
        Deliverer deliverer = deliverer(settings(3));

        DeliverySummary first = deliverer.deliverAll(fanOut);
        DeliverySummary again = deliverer.deliverAll(fanOut);

        assertThat(first.delivered()).isEqualTo(3);
        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(again.delivered()).isZero();
        assertThat(fanOut).allSatisfy(d -> assertThat(channel.acceptances(d)).isEqualTo(1));
    }

    @Test
    void makesEachDeliveryOnceWhenTwoWorkersDeliverTheSameEventAtOnce() throws Exception {
        CountDownLatch entered = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        channel.on("a.example", hangsUntil(entered, release));
        List<Delivery> fanOut = IntStream.range(0, 3)
                .mapToObj(i -> delivery("sub-" + i, "a.example"))
                .toList();
        Deliverer deliverer = deliverer(settings(3));

        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<DeliverySummary> first = workers.submit(() -> deliverer.deliverAll(fanOut));
            Future<DeliverySummary> second = workers.submit(() -> deliverer.deliverAll(fanOut));
            // Both workers have asked for every delivery while the claimed ones are still in flight.
            assertThat(deliveryLog.awaitClaims(6)).isTrue();
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();

            DeliverySummary a = first.get();
            DeliverySummary b = second.get();
            assertThat(a.delivered() + b.delivered()).isEqualTo(3);
            assertThat(a.duplicates() + b.duplicates()).isEqualTo(3);
        }
        assertThat(fanOut).allSatisfy(d -> assertThat(channel.acceptances(d)).isEqualTo(1));
    }

    @Test
    void replaysADeadLetteredDelivery() {
        channel.on("strict.example", refuses());
        Delivery delivery = delivery("sub-1", "strict.example");
        Deliverer deliverer = deliverer(settings(3));
        deliverer.deliverAll(List.of(delivery));

        channel.on("strict.example", accepts());
        DeliverySummary replay =
                deliverer.deliverAll(List.of(deadLetters.letters().getFirst().delivery()));

        assertThat(replay.delivered()).isEqualTo(1);
        assertThat(channel.acceptances(delivery)).isEqualTo(1);
        assertThat(deliveryLog.entry(delivery).state()).isEqualTo(InMemoryDeliveryLog.State.DELIVERED);
    }

    @Test
    void opensTheCircuitOfAFailingEndpointWhileOthersKeepDelivering() {
        channel.on("down.example", alwaysFails()).on("up.example", accepts());
        Deliverer deliverer = deliverer(new DeliverySettings(
                retries(4),
                new DeliverySettings.Bulkheads(10, Duration.ofSeconds(1)),
                new DeliverySettings.CircuitBreakers(50, 4, 4, Duration.ofMinutes(1), 1)));
        deliverer.deliverAll(List.of(delivery("sub-0", "down.example")));
        assertThat(channel.attemptsAt("down.example")).isEqualTo(4);

        List<Delivery> toDown = IntStream.range(1, 4)
                .mapToObj(i -> delivery("sub-" + i, "down.example"))
                .toList();
        List<Delivery> toUp = IntStream.range(4, 7)
                .mapToObj(i -> delivery("sub-" + i, "up.example"))
                .toList();
        DeliverySummary summary = deliverer.deliverAll(concat(toDown, toUp));

        assertThat(channel.attemptsAt("down.example"))
                .as("no attempt reached the open endpoint")
                .isEqualTo(4);
        assertThat(toDown).allSatisfy(d -> assertThat(summary.outcome(d.deliveryId()))
                .hasValue(new DeliveryOutcome(
                        d.deliveryId(), DeliveryStatus.FAILED, 4, "The circuit to https://down.example:443 is open")));
        assertThat(toUp).allSatisfy(d -> assertThat(
                        summary.outcome(d.deliveryId()).orElseThrow().status())
                .isEqualTo(DeliveryStatus.DELIVERED));
    }

    @Test
    void triesAnOpenEndpointAgainAfterItsWaitAndClosesWhenItAnswers() {
        channel.on("down.example", alwaysFails());
        Deliverer deliverer = deliverer(new DeliverySettings(
                retries(4),
                new DeliverySettings.Bulkheads(10, Duration.ofSeconds(1)),
                new DeliverySettings.CircuitBreakers(50, 4, 4, Duration.ofMinutes(1), 1)));
        deliverer.deliverAll(List.of(delivery("sub-0", "down.example")));

        channel.on("down.example", accepts());
        clock.advance(Duration.ofSeconds(61));
        DeliverySummary summary = deliverer.deliverAll(List.of(delivery("sub-1", "down.example")));

        assertThat(summary.delivered()).isEqualTo(1);
        assertThat(channel.attemptsAt("down.example")).isEqualTo(5);
    }

    @Test
    void aHangingEndpointDoesNotHoldUpTheOthers() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        channel.on("stuck.example", hangsUntil(entered, release)).on("up.example", accepts());
        List<Delivery> toStuck = List.of(delivery("sub-1", "stuck.example"), delivery("sub-2", "stuck.example"));
        List<Delivery> toUp = List.of(
                delivery("sub-3", "up.example"), delivery("sub-4", "up.example"), delivery("sub-5", "up.example"));
        Deliverer deliverer = deliverer(settings(3));

        try (ExecutorService worker = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<DeliverySummary> batch = worker.submit(() -> deliverer.deliverAll(concat(toStuck, toUp)));

            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(deliveryLog.awaitRecords(3)).isTrue();
            assertThat(toUp).allSatisfy(d -> assertThat(deliveryLog.entry(d).state())
                    .isEqualTo(InMemoryDeliveryLog.State.DELIVERED));
            assertThat(toStuck).allSatisfy(d -> assertThat(deliveryLog.entry(d).state())
                    .isEqualTo(InMemoryDeliveryLog.State.IN_PROGRESS));
            assertThat(batch.isDone()).isFalse();

            release.countDown();
            assertThat(batch.get().delivered()).isEqualTo(5);
        }
    }

    @Test
    void aFullBulkheadTurnsAwayDeliveriesToItsEndpointOnly() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        channel.on("stuck.example", hangsUntil(entered, release)).on("up.example", accepts());
        List<Delivery> toStuck = List.of(delivery("sub-1", "stuck.example"), delivery("sub-2", "stuck.example"));
        Delivery toUp = delivery("sub-3", "up.example");
        Deliverer deliverer = deliverer(new DeliverySettings(
                retries(3),
                new DeliverySettings.Bulkheads(1, Duration.ZERO),
                new DeliverySettings.CircuitBreakers(50, 100, 100, Duration.ofMinutes(1), 1)));

        try (ExecutorService worker = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<DeliverySummary> batch = worker.submit(() -> deliverer.deliverAll(concat(toStuck, List.of(toUp))));

            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            // The healthy delivery and the one turned away at the stuck endpoint's bulkhead.
            assertThat(deliveryLog.awaitRecords(2)).isTrue();
            assertThat(deadLetters.letters())
                    .singleElement()
                    .extracting(InMemoryDeadLetters.DeadLetter::reason)
                    .isEqualTo("Gave up after 3 attempts; the last failed: https://stuck.example:443 had 1"
                            + " deliveries in flight already");
            assertThat(deliveryLog.entry(toUp).state()).isEqualTo(InMemoryDeliveryLog.State.DELIVERED);

            release.countDown();
            DeliverySummary summary = batch.get();
            assertThat(summary.delivered()).isEqualTo(2);
            assertThat(summary.failed()).isEqualTo(1);
        }
        assertThat(channel.attemptsAt("stuck.example")).isEqualTo(1);
    }

    @Test
    void reportsADeadLetterQueueItCannotReachAfterFinishingTheOtherDeliveries() {
        channel.on("strict.example", refuses()).on("up.example", accepts());
        deadLetters.becomeUnreachable();
        Delivery refused = delivery("sub-1", "strict.example");
        Delivery accepted = delivery("sub-2", "up.example");

        assertThatThrownBy(() -> deliverer(settings(3)).deliverAll(List.of(refused, accepted)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dead-letter queue cannot be reached");

        assertThat(deliveryLog.entry(accepted).state()).isEqualTo(InMemoryDeliveryLog.State.DELIVERED);
        assertThat(deliveryLog.entry(refused))
                .as("failed but not dead-lettered, so that the redelivered event tries again")
                .isEqualTo(new InMemoryDeliveryLog.Entry(
                        InMemoryDeliveryLog.State.FAILED, 1, "400 Bad Request", null, false));
    }

    @Test
    void deliversAFanOutLargerThanOneClaimGroupOnceEachAndRecordsEveryDelivery() {
        channel.on("a.example", accepts()).on("b.example", accepts());
        List<Delivery> fanOut = IntStream.range(0, 2 * 100 + 17)
                .mapToObj(i -> delivery("sub-" + i, i % 2 == 0 ? "a.example" : "b.example"))
                .toList();

        DeliverySummary summary = deliverer(settings(3)).deliverAll(concat(fanOut, fanOut.subList(0, 5)));

        assertThat(summary.delivered()).isEqualTo(fanOut.size());
        assertThat(summary.duplicates()).as("the ids given twice").isEqualTo(5);
        assertThat(fanOut).allSatisfy(d -> {
            assertThat(channel.acceptances(d)).isEqualTo(1);
            assertThat(deliveryLog.entry(d).state()).isEqualTo(InMemoryDeliveryLog.State.DELIVERED);
        });
        assertThat(deliveryLog.batchSizes())
                .as("every record written once, a claim group's records together: three groups of at most 100,"
                        + " each recorded in one write (a second only for deliveries still retrying after "
                        + Deliverer.RECORD_WITHIN + ")")
                .hasSizeBetween(3, 6)
                .allSatisfy(size -> assertThat(size).isBetween(1, 100))
                .satisfies(sizes -> assertThat(
                                sizes.stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(fanOut.size()));
    }

    @Test
    void preparesTheChannelForEachGroupOfDeliveriesTogetherAndForEachDeliveryOnce() {
        channel.on("a.example", accepts());
        List<Delivery> fanOut = IntStream.range(0, 2 * 100 + 1)
                .mapToObj(i -> delivery("sub-" + i, "a.example"))
                .toList();

        deliverer(settings(3)).deliverAll(fanOut);

        assertThat(channel.prepared()).hasSize(3).allSatisfy(group -> assertThat(group)
                .hasSizeLessThanOrEqualTo(100));
        assertThat(channel.prepared().stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrderElementsOf(fanOut);
    }

    @Test
    void reportsADeliveryLogThatCannotRecordAfterFinishingTheOtherDeliveries() {
        channel.on("a.example", accepts());
        List<Delivery> fanOut = IntStream.range(0, 60)
                .mapToObj(i -> delivery("sub-" + i, "a.example"))
                .toList();
        deliveryLog.cannotRecord(fanOut.get(7));

        assertThatThrownBy(() -> deliverer(settings(3)).deliverAll(fanOut))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("delivery log is unreachable");

        assertThat(fanOut).allSatisfy(d -> assertThat(channel.acceptances(d)).isEqualTo(1));
        assertThat(deliveryLog.entry(fanOut.get(7)).state())
                .as("left claimed, so that the event's return does not make it a second time")
                .isEqualTo(InMemoryDeliveryLog.State.IN_PROGRESS);
    }

    private Deliverer deliverer(DeliverySettings settings) {
        return new Deliverer(List.of(channel), deliveryLog, deadLetters, settings, clock);
    }

    /** Millisecond backoff; bulkheads and circuit breakers wide enough to stay out of the way. */
    private static DeliverySettings settings(int maxAttempts) {
        return new DeliverySettings(
                retries(maxAttempts),
                new DeliverySettings.Bulkheads(10, Duration.ofSeconds(1)),
                new DeliverySettings.CircuitBreakers(50, 100, 100, Duration.ofMinutes(1), 1));
    }

    private static DeliverySettings.Retries retries(int maxAttempts) {
        return new DeliverySettings.Retries(maxAttempts, Duration.ofMillis(1), 1.5, 0.5, Duration.ofMillis(2));
    }

    private static Delivery delivery(String subscriptionId, String host) {
        UUID id = DeliveryIds.of(subscriptionId, EVENT_ID);
        return new Delivery(
                id.toString(),
                EVENT_ID,
                "alice",
                subscriptionId,
                new Channel.Webhook(URI.create("https://" + host + "/hooks/tickflow")),
                notification(subscriptionId, id));
    }

    private static Notification notification(String subscriptionId, UUID deliveryId) {
        PriceAlertTriggered event = new PriceAlertTriggered(
                EVENT_ID,
                T0,
                "rule-5a1b",
                "alice",
                "bitstamp",
                "BTC-USD",
                "crosses-above 30000",
                new BigDecimal("30000.01"),
                T0);
        return Notification.of(deliveryId, T0, subscriptionId, event);
    }

    private static List<Delivery> concat(List<Delivery> first, List<Delivery> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}

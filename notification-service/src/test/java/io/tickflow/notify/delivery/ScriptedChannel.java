package io.tickflow.notify.delivery;

import io.tickflow.notify.subscription.Channel;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook channel whose endpoints behave as a test says: accept, fail some times first, fail always, refuse for
 * good, or hang until released. It counts attempts per delivery and per endpoint, and acceptances per delivery, and
 * keeps what it was asked to prepare for.
 */
final class ScriptedChannel implements DeliveryChannel {

    /** One endpoint's answer to the {@code attempt}-th attempt (from 1) of a delivery. */
    @FunctionalInterface
    interface Behaviour {
        void answer(Delivery delivery, int attempt) throws DeliveryFailure;
    }

    static Behaviour accepts() {
        return (delivery, attempt) -> {};
    }

    static Behaviour failsFirst(int failures) {
        return (delivery, attempt) -> {
            if (attempt <= failures) {
                throw new DeliveryFailure("503 Service Unavailable", true);
            }
        };
    }

    static Behaviour alwaysFails() {
        return (delivery, attempt) -> {
            throw new DeliveryFailure("503 Service Unavailable", true);
        };
    }

    static Behaviour refuses() {
        return (delivery, attempt) -> {
            throw new DeliveryFailure("400 Bad Request", false);
        };
    }

    /** Counts down {@code entered}, then blocks until {@code release} is open; then accepts. */
    static Behaviour hangsUntil(CountDownLatch entered, CountDownLatch release) {
        return (delivery, attempt) -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryFailure("interrupted", true, e);
            }
        };
    }

    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attemptsByDelivery = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attemptsByHost = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> acceptances = new ConcurrentHashMap<>();
    private final Queue<List<Delivery>> prepared = new ConcurrentLinkedQueue<>();

    /** Makes {@code host}'s endpoint behave so from now on. */
    ScriptedChannel on(String host, Behaviour behaviour) {
        behaviours.put(host, behaviour);
        return this;
    }

    @Override
    public boolean handles(Channel channel) {
        return channel instanceof Channel.Webhook;
    }

    @Override
    public void prepare(List<Delivery> deliveries) {
        prepared.add(List.copyOf(deliveries));
    }

    @Override
    public void deliver(Delivery delivery) throws DeliveryFailure {
        String host = ((Channel.Webhook) delivery.channel()).url().getHost();
        int attempt = counter(attemptsByDelivery, delivery.deliveryId()).incrementAndGet();
        counter(attemptsByHost, host).incrementAndGet();
        Behaviour behaviour = behaviours.get(host);
        if (behaviour == null) {
            throw new DeliveryFailure("No such host " + host, false);
        }
        behaviour.answer(delivery, attempt);
        counter(acceptances, delivery.deliveryId()).incrementAndGet();
    }

    /** The deliveries of each {@link #prepare} call, in the order they came. */
    List<List<Delivery>> prepared() {
        return List.copyOf(prepared);
    }

    int attempts(Delivery delivery) {
        return counter(attemptsByDelivery, delivery.deliveryId()).get();
    }

    int attemptsAt(String host) {
        return counter(attemptsByHost, host).get();
    }

    int acceptances(Delivery delivery) {
        return counter(acceptances, delivery.deliveryId()).get();
    }

    private static AtomicInteger counter(Map<String, AtomicInteger> counters, String key) {
        return counters.computeIfAbsent(key, k -> new AtomicInteger());
    }
}

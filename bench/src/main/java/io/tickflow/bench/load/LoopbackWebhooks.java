package io.tickflow.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The webhook receivers of {@link NotifyLoad}, in the harness's own JVM so that arrival times and publish times come
 * from one clock ({@link System#nanoTime()}).
 *
 * <p><b>Healthy</b> endpoints answer 200 as soon as the request is read. They are one server, but every healthy
 * subscription gets an endpoint of its own: the service groups deliveries by scheme, host and port for its bulkheads
 * (8 in flight per endpoint) and circuit breakers, so a thousand subscribers are a thousand endpoints, as a thousand
 * customers' receivers would be. Linux routes all of 127.0.0.0/8 to the loopback interface, so subscription {@code i}
 * gets host {@code 127.1.(i / 250).(i % 250 + 1)}, and the server listens on the wildcard address to accept them all;
 * a request that arrives on any other than a loopback address is refused. Had they shared one endpoint, its bulkhead
 * would have turned away all but a handful of each event's deliveries.
 *
 * <p><b>Hanging</b> endpoints, on ports of their own on 127.0.0.1, read the request and never answer: the handler
 * waits until the receivers close, long after the service has given up on the attempt.
 *
 * <p>Every POST is matched to the delivery it carries by its {@code Idempotency-Key} header, which the service derives
 * from the subscription and the event; the harness registers the keys it expects before it publishes.
 */
final class LoopbackWebhooks implements AutoCloseable {

    /** One delivery the harness expects: event {@code event} to subscription {@code subscription}. */
    static final class Expected {
        final int event;
        final int subscription;
        final boolean hanging;
        final String eventId;
        /** POSTs that carried this delivery's key: attempts that reached the endpoint. */
        final AtomicInteger requests = new AtomicInteger();
        /** When the first of them had been read, by {@link System#nanoTime()}; 0 until then. */
        final AtomicLong firstArrival = new AtomicLong();

        Expected(int event, int subscription, boolean hanging, String eventId) {
            this.event = event;
            this.subscription = subscription;
            this.hanging = hanging;
            this.eventId = eventId;
        }

        boolean arrived() {
            return firstArrival.get() != 0;
        }
    }

    /**
     * A POST as it arrived, kept when {@link #keepArrivals()} was called: for deliveries whose keys cannot be known in
     * advance (an alert's firing names the tick that fired it).
     *
     * @param nanos when it had been read, by {@link System#nanoTime()}
     * @param key its {@code Idempotency-Key}, if it had one
     * @param body its body
     */
    record Arrival(long nanos, @Nullable String key, String body) {}

    private static final int BACKLOG = 4096;

    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer healthy;
    private final List<HttpServer> hanging = new ArrayList<>();
    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    private final AtomicInteger unknown = new AtomicInteger();
    private final AtomicInteger bodyMismatches = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private volatile boolean keepingArrivals;

    /** @param hangingPorts how many ports the hanging endpoints are spread over */
    LoopbackWebhooks(int hangingPorts) {
        try {
            // The wildcard address, so that every 127.x.y.z reaches it; see the class comment.
            healthy = HttpServer.create(new InetSocketAddress(0), BACKLOG);
            healthy.createContext("/", this::answer);
            healthy.setExecutor(handlers);
            healthy.start();
            for (int i = 0; i < hangingPorts; i++) {
                HttpServer server =
                        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
                server.createContext("/", this::hang);
                server.setExecutor(handlers);
                server.start();
                hanging.add(server);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of healthy subscription {@code index}: an endpoint of its own (host), on the one healthy server. */
    URI healthyUrl(int index) {
        if (index < 0 || index >= 250 * 256) {
            throw new IllegalArgumentException("Healthy endpoints are numbered 0 to 63999: " + index);
        }
        return URI.create("http://127.1." + (index / 250) + "." + (index % 250 + 1) + ":"
                + healthy.getAddress().getPort() + "/hooks/" + index);
    }

    /** The URL of hanging subscription {@code index}: one of the hanging ports, in turn. */
    URI hangingUrl(int index) {
        HttpServer server = hanging.get(index % hanging.size());
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hangs/" + index);
    }

    int hangingPorts() {
        return hanging.size();
    }

    /** Registers a delivery to expect, under the {@code Idempotency-Key} the service will send it with. */
    void expect(String idempotencyKey, Expected delivery) {
        if (expected.putIfAbsent(idempotencyKey, delivery) != null) {
            throw new IllegalStateException("Two expected deliveries share the key " + idempotencyKey);
        }
    }

    /** Keeps every POST that arrives on loopback from now on, expected or not; see {@link #arrivals()}. */
    void keepArrivals() {
        keepingArrivals = true;
    }

    /** The POSTs kept since {@link #keepArrivals()}, in the order they were read. */
    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** POSTs whose key the harness did not expect. */
    int unknown() {
        return unknown.get();
    }

    /** POSTs whose body did not carry the event id their key stands for. */
    int bodyMismatches() {
        return bodyMismatches.get();
    }

    /** Requests that arrived on an address other than loopback and were refused. */
    int refused() {
        return refused.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            @Nullable Expected delivery = record(exchange);
            if (delivery == null && !exchange.getLocalAddress().getAddress().isLoopbackAddress()) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void hang(HttpExchange exchange) throws IOException {
        try (exchange) {
            record(exchange);
            try {
                // Never answers: the service's request timeout ends the attempt; this returns when the harness stops.
                closing.await(30, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads the request and counts it against its delivery; null for a refused or unknown one. */
    private @Nullable Expected record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        long now = System.nanoTime();
        if (!exchange.getLocalAddress().getAddress().isLoopbackAddress()) {
            refused.incrementAndGet();
            return null;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (keepingArrivals) {
            arrivals.add(new Arrival(now, key, new String(body, StandardCharsets.UTF_8)));
        }
        @Nullable Expected delivery = key == null ? null : expected.get(key);
        if (delivery == null) {
            unknown.incrementAndGet();
            return null;
        }
        delivery.requests.incrementAndGet();
        delivery.firstArrival.compareAndSet(0, now);
        if (!new String(body, StandardCharsets.UTF_8).contains(delivery.eventId)) {
            bodyMismatches.incrementAndGet();
        }
        return delivery;
    }

    @Override
    public void close() {
        closing.countDown();
        if (healthy != null) {
            healthy.stop(0);
        }
        hanging.forEach(server -> server.stop(0));
        handlers.shutdownNow();
    }
}

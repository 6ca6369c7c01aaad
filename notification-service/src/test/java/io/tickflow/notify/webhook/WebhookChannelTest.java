package io.tickflow.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.notify.Notification;
import io.tickflow.common.contract.notify.NotificationEvent;
import io.tickflow.notify.delivery.Delivery;
import io.tickflow.notify.delivery.DeliveryFailure;
import io.tickflow.notify.subscription.Channel;
import io.tickflow.notify.webhook.WebhookSecrets.Secrets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class WebhookChannelTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final WebhookSecrets SECRETS =
            subscriptionId -> new Secrets("current-" + subscriptionId, "previous-" + subscriptionId);
    private static final WebhookSettings LOCAL = WebhookSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withAllowedNetworks(List.of("127.0.0.0/8"));
    /** Generous: the timeouts are the behaviour under test, not a benchmark; the margin absorbs a loaded machine. */
    private static final Duration MARGIN = Duration.ofSeconds(3);

    private HttpServer server;
    private ExecutorService serverThreads;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private record Received(Headers headers, byte[] body) {}

    @BeforeEach
    void startLoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        answer("/ok", exchange -> respond(exchange, 204, ""));
        answer("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", base() + "/target?token=hidden");
            respond(exchange, 301, "");
        });
        answer("/target", exchange -> respond(exchange, 200, ""));
        answer("/broken", exchange -> respond(exchange, 500, "database\r\nis down"));
        answer("/busy", exchange -> respond(exchange, 429, "slow down"));
        answer("/bad", exchange -> respond(exchange, 400, "unknown field"));
        answer("/gone", exchange -> respond(exchange, 410, ""));
        answer("/verbose", exchange -> respond(exchange, 503, "x".repeat(5000)));
        answer("/hang", exchange -> {
            await(release);
            respond(exchange, 200, "");
        });
        answer("/drip", exchange -> {
            // A byte at a time, each well within the response timeout; stops when the client goes or after 20 s.
            exchange.sendResponseHeaders(500, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 200 && release.getCount() > 0; i++) {
                    out.write('.');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        answer("/endless", exchange -> {
            // A 2xx whose body never ends (bounded here to 64 MB): delivered, and not read to the end.
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 1024 && release.getCount() > 0; i++) {
                    out.write(chunk);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        release.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
        assertThat(serverThreads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void postsTheNotificationAsSignedJsonWithItsHeaders() throws Exception {
        Delivery delivery = delivery(base() + "/ok");

        try (var channel = new WebhookChannel(LOCAL, SECRETS, CLOCK)) {
            channel.deliver(delivery);
        }

        assertThat(received).hasSize(1);
        Received request = received.getFirst();
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo(delivery.deliveryId());
        assertThat(request.headers().getFirst("Tickflow-Event-Type")).isEqualTo("AnalysisCompleted");
        assertThat(request.headers().getFirst("User-Agent")).isEqualTo("tickflow-notification-service");
        assertThat(ContractJson.mapper().readValue(request.body(), NotificationEvent.class))
                .isEqualTo(delivery.notification());
        assertThat(ContractJson.mapper().readTree(request.body()).get("schema").asString())
                .isEqualTo(Notification.SCHEMA);

        String signature = request.headers().getFirst("Tickflow-Signature");
        assertThat(signature).startsWith("t=" + NOW.getEpochSecond() + ",v1=");
        assertThat(new ReceiverVerifier("current-sub-1").verifies(signature, request.body(), NOW))
                .isTrue();
        assertThat(new ReceiverVerifier("previous-sub-1").verifies(signature, request.body(), NOW))
                .isTrue();
        assertThat(new ReceiverVerifier("current-sub-2").verifies(signature, request.body(), NOW))
                .isFalse();
    }

    @Test
    void retriesOfADeliveryCarryTheSameIdempotencyKey() throws Exception {
        Delivery delivery = delivery(base() + "/ok");

        try (var channel = new WebhookChannel(LOCAL, SECRETS, CLOCK)) {
            channel.deliver(delivery);
            channel.deliver(delivery);
        }

        assertThat(received)
                .extracting(request -> request.headers().getFirst("Idempotency-Key"))
                .containsExactly(delivery.deliveryId(), delivery.deliveryId());
    }

    @Test
    void doesNotFollowARedirect() {
        DeliveryFailure failure = deliverExpectingFailure(LOCAL, base() + "/moved");

        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessage("redirects are not followed: 301 to " + base() + "/target from " + endpoint());
        assertThat(hits("/moved")).isEqualTo(1);
        assertThat(hits("/target")).isZero();
    }

    @Test
    void aServerErrorOrTooManyRequestsMayBeRetried() {
        DeliveryFailure broken = deliverExpectingFailure(LOCAL, base() + "/broken");
        DeliveryFailure busy = deliverExpectingFailure(LOCAL, base() + "/busy");

        assertThat(broken.retryable()).isTrue();
        assertThat(broken).hasMessage("webhook " + endpoint() + " answered 500: database  is down");
        assertThat(busy.retryable()).isTrue();
        assertThat(busy).hasMessage("webhook " + endpoint() + " answered 429: slow down");
    }

    @Test
    void aClientErrorIsNotRetried() {
        DeliveryFailure bad = deliverExpectingFailure(LOCAL, base() + "/bad");
        DeliveryFailure gone = deliverExpectingFailure(LOCAL, base() + "/gone");

        assertThat(bad.retryable()).isFalse();
        assertThat(bad).hasMessage("webhook " + endpoint() + " answered 400: unknown field");
        assertThat(gone.retryable()).isFalse();
        assertThat(gone).hasMessage("webhook " + endpoint() + " answered 410");
    }

    @Test
    void readsAtMostAKilobyteOfAnErrorBody() {
        DeliveryFailure failure = deliverExpectingFailure(LOCAL, base() + "/verbose");

        assertThat(failure).hasMessage("webhook " + endpoint() + " answered 503: " + "x".repeat(1024));
    }

    @Test
    void aSuccessfulAnswerWithAnEndlessBodyIsDeliveredWithoutReadingItAll() throws Exception {
        try (var channel = new WebhookChannel(LOCAL, SECRETS, CLOCK)) {
            channel.deliver(delivery(base() + "/endless"));
        }

        assertThat(hits("/endless")).isEqualTo(1);
    }

    @Test
    void aHangingEndpointTimesOutWithinTheResponseTimeout() {
        Duration responseTimeout = Duration.ofMillis(500);
        WebhookSettings settings = LOCAL.withTimeouts(Duration.ofSeconds(2), responseTimeout, Duration.ofSeconds(30));

        long start = System.nanoTime();
        DeliveryFailure failure = deliverExpectingFailure(settings, base() + "/hang");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageStartingWith("webhook " + endpoint() + " response timed out");
        assertThat(hits("/hang")).isEqualTo(1);
        assertThat(elapsed).isLessThan(responseTimeout.plus(MARGIN));
    }

    @Test
    void anEndpointThatAnswersAByteAtATimeIsCutOffAtTheRequestTimeout() {
        Duration requestTimeout = Duration.ofSeconds(1);
        WebhookSettings settings = LOCAL.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), requestTimeout);

        long start = System.nanoTime();
        DeliveryFailure failure = deliverExpectingFailure(settings, base() + "/drip");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // The status came in time, so the failure is the 500 with what little of the body arrived.
        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageStartingWith("webhook " + endpoint() + " answered 500");
        assertThat(elapsed).isLessThan(requestTimeout.plus(MARGIN));
    }

    @Test
    void refusesLoopbackWithoutTheAllowListAndSendsNothing() {
        WebhookSettings production = LOCAL.withAllowedNetworks(List.of());

        DeliveryFailure failure = deliverExpectingFailure(production, base() + "/ok");

        assertThat(failure.retryable()).isFalse();
        assertThat(failure)
                .hasMessage("webhook host 127.0.0.1 resolves only to refused addresses: 127.0.0.1 (loopback)");
        assertThat(hits("/ok")).isZero();
    }

    @Test
    void refusesTheDecimalSpellingOfLoopbackAndSendsNothing() {
        WebhookSettings production = LOCAL.withAllowedNetworks(List.of());

        DeliveryFailure failure = deliverExpectingFailure(production, "http://2130706433:" + port() + "/ok");

        assertThat(failure.retryable()).isFalse();
        assertThat(failure)
                .hasMessage("webhook host 2130706433 resolves only to refused addresses: 127.0.0.1 (loopback)");
        assertThat(hits("/ok")).isZero();
    }

    @Test
    void sendsNothingToHexOrOctalSpellingsOfLoopback() {
        WebhookSettings production = LOCAL.withAllowedNetworks(List.of());

        DeliveryFailure octal = deliverExpectingFailure(production, "http://017700000001:" + port() + "/ok");
        DeliveryFailure hex = deliverExpectingFailure(production, "http://0x7f000001:" + port() + "/ok");

        // Neither resolves (the JDK reads no hex or octal literal); were one resolved, the guard would judge the
        // result.
        assertThat(octal).hasMessageContaining("017700000001");
        assertThat(hex).hasMessageContaining("0x7f000001");
        assertThat(hits("/ok")).isZero();
        // Dotted hex and the short form are not even a host to a URI, so no webhook can name them.
        assertThatThrownBy(() -> new Channel.Webhook(URI.create("http://0x7f.0.0.1:" + port() + "/ok")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Channel.Webhook(URI.create("http://127.1:" + port() + "/ok")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANameThatResolvesToARefusedAddressBeforeConnecting() {
        // The name resolves to this test's loopback server, not allow-listed here: if the guard let it through, the
        // server would see the request. (A name resolving to 10.0.0.5 is refused the same way, shown in
        // GuardedDnsResolverTest without any connection, so that no test ever sends a packet to a private address.)
        var resolver = new GuardedDnsResolver(AddressGuard.publicOnly(), host -> switch (host) {
            case "hooks.example" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
            default -> throw new java.net.UnknownHostException(host);
        });

        DeliveryFailure failure;
        try (var channel = new WebhookChannel(LOCAL, SECRETS, CLOCK, resolver)) {
            failure = catchThrowableOfType(
                    DeliveryFailure.class, () -> channel.deliver(delivery("http://hooks.example:" + port() + "/ok")));
        }

        assertThat(failure).isNotNull();
        assertThat(failure.retryable()).isFalse();
        assertThat(failure)
                .hasMessage("webhook host hooks.example resolves only to refused addresses: 127.0.0.1 (loopback)");
        assertThat(hits("/ok")).isZero();
    }

    @Test
    void aSecretStoreThatCannotBeReachedFailsRetryablyWithoutSending() {
        WebhookSecrets unreachable = subscriptionId -> {
            throw new IOException("secret store unreachable");
        };

        DeliveryFailure failure;
        try (var channel = new WebhookChannel(LOCAL, unreachable, CLOCK)) {
            failure = catchThrowableOfType(DeliveryFailure.class, () -> channel.deliver(delivery(base() + "/ok")));
        }

        assertThat(failure).isNotNull();
        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("sub-1").hasMessageContaining("secret store unreachable");
        assertThat(hits("/ok")).isZero();
    }

    @Test
    void handlesWebhooksOnly() {
        try (var channel = new WebhookChannel(LOCAL, SECRETS, CLOCK)) {
            assertThat(channel.handles(new Channel.Webhook(URI.create("https://hooks.example/x"))))
                    .isTrue();
            assertThat(channel.handles(new Channel.Email("someone@example.com")))
                    .isFalse();
        }
    }

    private DeliveryFailure deliverExpectingFailure(WebhookSettings settings, String url) {
        try (var channel = new WebhookChannel(settings, SECRETS, CLOCK)) {
            DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> channel.deliver(delivery(url)));
            assertThat(failure).as("a failed delivery to %s", url).isNotNull();
            return failure;
        }
    }

    private static Delivery delivery(String url) {
        UUID id = UUID.fromString("5f0c6f7e-4f7a-4a57-9a3c-2f1de0b3c0aa");
        ObjectNode event = ContractJson.mapper().createObjectNode();
        event.put("schema", "tickflow.analysis-completed.v1");
        event.put("analysisId", "a-42");
        event.put("sharpe", new java.math.BigDecimal("1.2500"));
        Notification notification = new Notification(id, NOW, "sub-1", "AnalysisCompleted", event);
        return new Delivery(
                id.toString(),
                UUID.randomUUID(),
                "owner-1",
                "sub-1",
                new Channel.Webhook(URI.create(url)),
                notification);
    }

    private void answer(String path, Handler handler) {
        server.createContext(path, exchange -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(new Received(exchange.getRequestHeaders(), body));
                handler.handle(exchange);
            }
        });
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private String base() {
        return "http://127.0.0.1:" + port();
    }

    private String endpoint() {
        return "http://127.0.0.1:" + port();
    }
}

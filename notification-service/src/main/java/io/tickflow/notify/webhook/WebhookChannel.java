package io.tickflow.notify.webhook;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.notify.Notification;
import io.tickflow.notify.delivery.Delivery;
import io.tickflow.notify.delivery.DeliveryChannel;
import io.tickflow.notify.delivery.DeliveryFailure;
import io.tickflow.notify.subscription.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to {@link Channel.Webhook}s: one signed JSON POST per attempt.
 *
 * <p>The body is the {@link Notification} as {@link ContractJson} writes it. The request carries {@code Content-Type:
 * application/json}, the {@value WebhookSignature#HEADER} header (see {@link WebhookSignature} for how a receiver
 * verifies it), {@code Idempotency-Key} (the {@link Delivery#deliveryId()}, the same for every retry of a delivery),
 * {@code Tickflow-Event-Type} (the wrapped event's type) and {@code User-Agent: tickflow-notification-service}.
 *
 * <p>Connections go only to addresses the {@link AddressGuard} allows, checked by {@link GuardedDnsResolver} on the
 * addresses actually connected to. Redirects are not followed: a receiver that moved has to update its subscription.
 * HttpClient retries nothing itself; retries, backoff, circuit breaking and bulkheads are applied around this channel.
 *
 * <p>Outcomes: 2xx delivers; 3xx, an address the guard refuses and any 4xx but 408, 425 and 429 fail for good; 408,
 * 425, 429, 5xx, timeouts and other I/O errors fail in a way another attempt may fix. Error messages carry at most the
 * first kilobyte of an error body. Thread-safe; close it to release its connections.
 */
public final class WebhookChannel implements DeliveryChannel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);

    static final String USER_AGENT = "tickflow-notification-service";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String EVENT_TYPE = "Tickflow-Event-Type";

    /** How much of a response body is read, for an error message; the rest is never read. */
    static final int BODY_EXCERPT_BYTES = 1024;

    /** Each pooled connection's input and output buffer. */
    static final int CONNECTION_BUFFER_BYTES = 4096;

    private static final ContentType JSON = ContentType.create("application/json");

    private final WebhookSecrets secrets;
    private final Clock clock;
    private final Duration requestTimeout;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;

    /**
     * A channel that resolves hosts with the system resolver.
     *
     * @param clock gives the signature's timestamp
     */
    public WebhookChannel(WebhookSettings settings, WebhookSecrets secrets, Clock clock) {
        this(settings, secrets, clock, new GuardedDnsResolver(AddressGuard.allowing(settings.allowedNetworks())));
    }

    WebhookChannel(WebhookSettings settings, WebhookSecrets secrets, Clock clock, GuardedDnsResolver resolver) {
        this.secrets = secrets;
        this.clock = clock;
        this.requestTimeout = settings.requestTimeout();
        Timeout connectTimeout = Timeout.of(settings.connectTimeout());
        Timeout responseTimeout = Timeout.of(settings.responseTimeout());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                // A connection's input and output buffers are this size each (8 KB by default). A notification and its
                // headers are about 3 KB and an answer is read for its status and a 1 KB excerpt, so 4 KB holds either;
                // a larger body is written through in pieces. With a connection per endpoint and thousands of
                // endpoints, the default doubles what the pool holds on to.
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom()
                                .setBufferSize(CONNECTION_BUFFER_BYTES)
                                .build())
                        .build())
                .setMaxConnPerRoute(settings.maxConnectionsPerRoute())
                .setMaxConnTotal(settings.maxConnectionsTotal())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeout)
                        .setSocketTimeout(responseTimeout)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        // A pooled connection was checked when it was made; do not keep it forever.
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(responseTimeout)
                        .setConnectionRequestTimeout(Timeout.of(settings.requestTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(USER_AGENT)
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("webhook-deadline").daemon().factory());
    }

    @Override
    public boolean handles(Channel channel) {
        return channel instanceof Channel.Webhook;
    }

    /** Reads the deliveries' signing secrets together; a secret that could not be read is read again per delivery. */
    @Override
    public void prepare(List<Delivery> deliveries) {
        try {
            secrets.prefetch(
                    deliveries.stream().map(Delivery::subscriptionId).distinct().toList());
        } catch (IOException | RuntimeException unreadable) {
            // Each delivery reads its secret at its first attempt, and fails there (retryably) if it still cannot;
            // only the batch read's speed is lost, which the log says.
            log.warn(
                    "Could not read the signing secrets of {} deliveries together: {}",
                    deliveries.size(),
                    unreadable.toString());
        }
    }

    @Override
    public void deliver(Delivery delivery) throws DeliveryFailure {
        if (!(delivery.channel() instanceof Channel.Webhook webhook)) {
            throw new IllegalArgumentException("Not a webhook delivery: " + delivery.channel());
        }
        String endpoint = webhook.endpoint();
        WebhookSecrets.Secrets signing;
        try {
            signing = secrets.forSubscription(delivery.subscriptionId());
        } catch (IOException e) {
            throw new DeliveryFailure(
                    "the signing secret of subscription " + delivery.subscriptionId() + " cannot be read: " + e,
                    true,
                    e);
        }
        Notification notification = delivery.notification();
        byte[] body = ContractJson.mapper().writeValueAsBytes(notification);
        WebhookSignature signature =
                WebhookSignature.sign(signing, clock.instant().getEpochSecond(), body);

        HttpPost post = new HttpPost(webhook.url());
        post.setEntity(new ByteArrayEntity(body, JSON));
        post.setHeader(WebhookSignature.HEADER, signature.headerValue());
        // Where the idempotency key comes from: the delivery's id, derived from subscription and event, so a retry or
        // a redelivered event carries the same key and the receiver can recognise it.
        post.setHeader(IDEMPOTENCY_KEY, delivery.deliveryId());
        post.setHeader(EVENT_TYPE, notification.eventType());

        AtomicBoolean deadlinePassed = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> {
                    deadlinePassed.set(true);
                    post.cancel();
                },
                requestTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(null, post, null);
        } catch (IOException e) {
            deadline.cancel(false);
            throw failure(e, endpoint, deadlinePassed.get());
        }
        Excerpt excerpt = Excerpt.NONE;
        try {
            excerpt = Excerpt.of(response.getEntity());
            judge(response, excerpt, endpoint);
        } finally {
            deadline.cancel(false);
            release(response, excerpt, post);
        }
    }

    private static void judge(ClassicHttpResponse response, Excerpt excerpt, String endpoint) throws DeliveryFailure {
        int status = response.getCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status >= 300 && status < 400) {
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            throw new DeliveryFailure(
                    "redirects are not followed: " + status + " to "
                            + (location == null ? "(no Location)" : withoutQuery(location.getValue())) + " from "
                            + endpoint,
                    false);
        }
        boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
        throw new DeliveryFailure(
                "webhook " + endpoint + " answered " + status + (excerpt.text().isEmpty() ? "" : ": " + excerpt.text()),
                retryable);
    }

    /**
     * Gives the connection back to the pool when its body was read to the end, and otherwise discards it: closing a
     * response with unread content would read all of it, however much an endpoint sends.
     */
    private static void release(ClassicHttpResponse response, Excerpt excerpt, HttpPost post) {
        if (!excerpt.complete()) {
            post.cancel();
        }
        try {
            response.close();
        } catch (IOException e) {
            // The outcome is already known and the connection is discarded when it cannot be closed cleanly.
        }
    }

    /**
     * The first kilobyte of a response body as printable text, and whether that was all of it. Reading stops there, so
     * an endpoint cannot make the channel read more.
     */
    private record Excerpt(String text, boolean complete) {

        static final Excerpt NONE = new Excerpt("", false);

        static Excerpt of(@Nullable HttpEntity entity) {
            if (entity == null) {
                return new Excerpt("", true);
            }
            try {
                InputStream content = entity.getContent();
                if (content == null) {
                    return new Excerpt("", true);
                }
                byte[] bytes = content.readNBytes(BODY_EXCERPT_BYTES + 1);
                int shown = Math.min(bytes.length, BODY_EXCERPT_BYTES);
                return new Excerpt(
                        printable(new String(bytes, 0, shown, StandardCharsets.UTF_8)),
                        bytes.length <= BODY_EXCERPT_BYTES);
            } catch (IOException e) {
                // The status already says how the attempt went; the body only adds detail to a failure's message.
                return new Excerpt("(body unreadable: " + e.getClass().getSimpleName() + ")", false);
            }
        }
    }

    private DeliveryFailure failure(IOException e, String endpoint, boolean deadlinePassed) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAddressException refused) {
                return new DeliveryFailure(refused.getMessage(), false, e);
            }
        }
        if (deadlinePassed) {
            return new DeliveryFailure(
                    "webhook " + endpoint + " did not complete within the request timeout of " + requestTimeout,
                    true,
                    e);
        }
        String what =
                switch (e) {
                    case ConnectTimeoutException timeout -> "connection timed out";
                    case SocketTimeoutException timeout -> "response timed out";
                    case UnknownHostException unknown -> "host does not resolve";
                    default -> "failed";
                };
        return new DeliveryFailure("webhook " + endpoint + " " + what + ": " + e.getMessage(), true, e);
    }

    private static String withoutQuery(String location) {
        int cut = location.indexOf('?');
        String shown = cut < 0 ? location : location.substring(0, cut);
        return printable(shown.length() > 200 ? shown.substring(0, 200) + "..." : shown);
    }

    /** Keeps a receiver's text from forging log lines: control characters become spaces. */
    private static String printable(String text) {
        return text.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
    }

    /** Closes the pooled connections at once; deliveries under way fail with an I/O error. */
    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}

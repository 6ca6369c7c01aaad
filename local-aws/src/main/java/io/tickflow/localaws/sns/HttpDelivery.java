package io.tickflow.localaws.sns;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs notifications and subscription confirmations to HTTP and HTTPS subscribers, in the background as SNS does,
 * retrying with exponential backoff when an endpoint fails or does not answer with a 2xx.
 */
final class HttpDelivery implements AutoCloseable {

    static final int RETRIES = 3;
    static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY_DELAY = FIRST_RETRY_DELAY.multipliedBy(1L << (RETRIES - 1));

    private static final Logger log = LoggerFactory.getLogger(HttpDelivery.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();

    /**
     * One POST to a subscriber.
     *
     * @param subscription who receives it
     * @param messageType Notification or SubscriptionConfirmation, for the x-amz-sns-message-type header
     * @param messageId the SNS message id
     * @param body the envelope JSON, or the bare message for raw delivery
     * @param raw whether this is raw delivery
     */
    record Post(Subscription subscription, String messageType, String messageId, String body, boolean raw) {}

    /** Queues the POST and returns at once. */
    void send(Post post) {
        try {
            executor.execute(() -> deliver(post));
        } catch (RejectedExecutionException closed) {
            log.debug(
                    "Not delivering {} to {}: the endpoint is closing",
                    post.messageId(),
                    post.subscription().endpoint());
        }
    }

    private void deliver(Post post) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(post.subscription().endpoint()))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("User-Agent", "Amazon Simple Notification Service Agent")
                .header("x-amz-sns-message-type", post.messageType())
                .header("x-amz-sns-message-id", post.messageId())
                .header("x-amz-sns-topic-arn", post.subscription().topicArn())
                .POST(HttpRequest.BodyPublishers.ofString(post.body()));
        if (post.messageType().equals(Envelopes.NOTIFICATION)) {
            request.header("x-amz-sns-subscription-arn", post.subscription().arn());
        }
        if (post.raw()) {
            request.header("x-amz-sns-rawdelivery", "true");
        }
        HttpRequest built = request.build();
        Duration delay = FIRST_RETRY_DELAY;
        for (int attempt = 0; attempt <= RETRIES; attempt++) {
            if (attempt > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                delay = delay.multipliedBy(2);
            }
            String failure;
            try {
                HttpResponse<Void> response = client.send(built, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                failure = "HTTP " + response.statusCode();
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            log.debug(
                    "{} {} to {} failed (attempt {}): {}",
                    post.messageType(),
                    post.messageId(),
                    post.subscription().endpoint(),
                    attempt + 1,
                    failure);
        }
        log.warn(
                "Gave up delivering {} {} from {} to {} after {} attempts",
                post.messageType(),
                post.messageId(),
                post.subscription().topicArn(),
                post.subscription().endpoint(),
                RETRIES + 1);
    }

    @Override
    public void close() {
        // Pending retries are abandoned: the endpoint is going away with its state.
        executor.shutdownNow();
        client.shutdownNow();
    }
}

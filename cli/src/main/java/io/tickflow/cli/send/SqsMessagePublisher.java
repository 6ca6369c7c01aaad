package io.tickflow.cli.send;

import io.tickflow.cli.aws.AwsErrors;
import io.tickflow.cli.batch.TickMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * Sends messages to a queue with SendMessageBatch: up to 10 messages and {@link SendSettings#maxRequestBytes()} a
 * call, several calls in flight, each waiting for a free slot so that no more than {@code concurrency} calls' worth of
 * messages is ever held in memory.
 *
 * <p>What fails is tried again, with exponential backoff and jitter, up to {@link SendSettings#maxAttempts()}:
 * entries SQS reports as failed on its side, throttling, server errors and requests that got no answer. An entry SQS
 * refuses as the sender's fault (too large, invalid characters) fails the same way every time and is not retried. A
 * call that fails as a whole for good (the queue does not exist, the endpoint stays unreachable) stops the run, since
 * every later call would fail alike; messages not yet sent then count as not sent.
 *
 * <p>Retrying is safe because a message is the same bytes every time, and ingest-service drops what it already has.
 */
public final class SqsMessagePublisher implements MessagePublisher {

    private final SqsClient sqs;
    private final String queueUrl;
    private final SendSettings settings;
    private final Sleeper sleeper;
    private final Delivery delivery = new Delivery();
    private final Semaphore slots;
    private final ExecutorService senders;
    private final List<TickMessage> pending = new ArrayList<>(SendSettings.MAX_ENTRIES);
    private int pendingBytes;

    public SqsMessagePublisher(SqsClient sqs, String queueUrl, SendSettings settings, Sleeper sleeper) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.settings = settings;
        this.sleeper = sleeper;
        this.slots = new Semaphore(settings.concurrency());
        this.senders = Executors.newFixedThreadPool(
                settings.concurrency(),
                Thread.ofPlatform().name("tickflow-send-", 1).daemon().factory());
    }

    @Override
    public void publish(TickMessage message) {
        if (!pending.isEmpty()
                && (pending.size() == SendSettings.MAX_ENTRIES
                        || pendingBytes + message.bytes() > settings.maxRequestBytes())) {
            dispatch();
        }
        pending.add(message);
        pendingBytes += message.bytes();
    }

    @Override
    public Delivery delivery() {
        return delivery;
    }

    @Override
    public Delivery finish() {
        if (!pending.isEmpty()) {
            dispatch();
        }
        senders.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (senders.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return delivery;
    }

    private void dispatch() {
        List<TickMessage> call = List.copyOf(pending);
        pending.clear();
        pendingBytes = 0;
        slots.acquireUninterruptibly();
        try {
            senders.execute(() -> {
                try {
                    send(call);
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** Sends one call's messages, retrying what fails; every message ends up counted as sent or failed. */
    private void send(List<TickMessage> call) {
        Map<String, TickMessage> remaining = new LinkedHashMap<>();
        for (int i = 0; i < call.size(); i++) {
            remaining.put(Integer.toString(i), call.get(i));
        }
        String lastError = "not attempted";
        for (int attempt = 1; ; attempt++) {
            String stopped = delivery.stopReason();
            if (stopped != null) {
                failAll(remaining, "not sent, the run stopped: " + stopped);
                return;
            }
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl)
                        .entries(remaining.entrySet().stream()
                                .map(e -> SendMessageBatchRequestEntry.builder()
                                        .id(e.getKey())
                                        .messageBody(e.getValue().body())
                                        .build())
                                .toList()));
                for (SendMessageBatchResultEntry ok : response.successful()) {
                    TickMessage sent = remaining.remove(ok.id());
                    if (sent != null) {
                        delivery.sent(sent);
                    }
                }
                for (BatchResultErrorEntry failed : response.failed()) {
                    String reason = failed.code() + ": " + failed.message();
                    if (Boolean.TRUE.equals(failed.senderFault())) {
                        TickMessage refused = remaining.remove(failed.id());
                        if (refused != null) {
                            delivery.failed(refused, "refused by SQS, " + reason);
                        }
                    } else {
                        lastError = reason;
                    }
                }
            } catch (SdkException e) {
                lastError = AwsErrors.describe(e);
                if (!AwsErrors.retryable(e)) {
                    delivery.stop("SendMessageBatch failed: " + lastError);
                    failAll(remaining, lastError);
                    return;
                }
                if (attempt >= settings.maxAttempts()) {
                    delivery.stop("SendMessageBatch still failing after " + attempt + " attempts: " + lastError);
                }
            }
            if (remaining.isEmpty()) {
                return;
            }
            if (attempt >= settings.maxAttempts()) {
                failAll(remaining, "not sent after " + attempt + " attempts, last: " + lastError);
                return;
            }
            try {
                sleeper.sleep(jittered(settings.backoff(attempt)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(remaining, "interrupted while waiting to retry");
                return;
            }
        }
    }

    private void failAll(Map<String, TickMessage> remaining, String reason) {
        remaining.values().forEach(m -> delivery.failed(m, reason));
        remaining.clear();
    }

    /** Between half and all of {@code delay}, so that calls failing together do not retry together. */
    private static Duration jittered(Duration delay) {
        long millis = delay.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }
}

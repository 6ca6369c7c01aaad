package io.tickflow.localaws.sns;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Delivers messages into SQS queues named by their ARNs, as SNS delivers to its SQS subscribers.
 *
 * <p>A message SQS refuses for a reason of the subscription's own (the queue is gone, the message does not fit) goes to
 * the subscription's dead-letter queue when its RedrivePolicy names one, and is otherwise dropped with a warning, as
 * SNS drops it. When SQS itself fails (unreachable, server error) the publish fails instead, so that the publisher
 * retries rather than losing the message.
 */
final class SqsDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqsDelivery.class);

    /** SendMessageBatch's limits: entries per batch and bytes of all bodies and attributes together. */
    private static final int BATCH_ENTRIES = 10;

    private static final int BATCH_BYTES = 256 * 1024;

    private final SqsClient sqs;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    /**
     * A message on its way to a queue.
     *
     * @param body the message body: the envelope JSON, or the message itself for raw delivery
     * @param attributes the SQS message attributes (only raw delivery has any)
     * @param size the bytes it counts towards SendMessageBatch's size limit
     */
    record Outgoing(String body, Map<String, MessageAttributeValue> attributes, int size) {}

    SqsDelivery(URI endpoint, String region) {
        this.sqs = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                // The emulated SQS checks no signatures; any credentials do.
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("sns-emulator", "sns-emulator")))
                // The SDK would check the MD5 of every body SQS echoes back: a check for corruption on the wire, and
                // there is no wire here worth the CPU (about a tenth of what a delivery cost the SDK under load).
                .checksumValidationEnabled(false)
                // Publishes run concurrently on virtual threads, each of which may be waiting on SQS.
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .build();
    }

    /**
     * Delivers a subscription's messages, in order, in as few requests as SQS allows, and returns once SQS has
     * accepted them (or they were dead-lettered or dropped as described above).
     *
     * @throws SnsFault InternalError when SQS could not be reached or failed
     */
    void deliver(Subscription subscription, List<Outgoing> messages) {
        Refused refused = send(subscription.endpoint(), messages);
        if (refused == null) {
            return;
        }
        Optional<String> deadLetterQueue = subscription.settings().deadLetterTargetArn();
        if (deadLetterQueue.isEmpty()) {
            log.warn(
                    "Dropped {} message(s) from {} for {}: {}; the subscription has no RedrivePolicy",
                    refused.messages().size(),
                    subscription.topicArn(),
                    subscription.endpoint(),
                    refused.reason());
            return;
        }
        log.debug(
                "Redriving {} message(s) for {} to {}: {}",
                refused.messages().size(),
                subscription.endpoint(),
                deadLetterQueue.get(),
                refused.reason());
        Refused lost = send(deadLetterQueue.get(), refused.messages());
        if (lost != null) {
            log.warn(
                    "Dropped {} message(s) from {} for {}: its dead-letter queue {} refused them too: {}",
                    lost.messages().size(),
                    subscription.topicArn(),
                    subscription.endpoint(),
                    deadLetterQueue.get(),
                    lost.reason());
        }
    }

    /** Messages SQS refused for a reason of the caller's, and the first reason it gave. */
    private record Refused(List<Outgoing> messages, String reason) {}

    private Refused send(String queueArn, List<Outgoing> messages) {
        String queueUrl;
        try {
            queueUrl = queueUrl(queueArn);
        } catch (QueueDoesNotExistException e) {
            return new Refused(messages, "queue " + queueArn + " does not exist");
        } catch (SdkException e) {
            throw unavailable(queueArn, e);
        }
        List<Outgoing> refused = new ArrayList<>();
        String reason = null;
        int start = 0;
        while (start < messages.size()) {
            int end = batchEnd(messages, start);
            try {
                if (end - start == 1) {
                    Outgoing message = messages.get(start);
                    sqs.sendMessage(r ->
                            r.queueUrl(queueUrl).messageBody(message.body()).messageAttributes(message.attributes()));
                } else {
                    String failure = sendBatch(queueUrl, messages, start, end, refused);
                    reason = reason == null ? failure : reason;
                }
            } catch (QueueDoesNotExistException e) {
                // Deleted since its URL was cached: forget the URL, refuse this and every later message.
                queueUrls.remove(queueArn);
                refused.addAll(messages.subList(start, messages.size()));
                return new Refused(refused, "queue " + queueArn + " does not exist");
            } catch (SqsException e) {
                if (e.statusCode() >= 500) {
                    throw unavailable(queueArn, e);
                }
                refused.addAll(messages.subList(start, end));
                reason = reason == null ? e.getMessage() : reason;
            } catch (SdkException e) {
                throw unavailable(queueArn, e);
            }
            start = end;
        }
        return refused.isEmpty() ? null : new Refused(refused, reason);
    }

    /** Sends messages[start, end) as one batch; adds the ones SQS refused to {@code refused}. */
    private String sendBatch(String queueUrl, List<Outgoing> messages, int start, int end, List<Outgoing> refused) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            Outgoing message = messages.get(i);
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(message.body())
                    .messageAttributes(message.attributes())
                    .build());
        }
        SendMessageBatchResponse response =
                sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
        String reason = null;
        for (BatchResultErrorEntry failed : response.failed()) {
            if (!Boolean.TRUE.equals(failed.senderFault())) {
                throw SnsFault.internalError("SQS failed to take a message: " + failed.code() + " " + failed.message());
            }
            refused.add(messages.get(Integer.parseInt(failed.id())));
            reason = reason == null ? failed.code() + ": " + failed.message() : reason;
        }
        return reason;
    }

    /** The end of the longest batch from {@code start} that SendMessageBatch takes. */
    private static int batchEnd(List<Outgoing> messages, int start) {
        int end = start;
        int bytes = 0;
        while (end < messages.size() && end - start < BATCH_ENTRIES) {
            bytes += messages.get(end).size();
            if (bytes > BATCH_BYTES && end > start) {
                break;
            }
            end++;
        }
        return end;
    }

    private String queueUrl(String queueArn) {
        String cached = queueUrls.get(queueArn);
        if (cached != null) {
            return cached;
        }
        Arns.Parts arn = Arns.Parts.parse(queueArn).orElseThrow(() -> QueueDoesNotExistException.builder()
                .message("Not a queue ARN: " + queueArn)
                .build());
        String url = sqs.getQueueUrl(r -> r.queueName(arn.resource())).queueUrl();
        queueUrls.put(queueArn, url);
        return url;
    }

    private static SnsFault unavailable(String queueArn, SdkException cause) {
        log.error("SQS did not take messages for {}", queueArn, cause);
        return SnsFault.internalError(
                "The SQS endpoint did not take the messages for " + queueArn + ": " + cause.getMessage());
    }

    @Override
    public void close() {
        sqs.close();
    }
}

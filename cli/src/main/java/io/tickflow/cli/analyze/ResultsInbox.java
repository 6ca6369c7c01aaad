package io.tickflow.cli.analyze;

import io.tickflow.cli.aws.AwsErrors;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.MessageAttributes;
import io.tickflow.common.contract.analysis.AnalysisEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * A temporary queue of this run, subscribed to the {@code analysis-results} topic for one symbol and strategy: where
 * the CLI hears about the study it asked for. It exists before the request is sent, so no event can be published
 * before someone listens, and {@link #close} removes the subscription and the queue again.
 *
 * <p>The subscription delivers raw messages (the event's JSON with its attributes) and filters on the {@code symbol}
 * and {@code strategy} attributes, which every analysis event carries; other studies of the same symbol and strategy
 * still come through, so the caller keeps only the events of its own request id.
 */
final class ResultsInbox implements AutoCloseable {

    /** SQS's longest long poll. */
    private static final int MAX_WAIT_SECONDS = 20;

    private final SqsClient sqs;
    private final SnsClient sns;
    private final String queueName;
    private final String queueUrl;
    private final PrintStream err;
    private @Nullable String subscriptionArn;
    private boolean closed;

    private ResultsInbox(SqsClient sqs, SnsClient sns, String queueName, String queueUrl, PrintStream err) {
        this.sqs = sqs;
        this.sns = sns;
        this.queueName = queueName;
        this.queueUrl = queueUrl;
        this.err = err;
    }

    /**
     * Creates the queue and subscribes it to the topic; on failure, removes what it had created and rethrows.
     *
     * @param topicArn the {@code analysis-results} topic
     * @param queueName the temporary queue's name, unique to this run
     * @param err where {@link #close} reports what it could not remove
     */
    static ResultsInbox open(
            SqsClient sqs,
            SnsClient sns,
            String topicArn,
            String queueName,
            String symbol,
            String strategy,
            PrintStream err) {
        String queueUrl = sqs.createQueue(r -> r.queueName(queueName)).queueUrl();
        ResultsInbox inbox = new ResultsInbox(sqs, sns, queueName, queueUrl, err);
        try {
            String queueArn = sqs.getQueueAttributes(
                            r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            // On AWS a queue takes messages from a topic only when its policy lets that topic send.
            sqs.setQueueAttributes(r ->
                    r.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, allowTopic(queueArn, topicArn))));
            inbox.subscriptionArn = sns.subscribe(r -> r.topicArn(topicArn)
                            .protocol("sqs")
                            .endpoint(queueArn)
                            .returnSubscriptionArn(true)
                            .attributes(Map.of(
                                    "RawMessageDelivery", "true",
                                    "FilterPolicyScope", "MessageAttributes",
                                    "FilterPolicy", filterPolicy(symbol, strategy))))
                    .subscriptionArn();
            return inbox;
        } catch (RuntimeException e) {
            inbox.close();
            throw e;
        }
    }

    /** The queue's name. */
    String queueName() {
        return queueName;
    }

    /**
     * Waits up to {@code wait} (at most 20 seconds, at least one) for events and removes them from the queue. Messages
     * that are not analysis events this CLI can read (a newer contract version) are dropped.
     */
    List<AnalysisEvent> poll(Duration wait) {
        int seconds = (int) Math.max(1, Math.min(MAX_WAIT_SECONDS, (wait.toMillis() + 999) / 1000));
        List<Message> messages = sqs.receiveMessage(
                        r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(seconds))
                .messages();
        if (messages.isEmpty()) {
            return List.of();
        }
        List<AnalysisEvent> events = new ArrayList<>();
        List<DeleteMessageBatchRequestEntry> read = new ArrayList<>();
        for (Message message : messages) {
            read.add(DeleteMessageBatchRequestEntry.builder()
                    .id(Integer.toString(read.size()))
                    .receiptHandle(message.receiptHandle())
                    .build());
            try {
                events.add(ContractJson.mapper().readValue(message.body(), AnalysisEvent.class));
            } catch (JacksonException unreadable) {
                // Not for this CLI: the queue is ours alone, so nobody else misses it.
            }
        }
        sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(read));
        return events;
    }

    /** Removes the subscription, then the queue; safe to call again, and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        String subscription = subscriptionArn;
        if (subscription != null) {
            try {
                sns.unsubscribe(r -> r.subscriptionArn(subscription));
            } catch (SdkException e) {
                err.println("tickflow analyze: could not remove the subscription " + subscription + " ("
                        + AwsErrors.describe(e) + "); remove it with aws sns unsubscribe --subscription-arn "
                        + subscription);
            }
        }
        try {
            sqs.deleteQueue(r -> r.queueUrl(queueUrl));
        } catch (SdkException e) {
            err.println("tickflow analyze: could not delete the temporary queue " + queueName + " ("
                    + AwsErrors.describe(e) + "); delete it with aws sqs delete-queue --queue-url " + queueUrl);
        }
    }

    /** A queue policy that lets the topic, and nothing else, send to the queue. */
    private static String allowTopic(String queueArn, String topicArn) {
        ObjectNode policy = ContractJson.mapper().createObjectNode().put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject();
        statement.put("Sid", "analysis-results");
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", "sns.amazonaws.com");
        statement.put("Action", "sqs:SendMessage");
        statement.put("Resource", queueArn);
        statement.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", topicArn);
        return ContractJson.mapper().writeValueAsString(policy);
    }

    private static String filterPolicy(String symbol, String strategy) {
        ObjectNode policy = ContractJson.mapper().createObjectNode();
        policy.putArray(MessageAttributes.SYMBOL).add(symbol);
        policy.putArray(MessageAttributes.STRATEGY).add(strategy);
        return ContractJson.mapper().writeValueAsString(policy);
    }
}

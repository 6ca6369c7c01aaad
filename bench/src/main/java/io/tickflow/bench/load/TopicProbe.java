package io.tickflow.bench.load;

import io.tickflow.common.contract.ContractJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A queue of the harness's own, subscribed to a topic with raw delivery and read with long polls like the service's
 * listener reads its queue: when an event reached it tells how much of a delivery's latency the stack's SNS and SQS
 * took before the service could see the event.
 */
final class TopicProbe implements AutoCloseable {

    private final SqsClient sqs;
    private final String queueUrl;
    private final Map<String, Long> received = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;

    TopicProbe(SqsClient sqs, SnsClient sns, String topicArn, String queueName) {
        this.sqs = sqs;
        this.queueUrl = sqs.createQueue(r -> r.queueName(queueName)).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(r -> r.topicArn(topicArn)
                .protocol("sqs")
                .endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        this.reader = Thread.ofPlatform().name("topic-probe").daemon().start(this::read);
    }

    /** When the event {@code eventId} was received from the queue, by {@link System#nanoTime()}. */
    Optional<Long> receivedAt(String eventId) {
        return Optional.ofNullable(received.get(eventId));
    }

    private void read() {
        while (running) {
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(r ->
                                r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(2))
                        .messages();
            } catch (SdkException e) {
                if (!running) {
                    return;
                }
                throw e;
            }
            long now = System.nanoTime();
            for (Message message : messages) {
                String eventId = ContractJson.mapper()
                        .readTree(message.body())
                        .path("eventId")
                        .asString("");
                received.putIfAbsent(eventId, now);
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.tickflow.localaws.junit;

import io.tickflow.localaws.LocalAwsClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Reads a queue empty in a test, so that it can assert on everything that arrived and on what did not. */
public final class QueueDrainer {

    private final LocalAwsClients aws;

    public QueueDrainer(LocalAwsClients aws) {
        this.aws = aws;
    }

    /**
     * Receives and deletes messages from {@code queue} until a receive that waited {@code quiet} returns nothing.
     *
     * @return every message read, with its message attributes
     */
    public List<Message> drain(String queue, Duration quiet) {
        String url = aws.sqs().getQueueUrl(r -> r.queueName(queue)).queueUrl();
        int waitSeconds = Math.toIntExact(Math.max(1, quiet.toSeconds()));
        List<Message> received = new ArrayList<>();
        List<Message> batch;
        do {
            batch = aws.sqs()
                    .receiveMessage(r -> r.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(waitSeconds)
                            .messageAttributeNames("All")
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages();
            received.addAll(batch);
            if (!batch.isEmpty()) {
                List<Message> read = batch;
                aws.sqs().deleteMessageBatch(r -> r.queueUrl(url)
                        .entries(read.stream()
                                .map(m ->
                                        software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry
                                                .builder()
                                                .id(m.messageId())
                                                .receiptHandle(m.receiptHandle())
                                                .build())
                                .toList()));
            }
        } while (!batch.isEmpty());
        return received;
    }

    /** The bodies of {@link #drain}. */
    public List<String> drainBodies(String queue, Duration quiet) {
        return drain(queue, quiet).stream().map(Message::body).toList();
    }
}

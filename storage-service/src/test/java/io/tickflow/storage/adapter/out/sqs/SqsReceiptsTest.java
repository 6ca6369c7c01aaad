package io.tickflow.storage.adapter.out.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.localaws.Endpoints;
import io.tickflow.localaws.junit.LocalAwsExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Extending and deleting more messages than one wave of calls holds, against ElasticMQ. */
class SqsReceiptsTest {

    private static final int MESSAGES = 150;

    private final SqsClient sqs = LocalAwsExtension.sharedClients().sqs();

    @Test
    void extendsAndThenDeletesEveryHeldMessageOverManyWavesOfCalls() {
        String queueUrl = sqs.createQueue(r -> r.queueName("receipts-" + UUID.randomUUID())
                        .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "2")))
                .queueUrl();
        for (int from = 0; from < MESSAGES; from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < from + 10; i++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody("message " + i)
                        .build());
            }
            sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
        }
        List<String> receipts = new ArrayList<>();
        while (receipts.size() < MESSAGES) {
            for (Message message : sqs.receiveMessage(
                            r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                receipts.add(message.receiptHandle());
            }
        }

        Endpoints endpoints = LocalAwsExtension.shared().endpoints();
        try (SqsAsyncClient async = SqsAsyncClient.builder()
                .endpointOverride(endpoints.sqs())
                .region(Region.of(endpoints.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(Endpoints.ACCESS_KEY_ID, Endpoints.SECRET_ACCESS_KEY)))
                .build()) {
            SqsReceipts held = new SqsReceipts(async, () -> queueUrl, () -> queueUrl);
            held.extend(receipts, Duration.ofSeconds(60));
            // Past the queue's own timeout of 2 s: only the extension keeps them invisible.
            assertThat(sqs.receiveMessage(r ->
                                    r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(4))
                            .messages())
                    .isEmpty();

            held.acknowledge(receipts);
        }

        Map<QueueAttributeName, String> left = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        assertThat(left)
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
        sqs.deleteQueue(r -> r.queueUrl(queueUrl));
    }
}

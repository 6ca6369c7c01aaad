package io.tickflow.localaws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** ElasticMQ and an SNS endpoint on free loopback ports, with SDK clients for both: what every test here runs on. */
final class SnsTestStack implements AutoCloseable {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";

    private final SQSRestServer elasticMq;
    final SnsEndpoint sns;
    final SnsClient snsClient;
    final SqsClient sqsClient;
    final URI sqsEndpoint;

    /** A queue created for a test. */
    record Queue(String url, String arn) {}

    SnsTestStack() {
        int sqsPort = freePort();
        elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(sqsPort)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", sqsPort, ""))
                .withAWSRegion(REGION)
                .withAWSAccountId(ACCOUNT)
                .start();
        elasticMq.waitUntilStarted();
        sqsEndpoint = URI.create("http://127.0.0.1:" + sqsPort);
        sns = SnsEndpoint.start(new InetSocketAddress("127.0.0.1", freePort()), sqsEndpoint, REGION, ACCOUNT);
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        snsClient = SnsClient.builder()
                .endpointOverride(sns.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
        sqsClient = SqsClient.builder()
                .endpointOverride(sqsEndpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name no other test uses, so that tests sharing a stack never see each other's topics or queues. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String createTopic(String prefix) {
        return snsClient.createTopic(r -> r.name(unique(prefix))).topicArn();
    }

    Queue createQueue(String prefix) {
        String url = sqsClient.createQueue(r -> r.queueName(unique(prefix))).queueUrl();
        String arn = sqsClient
                .getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        return new Queue(url, arn);
    }

    String subscribe(String topicArn, Queue queue, java.util.Map<String, String> attributes) {
        return snsClient
                .subscribe(r -> r.topicArn(topicArn)
                        .protocol("sqs")
                        .endpoint(queue.arn())
                        .attributes(attributes)
                        .returnSubscriptionArn(true))
                .subscriptionArn();
    }

    /** Up to ten messages with all their attributes, waiting at most {@code waitSeconds} for the first. */
    List<Message> receive(Queue queue, int waitSeconds) {
        return sqsClient
                .receiveMessage(r -> r.queueUrl(queue.url())
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(waitSeconds)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
    }

    /**
     * Every message a queue holds, received until a receive comes back empty. Publish returns only once SQS has taken
     * its deliveries, so what is not there by then was not delivered.
     */
    List<Message> drain(Queue queue) {
        List<Message> all = new java.util.ArrayList<>();
        List<Message> batch;
        do {
            batch = receive(queue, 0);
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }

    /** Checks that a queue stays empty for a second: long enough for any late, wrongly routed message to show up. */
    void assertStaysEmpty(Queue queue) {
        assertThat(receive(queue, 1)).as("messages in %s", queue.url()).isEmpty();
    }

    @Override
    public void close() {
        snsClient.close();
        sqsClient.close();
        sns.close();
        elasticMq.stopAndWait();
    }
}

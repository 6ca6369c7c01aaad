package io.tickflow.common.aws.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Real SDK clients with the interceptor, against a loopback endpoint that answers as AWS would. */
class AwsRequestMeteringTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final String KIB_40 = "x".repeat(40 * 1024);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AwsRequestMetering metering = AwsRequestMetering.withKnownRules(registry);
    private final ScriptedAwsEndpoint aws = new ScriptedAwsEndpoint();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void countsEachCallByServiceOperationAndOutcome() {
        aws.json("GetQueueUrl", 200, "{\"QueueUrl\":\"http://127.0.0.1/000000000000/q\"}")
                .json(
                        "DeleteQueue",
                        400,
                        "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\",\"message\":\"no such queue\"}");
        try (SqsClient sqs = sqs()) {
            sqs.getQueueUrl(r -> r.queueName("q"));
            sqs.getQueueUrl(r -> r.queueName("q"));
            assertThatThrownBy(() -> sqs.deleteQueue(r -> r.queueUrl("http://127.0.0.1/000000000000/q")))
                    .isInstanceOf(QueueDoesNotExistException.class);
        }

        assertThat(requests("Sqs", "GetQueueUrl", "success")).isEqualTo(2);
        assertThat(requests("Sqs", "DeleteQueue", "error")).isEqualTo(1);
        assertThat(requests("Sqs", "DeleteQueue", "success")).isZero();
        assertThat(billed("Sqs", "GetQueueUrl", "request")).isEqualTo(2);
        assertThat(billed("Sqs", "DeleteQueue", "request"))
                .as("failed calls are not billed units")
                .isZero();
        Timer durations = registry.get(AwsRequestMetering.DURATION)
                .tags("service", "Sqs", "operation", "GetQueueUrl", "outcome", "success")
                .timer();
        assertThat(durations.count()).isEqualTo(2);
        assertThat(durations.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void billsSqsMessagesByTheStarted64KibOfTheirBodies() {
        aws.json(
                        "SendMessageBatch",
                        200,
                        "{\"Successful\":[{\"Id\":\"0\",\"MessageId\":\"a\"},{\"Id\":\"1\",\"MessageId\":\"b\"},"
                                + "{\"Id\":\"2\",\"MessageId\":\"c\"}],\"Failed\":[]}")
                .json(
                        "ReceiveMessage",
                        200,
                        "{\"Messages\":[{\"MessageId\":\"a\",\"ReceiptHandle\":\"r\",\"Body\":\"" + KIB_40 + "\"},"
                                + "{\"MessageId\":\"b\",\"ReceiptHandle\":\"s\",\"Body\":\"" + KIB_40 + "\"}]}");
        try (SqsClient sqs = sqs()) {
            sqs.sendMessageBatch(r -> r.queueUrl("http://127.0.0.1/000000000000/q")
                    .entries(IntStream.range(0, 3)
                            .mapToObj(i -> SendMessageBatchRequestEntry.builder()
                                    .id(Integer.toString(i))
                                    .messageBody(KIB_40)
                                    .build())
                            .toList()));
            sqs.receiveMessage(r -> r.queueUrl("http://127.0.0.1/000000000000/q"));
        }

        assertThat(requests("Sqs", "SendMessageBatch", "success")).isEqualTo(1);
        assertThat(billed("Sqs", "SendMessageBatch", "request")).as("120 KiB").isEqualTo(2);
        assertThat(billed("Sqs", "ReceiveMessage", "request")).as("80 KiB").isEqualTo(2);
    }

    @Test
    void billsAnSnsPublishBatchByItsMessagesAndAttributes() {
        aws.xml(
                "PublishBatch",
                200,
                """
                <PublishBatchResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <PublishBatchResult>
                    <Successful>
                      <member><Id>0</Id><MessageId>m0</MessageId></member>
                      <member><Id>1</Id><MessageId>m1</MessageId></member>
                    </Successful>
                    <Failed/>
                  </PublishBatchResult>
                  <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>
                </PublishBatchResponse>
                """);
        try (SnsClient sns = SnsClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(aws.uri())
                .overrideConfiguration(c -> c.addExecutionInterceptor(metering))
                .build()) {
            // Two messages of 32 KiB less 10 bytes with attributes of 28 bytes each: just over 64 KiB together.
            String body = "y".repeat(32 * 1024 - 10);
            sns.publishBatch(r -> r.topicArn("arn:aws:sns:us-east-1:000000000000:t")
                    .publishBatchRequestEntries(IntStream.range(0, 2)
                            .mapToObj(i -> PublishBatchRequestEntry.builder()
                                    .id(Integer.toString(i))
                                    .message(body)
                                    .messageAttributes(Map.of(
                                            "eventType",
                                            software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder()
                                                    .dataType("String")
                                                    .stringValue("TicksAccepted")
                                                    .build()))
                                    .build())
                            .toList()));
        }

        assertThat(requests("Sns", "PublishBatch", "success")).isEqualTo(1);
        assertThat(billed("Sns", "PublishBatch", "request")).isEqualTo(2);
    }

    @Test
    void billsDynamoDbWritesPerKilobyteOfEachItemAndReadsPerKey() {
        aws.json("BatchWriteItem", 200, "{\"UnprocessedItems\":{}}")
                .json("BatchGetItem", 200, "{\"Responses\":{\"t\":[{\"id\":{\"S\":\"a\"}}]},\"UnprocessedKeys\":{}}")
                .json(
                        "PutItem",
                        200,
                        "{\"ConsumedCapacity\":{\"TableName\":\"t\",\"CapacityUnits\":3.0,"
                                + "\"WriteCapacityUnits\":3.0}}");
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(aws.uri())
                .overrideConfiguration(c -> c.addExecutionInterceptor(metering))
                .build()) {
            dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(
                    "t",
                    List.of(
                            put(Map.of("id", AttributeValue.fromS("small"))),
                            // 2 bytes of names and 1,500 of value: two write units.
                            put(Map.of("id", AttributeValue.fromS("z".repeat(1500))))))));
            dynamoDb.batchGetItem(r -> r.requestItems(Map.of(
                    "t",
                    KeysAndAttributes.builder()
                            .consistentRead(true)
                            .keys(List.of(
                                    Map.of("id", AttributeValue.fromS("a")),
                                    Map.of("id", AttributeValue.fromS("b")),
                                    Map.of("id", AttributeValue.fromS("c"))))
                            .build())));
            dynamoDb.putItem(r -> r.tableName("t")
                    .item(Map.of("id", AttributeValue.fromS("p")))
                    .returnConsumedCapacity("TOTAL"));
        }

        assertThat(billed("DynamoDb", "BatchWriteItem", "write")).isEqualTo(3);
        assertThat(billed("DynamoDb", "BatchGetItem", "read"))
                .as("one found and two missing keys, strongly consistent")
                .isEqualTo(3);
        assertThat(billed("DynamoDb", "PutItem", "write"))
                .as("as DynamoDB reported it")
                .isEqualTo(3);
        assertThat(billed("DynamoDb", "BatchWriteItem", "request")).isZero();
    }

    @Test
    void neverFailsACallWhoseBillingItCannotTell() {
        aws.json("GetQueueUrl", 200, "{\"QueueUrl\":\"http://127.0.0.1/000000000000/q\"}");
        BillingRule broken = new BillingRule() {
            @Override
            public String service() {
                return "Sqs";
            }

            @Override
            public BilledUnits units(SdkRequest request, SdkResponse response) {
                throw new IllegalStateException("a rule with a bug");
            }
        };
        AwsRequestMetering withBrokenRule = new AwsRequestMetering(registry, List.of(broken));
        try (SqsClient sqs = SqsClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(aws.uri())
                .overrideConfiguration(c -> c.addExecutionInterceptor(withBrokenRule))
                .build()) {
            assertThat(sqs.getQueueUrl(r -> r.queueName("q")).queueUrl()).endsWith("/q");
        }

        assertThat(requests("Sqs", "GetQueueUrl", "success")).isEqualTo(1);
        assertThat(billed("Sqs", "GetQueueUrl", "unmetered")).isEqualTo(1);
        assertThat(billed("Sqs", "GetQueueUrl", "request")).isZero();
    }

    @Test
    void isAddedToABuilderOnceAndKeepsWhatItsOverrideConfigurationHad() {
        SqsClientBuilder builder = SqsClient.builder()
                .overrideConfiguration(c -> c.putHeader("x-kept", "yes").apiCallTimeout(Duration.ofSeconds(7)));

        metering.addTo(builder);
        metering.addTo(builder);

        assertThat(builder.overrideConfiguration().executionInterceptors()).containsExactly(metering);
        assertThat(builder.overrideConfiguration().headers()).containsEntry("x-kept", List.of("yes"));
        assertThat(builder.overrideConfiguration().apiCallTimeout()).contains(Duration.ofSeconds(7));
    }

    private SqsClient sqs() {
        return SqsClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(aws.uri())
                // The scripted answers carry no MD5 of the bodies.
                .checksumValidationEnabled(false)
                .overrideConfiguration(c -> c.addExecutionInterceptor(metering))
                .build();
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item).build())
                .build();
    }

    private double requests(String service, String operation, String outcome) {
        Counter counter = registry.find(AwsRequestMetering.REQUESTS)
                .tags("service", service, "operation", operation, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double billed(String service, String operation, String unit) {
        Counter counter = registry.find(AwsRequestMetering.BILLED_UNITS)
                .tags("service", service, "operation", operation, "unit", unit)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}

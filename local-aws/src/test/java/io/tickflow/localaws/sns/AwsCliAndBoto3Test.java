package io.tickflow.localaws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The emulator driven by two independent clients, Debian's AWS CLI and boto3, whose query-protocol serialisation and
 * XML parsing are not the Java SDK's. Both are installed with {@code apt-get install awscli python3-boto3}; without
 * them the tests are skipped, except on CI, where they must run.
 */
class AwsCliAndBoto3Test {

    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SnsTestStack stack;

    @TempDir
    Path work;

    /** What a finished process printed. */
    record Run(int exitCode, String stdout, String stderr) {}

    @BeforeAll
    static void start() throws Exception {
        requireTool(Files.isExecutable(AWS), "the AWS CLI at " + AWS);
        requireTool(
                Files.isExecutable(PYTHON)
                        && run(
                                                List.of(PYTHON.toString(), "-c", "import boto3"),
                                                Path.of(System.getProperty("java.io.tmpdir")))
                                        .exitCode()
                                == 0,
                "boto3 for " + PYTHON);
        stack = new SnsTestStack();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static void requireTool(boolean present, String what) {
        if (present) {
            return;
        }
        String message = "Needs " + what + ": apt-get install awscli python3-boto3";
        if (System.getenv("CI") != null) {
            fail(message + " (CI is set, so this test may not be skipped)");
        }
        Assumptions.abort(message);
    }

    @Test
    void awsCliCreatesSubscribesAndPublishesWithMessageAttributes() throws Exception {
        SnsTestStack.Queue queue = stack.createQueue("cli");
        String topicName = SnsTestStack.unique("cli-ticks");

        String topicArn =
                cli("sns", "create-topic", "--name", topicName).get("TopicArn").asText();
        String subscriptionArn = cli(
                        "sns",
                        "subscribe",
                        "--topic-arn",
                        topicArn,
                        "--protocol",
                        "sqs",
                        "--notification-endpoint",
                        queue.arn(),
                        "--attributes",
                        "{\"RawMessageDelivery\":\"true\",\"FilterPolicy\":"
                                + "\"{\\\"eventType\\\":[\\\"TicksAccepted\\\"],\\\"count\\\":[{\\\"numeric\\\":[\\\">\\\",0]}]}\"}",
                        "--return-subscription-arn")
                .get("SubscriptionArn")
                .asText();
        String messageId = cli(
                        "sns",
                        "publish",
                        "--topic-arn",
                        topicArn,
                        "--message",
                        "{\"ticks\":3}",
                        "--message-attributes",
                        "{\"eventType\":{\"DataType\":\"String\",\"StringValue\":\"TicksAccepted\"},"
                                + "\"count\":{\"DataType\":\"Number\",\"StringValue\":\"3\"},"
                                + "\"venues\":{\"DataType\":\"String.Array\",\"StringValue\":\"[\\\"XNAS\\\"]\"}}")
                .get("MessageId")
                .asText();
        cli(
                "sns",
                "publish",
                "--topic-arn",
                topicArn,
                "--message",
                "filtered out",
                "--message-attributes",
                "{\"eventType\":{\"DataType\":\"String\",\"StringValue\":\"CandleClosed\"}}");

        assertThat(subscriptionArn).startsWith(topicArn + ":");
        assertThat(messageId).isNotBlank();
        List<Message> received = stack.drain(queue);
        assertThat(received).extracting(Message::body).containsExactly("{\"ticks\":3}");
        Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> attributes =
                received.getFirst().messageAttributes();
        assertThat(attributes.get("eventType").stringValue()).isEqualTo("TicksAccepted");
        assertThat(attributes.get("count").dataType()).isEqualTo("Number");
        assertThat(attributes.get("count").stringValue()).isEqualTo("3");
        assertThat(attributes.get("venues").stringValue()).isEqualTo("[\"XNAS\"]");

        JsonNode topics = cli("sns", "list-topics").get("Topics");
        assertThat(topics.findValuesAsText("TopicArn")).contains(topicArn);
        JsonNode topicAttributes =
                cli("sns", "get-topic-attributes", "--topic-arn", topicArn).get("Attributes");
        assertThat(topicAttributes.get("SubscriptionsConfirmed").asText()).isEqualTo("1");
        JsonNode subscriptions = cli("sns", "list-subscriptions-by-topic", "--topic-arn", topicArn)
                .get("Subscriptions");
        assertThat(subscriptions.findValuesAsText("Endpoint")).containsExactly(queue.arn());

        Run missing = aws("sns", "publish", "--topic-arn", topicArn + "-missing", "--message", "x");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("NotFound").contains("Topic does not exist");
    }

    @Test
    void boto3PublishesBatchesFilteredOnTheBodyAndSeesTypedErrors() throws Exception {
        SnsTestStack.Queue queue = stack.createQueue("boto3");
        Path script = work.resolve("boto3_roundtrip.py");
        try (InputStream in = getClass().getResourceAsStream("/sns/boto3_roundtrip.py")) {
            assertThat(in).as("the boto3 script on the test class path").isNotNull();
            Files.copy(in, script);
        }

        Run run = run(
                List.of(
                        PYTHON.toString(),
                        script.toString(),
                        stack.sns.endpoint().toString(),
                        queue.arn(),
                        SnsTestStack.unique("boto3-ticks")),
                work);

        assertThat(run.exitCode()).as("boto3 script failed: %s", run.stderr()).isZero();
        JsonNode result = JSON.readTree(run.stdout());
        List<String> successful = new ArrayList<>();
        result.get("successful").forEach(id -> successful.add(id.asText()));
        assertThat(successful).containsExactly("cheap-trade", "dear-trade", "quote");
        assertThat(result.get("failed").get("bad-attribute").asText()).isEqualTo("ParameterValueInvalid");
        assertThat(result.get("missingTopicError").asText()).isEqualTo("NotFound");
        assertThat(result.get("subscriptionAttributes").get("FilterPolicyScope").asText())
                .isEqualTo("MessageBody");
        assertThat(result.get("tags").get(0).get("Key").asText()).isEqualTo("team");

        // Only the trades above 100 pass the body policy: the batch's dear trade and the single publish.
        List<JsonNode> envelopes = new ArrayList<>();
        for (Message message : stack.drain(queue)) {
            envelopes.add(JSON.readTree(message.body()));
        }
        assertThat(envelopes)
                .extracting(envelope -> envelope.get("MessageId").asText())
                .containsExactlyInAnyOrder(
                        result.get("dearTradeId").asText(),
                        result.get("singleId").asText());
        JsonNode single = envelopes.stream()
                .filter(envelope -> envelope.get("MessageId")
                        .asText()
                        .equals(result.get("singleId").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(single.get("Subject").asText()).isEqualTo("Trade");
        assertThat(single.get("TopicArn").asText())
                .isEqualTo(result.get("topicArn").asText());
        assertThat(single.get("MessageAttributes").get("blob").get("Type").asText())
                .isEqualTo("Binary");
        assertThat(single.get("MessageAttributes").get("blob").get("Value").asText())
                .isEqualTo("AAE=");
        assertThat(SqsFanoutTest.verifies(single, "SHA1withRSA")).isTrue();
    }

    private JsonNode cli(String... arguments) throws Exception {
        Run run = aws(arguments);
        assertThat(run.exitCode())
                .as("aws %s failed: %s", String.join(" ", arguments), run.stderr())
                .isZero();
        return JSON.readTree(run.stdout());
    }

    private Run aws(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                AWS.toString(),
                "--endpoint-url",
                stack.sns.endpoint().toString(),
                "--output",
                "json",
                "--no-cli-pager"));
        command.addAll(List.of(arguments));
        return run(command, work);
    }

    private static Run run(List<String> command, Path directory) throws Exception {
        Path stdout = Files.createTempFile("sns-process", ".out");
        Path stderr = Files.createTempFile("sns-process", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Map<String, String> env = builder.environment();
            // Nothing from this machine's AWS or Python set-up may leak in: only what the test means.
            env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("PYTHON"));
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_DEFAULT_REGION", SnsTestStack.REGION);
            env.put("AWS_CONFIG_FILE", directory.resolve("no-aws-config").toString());
            env.put(
                    "AWS_SHARED_CREDENTIALS_FILE",
                    directory.resolve("no-aws-credentials").toString());
            env.put("AWS_PAGER", "");
            Process process = builder.start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not finish within 90 s", command);
            }
            return new Run(
                    process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            delete(stdout);
            delete(stderr);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temp file left behind harms nothing.
        }
    }
}

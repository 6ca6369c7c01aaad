package io.tickflow.localaws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

class SqsFanoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SnsTestStack stack;

    @BeforeAll
    static void start() {
        stack = new SnsTestStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void publishReachesEverySubscribedQueueBeforeItReturns() {
        String topic = stack.createTopic("fanout");
        List<SnsTestStack.Queue> queues =
                List.of(stack.createQueue("a"), stack.createQueue("b"), stack.createQueue("c"));
        queues.forEach(queue -> stack.subscribe(topic, queue, Map.of("RawMessageDelivery", "true")));
        SnsTestStack.Queue unsubscribed = stack.createQueue("unsubscribed");

        String messageId = stack.snsClient
                .publish(r -> r.topicArn(topic).message("tick 1"))
                .messageId();

        assertThat(messageId).matches("[0-9a-f-]{36}");
        for (SnsTestStack.Queue queue : queues) {
            // No waiting: the deliveries are in the queues by the time Publish has answered.
            assertThat(stack.receive(queue, 0)).extracting(Message::body).containsExactly("tick 1");
        }
        stack.assertStaysEmpty(unsubscribed);
    }

    @Test
    void envelopeCarriesEveryNotificationFieldAndAVerifiableSignature() throws Exception {
        String topic = stack.createTopic("envelope");
        SnsTestStack.Queue queue = stack.createQueue("enveloped");
        String subscriptionArn = stack.subscribe(topic, queue, Map.of());
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        String messageId = stack.snsClient
                .publish(r -> r.topicArn(topic)
                        .subject("Quote update")
                        .message("{\"symbol\":\"AAPL\",\"bid\":1.5}")
                        .messageAttributes(Map.of(
                                "eventType", string("QuoteUpdated"),
                                "size",
                                        MessageAttributeValue.builder()
                                                .dataType("Number")
                                                .stringValue("42")
                                                .build())))
                .messageId();

        List<Message> received = stack.receive(queue, 0);
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().messageAttributes())
                .as("envelope delivery adds no SQS attributes")
                .isEmpty();
        JsonNode envelope = JSON.readTree(received.getFirst().body());
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("MessageId").asText()).isEqualTo(messageId);
        assertThat(envelope.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(envelope.get("Subject").asText()).isEqualTo("Quote update");
        assertThat(envelope.get("Message").asText()).isEqualTo("{\"symbol\":\"AAPL\",\"bid\":1.5}");
        assertThat(envelope.get("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(Instant.parse(envelope.get("Timestamp").asText())).isBetween(before, Instant.now());
        assertThat(envelope.get("SignatureVersion").asText()).isEqualTo("1");
        assertThat(envelope.get("UnsubscribeURL").asText())
                .startsWith(stack.sns.endpoint() + "/?Action=Unsubscribe&SubscriptionArn=")
                .contains(subscriptionArn.replace(":", "%3A"));
        assertThat(envelope.get("MessageAttributes")
                        .get("eventType")
                        .get("Type")
                        .asText())
                .isEqualTo("String");
        assertThat(envelope.get("MessageAttributes")
                        .get("eventType")
                        .get("Value")
                        .asText())
                .isEqualTo("QuoteUpdated");
        assertThat(envelope.get("MessageAttributes").get("size").get("Type").asText())
                .isEqualTo("Number");
        assertThat(envelope.get("MessageAttributes").get("size").get("Value").asText())
                .isEqualTo("42");
        assertThat(verifies(envelope, "SHA1withRSA")).isTrue();
    }

    @Test
    void signatureVersion2SignsWithSha256AndATamperedMessageFailsVerification() throws Exception {
        String topic = stack.createTopic("signed");
        stack.snsClient.setTopicAttributes(
                r -> r.topicArn(topic).attributeName("SignatureVersion").attributeValue("2"));
        SnsTestStack.Queue queue = stack.createQueue("signed");
        stack.subscribe(topic, queue, Map.of());

        stack.snsClient.publish(r -> r.topicArn(topic).message("signed body"));

        JsonNode envelope = JSON.readTree(stack.receive(queue, 0).getFirst().body());
        assertThat(envelope.get("SignatureVersion").asText()).isEqualTo("2");
        assertThat(envelope.has("Subject")).isFalse();
        assertThat(verifies(envelope, "SHA256withRSA")).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) envelope).put("Message", "forged body");
        assertThat(verifies(envelope, "SHA256withRSA")).isFalse();
    }

    @Test
    void rawDeliveryCarriesSnsAttributesAsSqsAttributes() {
        String topic = stack.createTopic("raw");
        SnsTestStack.Queue queue = stack.createQueue("raw");
        stack.subscribe(topic, queue, Map.of("RawMessageDelivery", "true"));
        byte[] payload = {0, 1, 2, (byte) 0xff};

        stack.snsClient.publish(r -> r.topicArn(topic)
                .message("{\"price\":101.25}")
                .messageAttributes(Map.of(
                        "eventType", string("TicksAccepted"),
                        "count",
                                MessageAttributeValue.builder()
                                        .dataType("Number")
                                        .stringValue("250")
                                        .build(),
                        "checksum",
                                MessageAttributeValue.builder()
                                        .dataType("Binary")
                                        .binaryValue(SdkBytes.fromByteArray(payload))
                                        .build(),
                        "venues",
                                MessageAttributeValue.builder()
                                        .dataType("String.Array")
                                        .stringValue("[\"XNAS\",\"XNYS\"]")
                                        .build())));

        Message message = stack.receive(queue, 0).getFirst();
        assertThat(message.body()).isEqualTo("{\"price\":101.25}");
        var attributes = message.messageAttributes();
        assertThat(attributes.get("eventType").dataType()).isEqualTo("String");
        assertThat(attributes.get("eventType").stringValue()).isEqualTo("TicksAccepted");
        assertThat(attributes.get("count").dataType()).isEqualTo("Number");
        assertThat(attributes.get("count").stringValue()).isEqualTo("250");
        assertThat(attributes.get("checksum").dataType()).isEqualTo("Binary");
        assertThat(attributes.get("checksum").binaryValue().asByteArray()).isEqualTo(payload);
        assertThat(attributes.get("venues").dataType())
                .as("String.Array arrives as String")
                .isEqualTo("String");
        assertThat(attributes.get("venues").stringValue()).isEqualTo("[\"XNAS\",\"XNYS\"]");
    }

    @Test
    void messageStructureJsonGivesQueuesTheirSqsEntry() throws Exception {
        String topic = stack.createTopic("structured");
        SnsTestStack.Queue raw = stack.createQueue("structured-raw");
        SnsTestStack.Queue enveloped = stack.createQueue("structured-envelope");
        stack.subscribe(topic, raw, Map.of("RawMessageDelivery", "true"));
        stack.subscribe(topic, enveloped, Map.of());

        stack.snsClient.publish(r -> r.topicArn(topic)
                .messageStructure("json")
                .message("{\"default\":\"for everyone\",\"sqs\":\"for queues\",\"http\":\"for web hooks\"}"));

        assertThat(stack.receive(raw, 0)).extracting(Message::body).containsExactly("for queues");
        JsonNode envelope = JSON.readTree(stack.receive(enveloped, 0).getFirst().body());
        assertThat(envelope.get("Message").asText()).isEqualTo("for queues");
    }

    @Test
    void aDeletedQueueWithRedrivePolicySendsTheMessageToTheDeadLetterQueue() {
        String topic = stack.createTopic("redrive");
        SnsTestStack.Queue doomed = stack.createQueue("doomed");
        SnsTestStack.Queue deadLetters = stack.createQueue("dead-letters");
        stack.subscribe(
                topic,
                doomed,
                Map.of(
                        "RawMessageDelivery",
                        "true",
                        "RedrivePolicy",
                        "{\"deadLetterTargetArn\":\"" + deadLetters.arn() + "\"}"));
        stack.snsClient.publish(r -> r.topicArn(topic).message("first"));
        assertThat(stack.receive(doomed, 0)).extracting(Message::body).containsExactly("first");

        stack.sqsClient.deleteQueue(r -> r.queueUrl(doomed.url()));
        stack.snsClient.publish(r -> r.topicArn(topic).message("second"));

        assertThat(stack.receive(deadLetters, 0)).extracting(Message::body).containsExactly("second");
    }

    @Test
    void aDeletedQueueWithoutRedrivePolicyDoesNotFailThePublishOrOtherSubscribers() {
        String topic = stack.createTopic("gone");
        SnsTestStack.Queue gone = stack.createQueue("gone");
        SnsTestStack.Queue alive = stack.createQueue("alive");
        stack.subscribe(topic, gone, Map.of("RawMessageDelivery", "true"));
        stack.subscribe(topic, alive, Map.of("RawMessageDelivery", "true"));
        stack.sqsClient.deleteQueue(r -> r.queueUrl(gone.url()));

        String messageId = stack.snsClient
                .publish(r -> r.topicArn(topic).message("still delivered"))
                .messageId();

        assertThat(messageId).isNotBlank();
        assertThat(stack.receive(alive, 0)).extracting(Message::body).containsExactly("still delivered");
    }

    @Test
    void anUnsubscribedQueueReceivesNothingMore() {
        String topic = stack.createTopic("unsubscribe");
        SnsTestStack.Queue queue = stack.createQueue("unsubscribe");
        String subscription = stack.subscribe(topic, queue, Map.of("RawMessageDelivery", "true"));
        stack.snsClient.unsubscribe(r -> r.subscriptionArn(subscription));

        stack.snsClient.publish(r -> r.topicArn(topic).message("after unsubscribe"));

        stack.assertStaysEmpty(queue);
    }

    @Test
    void visitingTheUnsubscribeUrlOfAnEnvelopeEndsTheSubscription() throws Exception {
        String topic = stack.createTopic("unsubscribe-url");
        SnsTestStack.Queue queue = stack.createQueue("unsubscribe-url");
        String subscription = stack.subscribe(topic, queue, Map.of());
        stack.snsClient.publish(r -> r.topicArn(topic).message("one"));
        JsonNode envelope = JSON.readTree(stack.receive(queue, 0).getFirst().body());

        HttpResponse<String> visit;
        try (HttpClient client = HttpClient.newHttpClient()) {
            visit = client.send(
                    HttpRequest.newBuilder(
                                    URI.create(envelope.get("UnsubscribeURL").asText()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertThat(visit.statusCode()).isEqualTo(200);
        assertThat(visit.body()).contains("<UnsubscribeResponse");
        assertThat(stack.snsClient
                        .listSubscriptionsByTopic(r -> r.topicArn(topic))
                        .subscriptions())
                .extracting(software.amazon.awssdk.services.sns.model.Subscription::subscriptionArn)
                .doesNotContain(subscription);
        assertThat(stack.snsClient.getTopicAttributes(r -> r.topicArn(topic)).attributes())
                .containsEntry("SubscriptionsDeleted", "1");
    }

    static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    /** Verifies an envelope as an SNS subscriber does: the certificate from SigningCertURL, SNS's string to sign. */
    static boolean verifies(JsonNode envelope, String algorithm) throws Exception {
        HttpResponse<byte[]> pem;
        try (HttpClient client = HttpClient.newHttpClient()) {
            pem = client.send(
                    HttpRequest.newBuilder(
                                    URI.create(envelope.get("SigningCertURL").asText()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        assertThat(pem.statusCode()).isEqualTo(200);
        X509Certificate certificate = (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem.body()));
        certificate.checkValidity();
        StringBuilder toSign = new StringBuilder();
        List<String> fields = envelope.get("Type").asText().equals("Notification")
                ? List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
                : List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
        for (String field : fields) {
            if (envelope.has(field)) {
                toSign.append(field)
                        .append('\n')
                        .append(envelope.get(field).asText())
                        .append('\n');
            }
        }
        Signature signature = Signature.getInstance(algorithm);
        signature.initVerify(certificate.getPublicKey());
        signature.update(toSign.toString().getBytes(StandardCharsets.UTF_8));
        return signature.verify(
                Base64.getDecoder().decode(envelope.get("Signature").asText()));
    }
}

package io.tickflow.localaws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;

class TopicAndSubscriptionApiTest {

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
    void createTopicIsIdempotentAndRefusesConflictingAttributes() {
        String name = SnsTestStack.unique("orders");

        String first = stack.snsClient
                .createTopic(r -> r.name(name).attributes(Map.of("DisplayName", "Orders")))
                .topicArn();
        String second = stack.snsClient.createTopic(r -> r.name(name)).topicArn();

        assertThat(first)
                .isEqualTo("arn:aws:sns:us-east-1:000000000000:" + name)
                .isEqualTo(second);
        assertThatThrownBy(() -> stack.snsClient.createTopic(
                        r -> r.name(name).attributes(Map.of("DisplayName", "Something else"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Topic already exists with different attributes");
    }

    @Test
    void refusesInvalidTopicNamesAndFifoTopics() {
        assertThatThrownBy(() -> stack.snsClient.createTopic(r -> r.name("has space")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> stack.snsClient.createTopic(r -> r.name("ticks.fifo")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("FIFO");
    }

    @Test
    void topicAttributesReportWhatWasSetAndCountSubscriptions() {
        String topic = stack.createTopic("attributes");
        stack.snsClient.setTopicAttributes(
                r -> r.topicArn(topic).attributeName("DisplayName").attributeValue("Ticks & quotes <live>"));
        stack.subscribe(topic, stack.createQueue("counted"), Map.of());
        stack.snsClient.subscribe(r -> r.topicArn(topic).protocol("http").endpoint("http://127.0.0.1:9/never-answers"));

        Map<String, String> attributes =
                stack.snsClient.getTopicAttributes(r -> r.topicArn(topic)).attributes();

        assertThat(attributes)
                .containsEntry("TopicArn", topic)
                .containsEntry("DisplayName", "Ticks & quotes <live>")
                .containsEntry("Owner", "000000000000")
                .containsEntry("SubscriptionsConfirmed", "1")
                .containsEntry("SubscriptionsPending", "1")
                .containsEntry("SubscriptionsDeleted", "0")
                .containsKeys("Policy", "EffectiveDeliveryPolicy");
        assertThat(attributes.get("Policy")).contains(topic);
        assertThatThrownBy(() -> stack.snsClient.setTopicAttributes(
                        r -> r.topicArn(topic).attributeName("NoSuchAttribute").attributeValue("x")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void listTopicsPagesThroughEveryTopic() {
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            created.add(stack.createTopic("paged"));
        }

        var pages = stack.snsClient.listTopicsPaginator(r -> {}).stream().toList();
        List<String> listed = pages.stream()
                .flatMap(page -> page.topics().stream())
                .map(Topic::topicArn)
                .toList();

        assertThat(pages.size()).isGreaterThan(1);
        assertThat(pages.getFirst().topics()).hasSize(100);
        assertThat(listed).doesNotHaveDuplicates().containsAll(created);
    }

    @Test
    void deletingATopicRemovesItAndItsSubscriptions() {
        String topic = stack.createTopic("deleted");
        String subscription = stack.subscribe(topic, stack.createQueue("orphan"), Map.of());

        stack.snsClient.deleteTopic(r -> r.topicArn(topic));

        assertThatThrownBy(() -> stack.snsClient.getTopicAttributes(r -> r.topicArn(topic)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stack.snsClient.getSubscriptionAttributes(r -> r.subscriptionArn(subscription)))
                .isInstanceOf(NotFoundException.class);
        stack.snsClient.deleteTopic(r -> r.topicArn(topic)); // deleting again succeeds, as on AWS
    }

    @Test
    void subscribeIsIdempotentForTheSameEndpointAndAttributes() {
        String topic = stack.createTopic("idempotent");
        SnsTestStack.Queue queue = stack.createQueue("idempotent");
        Map<String, String> attributes = Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"a\": [\"b\"]}");

        String first = stack.subscribe(topic, queue, attributes);
        String again =
                stack.subscribe(topic, queue, Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"a\":[\"b\"]}"));

        assertThat(again).isEqualTo(first).startsWith(topic + ":");
        assertThat(stack.snsClient
                        .listSubscriptionsByTopic(r -> r.topicArn(topic))
                        .subscriptions())
                .extracting(Subscription::subscriptionArn, Subscription::protocol, Subscription::endpoint)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, "sqs", queue.arn()));
        assertThatThrownBy(() -> stack.subscribe(topic, queue, Map.of("RawMessageDelivery", "false")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("already exists with different attributes");
    }

    @Test
    void subscriptionAttributesCanBeReadAndChanged() {
        String topic = stack.createTopic("sub-attributes");
        SnsTestStack.Queue queue = stack.createQueue("sub-attributes");
        String arn = stack.subscribe(topic, queue, Map.of("FilterPolicy", "{\"eventType\":[\"TicksAccepted\"]}"));

        stack.snsClient.setSubscriptionAttributes(
                r -> r.subscriptionArn(arn).attributeName("RawMessageDelivery").attributeValue("true"));
        Map<String, String> attributes = stack.snsClient
                .getSubscriptionAttributes(r -> r.subscriptionArn(arn))
                .attributes();

        assertThat(attributes)
                .containsEntry("SubscriptionArn", arn)
                .containsEntry("TopicArn", topic)
                .containsEntry("Protocol", "sqs")
                .containsEntry("Endpoint", queue.arn())
                .containsEntry("PendingConfirmation", "false")
                .containsEntry("RawMessageDelivery", "true")
                .containsEntry("FilterPolicy", "{\"eventType\":[\"TicksAccepted\"]}")
                .containsEntry("FilterPolicyScope", "MessageAttributes");
        assertThat(stack.snsClient.listSubscriptions().subscriptions())
                .extracting(Subscription::subscriptionArn)
                .contains(arn);
    }

    @Test
    void aBadFilterPolicyIsAnInvalidParameterWithTheReason() {
        String topic = stack.createTopic("bad-policy");
        SnsTestStack.Queue queue = stack.createQueue("bad-policy");

        assertThatThrownBy(() ->
                        stack.subscribe(topic, queue, Map.of("FilterPolicy", "{\"price\":[{\"numeric\":[\">\"]}]}")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid parameter: FilterPolicy:")
                .satisfies(e -> assertThat(((SnsException) e).statusCode()).isEqualTo(400));
        String arn = stack.subscribe(topic, queue, Map.of());
        assertThatThrownBy(() -> stack.snsClient.setSubscriptionAttributes(r -> r.subscriptionArn(arn)
                        .attributeName("FilterPolicy")
                        .attributeValue("{\"nested\":{\"key\":[\"value\"]}}")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("does not support nested filter policy");
    }

    @Test
    void publishingToAnUnknownTopicIsNotFound() {
        assertThatThrownBy(() ->
                        stack.snsClient.publish(r -> r.topicArn("arn:aws:sns:us-east-1:000000000000:no-such-topic")
                                .message("x")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Topic does not exist")
                .satisfies(e -> assertThat(((SnsException) e).statusCode()).isEqualTo(404));
        assertThatThrownBy(() ->
                        stack.snsClient.publish(r -> r.topicArn("not-an-arn").message("x")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void publishRefusesWhatSnsRefuses() {
        String topic = stack.createTopic("validation");

        assertThatThrownBy(() -> stack.snsClient.publish(r -> r.topicArn(topic).message("x".repeat(256 * 1024 + 1))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Message too long");
        assertThatThrownBy(() -> stack.snsClient.publish(r -> r.topicArn(topic).message("")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Empty message");
        assertThatThrownBy(() -> stack.snsClient.publish(r ->
                        r.topicArn(topic).message("x").messageAttributes(Map.of("price", attribute("Number", "1,5")))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Could not cast message attribute 'price' value to number");
        assertThatThrownBy(() -> stack.snsClient.publish(r -> r.topicArn(topic)
                        .message("x")
                        .messageAttributes(Map.of("AWS.reserved", attribute("String", "v")))))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> stack.snsClient.publish(r -> r.topicArn(topic)
                        .message("x")
                        .messageAttributes(Map.of("list", attribute("String.Array", "not an array")))))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> stack.snsClient.publish(
                        r -> r.topicArn(topic).message("x").subject("line\nbreak")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> stack.snsClient.publish(
                        r -> r.topicArn(topic).messageStructure("json").message("{\"sqs\":\"no default\"}")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("No default entry");
        // A message of exactly the limit is accepted.
        assertThat(stack.snsClient
                        .publish(r -> r.topicArn(topic).message("x".repeat(256 * 1024)))
                        .messageId())
                .isNotBlank();
    }

    @Test
    void tagsAreKeptPerTopic() {
        String topic = stack.createTopic("tagged");

        stack.snsClient.tagResource(r -> r.resourceArn(topic)
                .tags(
                        Tag.builder().key("team").value("ingest").build(),
                        Tag.builder().key("tier").value("1").build()));
        stack.snsClient.untagResource(r -> r.resourceArn(topic).tagKeys("tier"));

        assertThat(stack.snsClient
                        .listTagsForResource(r -> r.resourceArn(topic))
                        .tags())
                .containsExactly(Tag.builder().key("team").value("ingest").build());
    }

    private static MessageAttributeValue attribute(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }
}

package io.tickflow.localaws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Each filter operator SNS supports, end to end: one message, one queue whose policy admits it and one whose policy
 * turns it away.
 */
class FilterPolicyDeliveryTest {

    private static SnsTestStack stack;

    @BeforeAll
    static void start() {
        stack = new SnsTestStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** The attributes of the order message most cases publish. */
    private static Map<String, MessageAttributeValue> order() {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("store", string("example_corp"));
        attributes.put("event", string("order-placed"));
        attributes.put("price", number("120.5"));
        attributes.put("quantity", number("3"));
        attributes.put(
                "interests",
                MessageAttributeValue.builder()
                        .dataType("String.Array")
                        .stringValue("[\"rugby\",\"tennis\"]")
                        .build());
        return attributes;
    }

    static Stream<Arguments> attributePolicies() {
        return Stream.of(
                Arguments.of("exact string", "{\"store\":[\"example_corp\"]}", "{\"store\":[\"other_corp\"]}"),
                Arguments.of("exact number", "{\"quantity\":[3]}", "{\"quantity\":[4]}"),
                Arguments.of("string is not a number", "{\"store\":[\"example_corp\"]}", "{\"price\":[\"120.5\"]}"),
                Arguments.of(
                        "prefix", "{\"event\":[{\"prefix\":\"order-\"}]}", "{\"event\":[{\"prefix\":\"refund-\"}]}"),
                Arguments.of(
                        "suffix",
                        "{\"event\":[{\"suffix\":\"-placed\"}]}",
                        "{\"event\":[{\"suffix\":\"-cancelled\"}]}"),
                Arguments.of(
                        "anything-but",
                        "{\"store\":[{\"anything-but\":[\"other_corp\",\"third_corp\"]}]}",
                        "{\"store\":[{\"anything-but\":\"example_corp\"}]}"),
                Arguments.of(
                        "anything-but prefix",
                        "{\"event\":[{\"anything-but\":{\"prefix\":\"refund-\"}}]}",
                        "{\"event\":[{\"anything-but\":{\"prefix\":\"order-\"}}]}"),
                Arguments.of(
                        "numeric range",
                        "{\"price\":[{\"numeric\":[\">\",100,\"<=\",150]}]}",
                        "{\"price\":[{\"numeric\":[\">=\",0,\"<\",100]}]}"),
                Arguments.of("exists true", "{\"store\":[{\"exists\":true}]}", "{\"coupon\":[{\"exists\":true}]}"),
                Arguments.of("exists false", "{\"coupon\":[{\"exists\":false}]}", "{\"store\":[{\"exists\":false}]}"),
                Arguments.of(
                        "equals-ignore-case",
                        "{\"store\":[{\"equals-ignore-case\":\"EXAMPLE_Corp\"}]}",
                        "{\"store\":[{\"equals-ignore-case\":\"OTHER_corp\"}]}"),
                Arguments.of(
                        "$or",
                        "{\"$or\":[{\"store\":[\"nobody\"]},{\"price\":[{\"numeric\":[\">\",100]}]}]}",
                        "{\"$or\":[{\"store\":[\"nobody\"]},{\"price\":[{\"numeric\":[\"<\",100]}]}]}"),
                Arguments.of("String.Array element", "{\"interests\":[\"tennis\"]}", "{\"interests\":[\"golf\"]}"),
                Arguments.of(
                        "every key must match",
                        "{\"store\":[\"example_corp\"],\"quantity\":[{\"numeric\":[\"<\",10]}]}",
                        "{\"store\":[\"example_corp\"],\"quantity\":[{\"numeric\":[\">\",10]}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributePolicies")
    void attributePolicyDeliversOnlyToTheAdmittingQueue(String operator, String admitting, String rejecting) {
        String topic = stack.createTopic("filter");
        SnsTestStack.Queue admitted = stack.createQueue("admitted");
        SnsTestStack.Queue rejected = stack.createQueue("rejected");
        stack.subscribe(topic, admitted, Map.of("RawMessageDelivery", "true", "FilterPolicy", admitting));
        stack.subscribe(topic, rejected, Map.of("RawMessageDelivery", "true", "FilterPolicy", rejecting));

        stack.snsClient.publish(r -> r.topicArn(topic).message(operator).messageAttributes(order()));

        assertThat(stack.receive(admitted, 0)).extracting(Message::body).containsExactly(operator);
        stack.assertStaysEmpty(rejected);
    }

    @Test
    void messageBodyPolicyMatchesTheJsonBody() {
        String topic = stack.createTopic("body");
        SnsTestStack.Queue admitted = stack.createQueue("body-admitted");
        SnsTestStack.Queue rejected = stack.createQueue("body-rejected");
        stack.subscribe(
                topic,
                admitted,
                Map.of(
                        "RawMessageDelivery", "true",
                        "FilterPolicyScope", "MessageBody",
                        "FilterPolicy", "{\"order\":{\"state\":[\"placed\"],\"total\":[{\"numeric\":[\">\",100]}]}}"));
        stack.subscribe(
                topic,
                rejected,
                Map.of(
                        "RawMessageDelivery", "true",
                        "FilterPolicyScope", "MessageBody",
                        "FilterPolicy", "{\"order\":{\"state\":[\"cancelled\"]}}"));
        String body = "{\"order\":{\"state\":\"placed\",\"total\":120}}";

        // The attributes say "cancelled": a body-scope policy must not look at them.
        stack.snsClient.publish(
                r -> r.topicArn(topic).message(body).messageAttributes(Map.of("order.state", string("cancelled"))));

        assertThat(stack.receive(admitted, 0)).extracting(Message::body).containsExactly(body);
        stack.assertStaysEmpty(rejected);
    }

    @Test
    void messageBodyPolicyAdmitsNoBodyThatIsNotJson() {
        String topic = stack.createTopic("not-json");
        SnsTestStack.Queue filtered = stack.createQueue("body-filtered");
        SnsTestStack.Queue unfiltered = stack.createQueue("unfiltered");
        stack.subscribe(
                topic,
                filtered,
                Map.of("FilterPolicyScope", "MessageBody", "FilterPolicy", "{\"state\":[{\"exists\":false}]}"));
        stack.subscribe(topic, unfiltered, Map.of("RawMessageDelivery", "true"));

        stack.snsClient.publish(r -> r.topicArn(topic).message("state=placed"));

        assertThat(stack.receive(unfiltered, 0)).extracting(Message::body).containsExactly("state=placed");
        stack.assertStaysEmpty(filtered);
    }

    @Test
    void existsFalseAdmitsNoMessageWithoutAttributes() {
        // SNS documents this: "exists": false only matches when the message has at least one attribute.
        String topic = stack.createTopic("no-attributes");
        SnsTestStack.Queue withoutCoupon = stack.createQueue("without-coupon");
        stack.subscribe(
                topic,
                withoutCoupon,
                Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"coupon\":[{\"exists\":false}]}"));

        stack.snsClient.publish(r -> r.topicArn(topic).message("bare"));
        stack.assertStaysEmpty(withoutCoupon);

        stack.snsClient.publish(r -> r.topicArn(topic)
                .message("with attributes")
                .messageAttributes(Map.of("store", string("example_corp"))));
        assertThat(stack.receive(withoutCoupon, 0)).extracting(Message::body).containsExactly("with attributes");
    }

    @Test
    void binaryAttributesAreIgnoredByPolicies() {
        String topic = stack.createTopic("binary");
        SnsTestStack.Queue queue = stack.createQueue("binary");
        stack.subscribe(
                topic, queue, Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"blob\":[{\"exists\":true}]}"));

        stack.snsClient.publish(r -> r.topicArn(topic)
                .message("binary only")
                .messageAttributes(Map.of(
                        "blob",
                        MessageAttributeValue.builder()
                                .dataType("Binary")
                                .binaryValue(SdkBytes.fromUtf8String("x"))
                                .build())));

        stack.assertStaysEmpty(queue);
    }

    @Test
    void changingTheFilterPolicyChangesWhatArrives() {
        String topic = stack.createTopic("refilter");
        SnsTestStack.Queue queue = stack.createQueue("refilter");
        String subscription = stack.subscribe(
                topic, queue, Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"store\":[\"other_corp\"]}"));
        stack.snsClient.publish(r -> r.topicArn(topic).message("before").messageAttributes(order()));

        stack.snsClient.setSubscriptionAttributes(r -> r.subscriptionArn(subscription)
                .attributeName("FilterPolicy")
                .attributeValue("{\"store\":[\"example_corp\"]}"));
        stack.snsClient.publish(r -> r.topicArn(topic).message("after").messageAttributes(order()));

        assertThat(stack.drain(queue)).extracting(Message::body).containsExactly("after");
    }

    static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder()
                .dataType("Number")
                .stringValue(value)
                .build();
    }
}

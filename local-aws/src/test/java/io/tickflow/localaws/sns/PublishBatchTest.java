package io.tickflow.localaws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;
import software.amazon.awssdk.services.sqs.model.Message;

class PublishBatchTest {

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
    void aFullBatchReachesEachQueueInOrderWithOnlyTheEntriesItsPolicyAdmits() {
        String topic = stack.createTopic("batch");
        SnsTestStack.Queue everything = stack.createQueue("everything");
        SnsTestStack.Queue trades = stack.createQueue("trades");
        stack.subscribe(topic, everything, Map.of("RawMessageDelivery", "true"));
        stack.subscribe(
                topic, trades, Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"dataset\":[\"trades\"]}"));
        List<PublishBatchRequestEntry> entries = IntStream.range(0, 10)
                .mapToObj(i -> PublishBatchRequestEntry.builder()
                        .id("tick-" + i)
                        .message("tick " + i)
                        .messageAttributes(Map.of("dataset", string(i % 2 == 0 ? "trades" : "quotes")))
                        .build())
                .toList();

        PublishBatchResponse response =
                stack.snsClient.publishBatch(r -> r.topicArn(topic).publishBatchRequestEntries(entries));

        assertThat(response.failed()).isEmpty();
        assertThat(response.successful())
                .extracting(PublishBatchResultEntry::id)
                .containsExactlyElementsOf(
                        entries.stream().map(PublishBatchRequestEntry::id).toList());
        assertThat(response.successful())
                .extracting(PublishBatchResultEntry::messageId)
                .doesNotHaveDuplicates();
        assertThat(stack.drain(everything))
                .extracting(Message::body)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 10).mapToObj(i -> "tick " + i).toList());
        assertThat(stack.drain(trades))
                .extracting(Message::body)
                .containsExactlyInAnyOrder("tick 0", "tick 2", "tick 4", "tick 6", "tick 8");
    }

    @Test
    void invalidEntriesFailAloneWhileTheOthersAreDelivered() {
        String topic = stack.createTopic("partial");
        SnsTestStack.Queue queue = stack.createQueue("partial");
        stack.subscribe(topic, queue, Map.of("RawMessageDelivery", "true"));

        PublishBatchResponse response = stack.snsClient.publishBatch(r -> r.topicArn(topic)
                .publishBatchRequestEntries(
                        entry("good-1", "first"),
                        PublishBatchRequestEntry.builder()
                                .id("bad-number")
                                .message("price is not a number")
                                .messageAttributes(Map.of(
                                        "price",
                                        MessageAttributeValue.builder()
                                                .dataType("Number")
                                                .stringValue("twelve")
                                                .build()))
                                .build(),
                        entry("empty", ""),
                        entry("good-2", "second")));

        assertThat(response.successful())
                .extracting(PublishBatchResultEntry::id)
                .containsExactly("good-1", "good-2");
        assertThat(response.failed())
                .extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code, BatchResultErrorEntry::senderFault)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("bad-number", "ParameterValueInvalid", true),
                        org.assertj.core.groups.Tuple.tuple("empty", "InvalidParameter", true));
        assertThat(response.failed())
                .filteredOn(failure -> failure.id().equals("bad-number"))
                .extracting(BatchResultErrorEntry::message)
                .containsExactly("Could not cast message attribute 'price' value to number.");
        assertThat(stack.drain(queue)).extracting(Message::body).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void refusesBatchesSnsRefusesWithTheirTypedExceptions() {
        String topic = stack.createTopic("refused");
        List<PublishBatchRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(entry("e" + i, "m"));
        }

        assertThatThrownBy(() ->
                        stack.snsClient.publishBatch(r -> r.topicArn(topic).publishBatchRequestEntries(eleven)))
                .isInstanceOf(TooManyEntriesInBatchRequestException.class);
        assertThatThrownBy(() -> stack.snsClient.publishBatch(
                        r -> r.topicArn(topic).publishBatchRequestEntries(entry("same", "a"), entry("same", "b"))))
                .isInstanceOf(BatchEntryIdsNotDistinctException.class);
        assertThatThrownBy(() -> stack.snsClient.publishBatch(
                        r -> r.topicArn(topic).publishBatchRequestEntries(entry("not valid!", "a"))))
                .isInstanceOf(InvalidBatchEntryIdException.class);
        assertThatThrownBy(() -> stack.snsClient.publishBatch(r -> r.topicArn(topic)
                        .publishBatchRequestEntries(
                                entry("a", "x".repeat(200 * 1024)), entry("b", "y".repeat(60 * 1024)))))
                .isInstanceOf(BatchRequestTooLongException.class);
        assertThatThrownBy(() ->
                        stack.snsClient.publishBatch(r -> r.topicArn(topic).publishBatchRequestEntries(List.of())))
                .isInstanceOf(EmptyBatchRequestException.class);
        assertThatThrownBy(() -> stack.snsClient.publishBatch(
                        r -> r.topicArn(topic + "-missing").publishBatchRequestEntries(entry("a", "x"))))
                .isInstanceOf(NotFoundException.class);
    }

    private static PublishBatchRequestEntry entry(String id, String message) {
        return PublishBatchRequestEntry.builder().id(id).message(message).build();
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}

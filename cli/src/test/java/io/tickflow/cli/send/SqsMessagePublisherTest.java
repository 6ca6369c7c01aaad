package io.tickflow.cli.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.cli.batch.TickMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * The retry and accounting rules of sending, against an SQS that fails on cue. The SQS client is the boundary here;
 * the embedded stack cannot be made to fail one entry of a batch on its side.
 */
class SqsMessagePublisherTest {

    private static final String QUEUE_URL = "http://sqs.test/000000000000/tickflow-ingest";

    /** Answers each call with {@code answer(callNumber, request)}, recording the calls and the waits. */
    private static final class ScriptedSqs implements SqsClient {

        final List<SendMessageBatchRequest> calls = Collections.synchronizedList(new ArrayList<>());
        final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        private final BiFunction<Integer, SendMessageBatchRequest, SendMessageBatchResponse> answer;

        ScriptedSqs(BiFunction<Integer, SendMessageBatchRequest, SendMessageBatchResponse> answer) {
            this.answer = answer;
        }

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            calls.add(request);
            return answer.apply(calls.size(), request);
        }

        Sleeper sleeper() {
            return sleeps::add;
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {}
    }

    private static SendMessageBatchResponse accept(SendMessageBatchRequest request, String... failingIds) {
        List<String> failing = List.of(failingIds);
        return SendMessageBatchResponse.builder()
                .successful(request.entries().stream()
                        .filter(e -> !failing.contains(e.id()))
                        .map(e -> SendMessageBatchResultEntry.builder()
                                .id(e.id())
                                .messageId("m-" + e.id())
                                .build())
                        .toList())
                .failed(failing.stream()
                        .map(id -> BatchResultErrorEntry.builder()
                                .id(id)
                                .code("InternalError")
                                .message("try again")
                                .senderFault(false)
                                .build())
                        .toList())
                .build();
    }

    private static SendMessageBatchResponse refuse(SendMessageBatchRequest request, String id) {
        return SendMessageBatchResponse.builder()
                .successful(request.entries().stream()
                        .filter(e -> !e.id().equals(id))
                        .map(e -> SendMessageBatchResultEntry.builder()
                                .id(e.id())
                                .messageId("m")
                                .build())
                        .toList())
                .failed(BatchResultErrorEntry.builder()
                        .id(id)
                        .code("InvalidParameterValue")
                        .message("too long")
                        .senderFault(true)
                        .build())
                .build();
    }

    private static List<TickMessage> messages(int count, int ticksEach) {
        return IntStream.range(0, count)
                .mapToObj(i -> new TickMessage("bitstamp", "{\"n\":" + i + "}", 100, ticksEach, i, i))
                .toList();
    }

    private static SqsMessagePublisher publisher(ScriptedSqs sqs, int maxRequestBytes, int maxAttempts) {
        return new SqsMessagePublisher(
                sqs,
                QUEUE_URL,
                new SendSettings(maxRequestBytes, 1, maxAttempts, Duration.ofMillis(200), Duration.ofSeconds(5)),
                sqs.sleeper());
    }

    private static Delivery publishAll(SqsMessagePublisher publisher, List<TickMessage> messages) {
        messages.forEach(publisher::publish);
        return publisher.finish();
    }

    @Test
    void sendsTenMessagesACallAtMostAndNoMoreBytesThanAllowed() {
        ScriptedSqs sqs = new ScriptedSqs((n, request) -> accept(request));

        Delivery tenPerCall = publishAll(publisher(sqs, 262_144, 3), messages(25, 500));

        assertThat(sqs.calls).extracting(c -> c.entries().size()).containsExactly(10, 10, 5);
        assertThat(tenPerCall.messagesSent()).isEqualTo(25);
        assertThat(tenPerCall.ticksSent()).isEqualTo(25 * 500);

        ScriptedSqs bytesBound = new ScriptedSqs((n, request) -> accept(request));
        publishAll(publisher(bytesBound, 350, 3), messages(7, 1));
        assertThat(bytesBound.calls).extracting(c -> c.entries().size()).containsExactly(3, 3, 1);
    }

    @Test
    void retriesEntriesThatFailedOnTheServiceSideWithBackoff() {
        ScriptedSqs sqs = new ScriptedSqs((n, request) -> n == 1 ? accept(request, "1", "3") : accept(request));

        Delivery delivery = publishAll(publisher(sqs, 262_144, 3), messages(5, 10));

        assertThat(sqs.calls).hasSize(2);
        assertThat(sqs.calls.get(1).entries())
                .extracting(SendMessageBatchRequestEntry::messageBody)
                .containsExactly("{\"n\":1}", "{\"n\":3}");
        assertThat(sqs.sleeps).singleElement().satisfies(d -> assertThat(d)
                .isBetween(Duration.ofMillis(100), Duration.ofMillis(200)));
        assertThat(delivery.messagesSent()).isEqualTo(5);
        assertThat(delivery.ticksFailed()).isZero();
    }

    @Test
    void countsWhatStillFailsAfterTheLastAttemptAsNotSent() {
        ScriptedSqs sqs = new ScriptedSqs((n, request) -> accept(request, "0"));

        Delivery delivery = publishAll(publisher(sqs, 262_144, 4), messages(3, 10));

        assertThat(sqs.calls).hasSize(4);
        assertThat(sqs.sleeps).hasSize(3);
        // The waits double: 200, 400, 800 ms before jitter takes up to half of each away.
        assertThat(sqs.sleeps.get(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        assertThat(delivery.messagesSent()).isEqualTo(2);
        assertThat(delivery.messagesFailed()).isEqualTo(1);
        assertThat(delivery.ticksFailed()).isEqualTo(10);
        assertThat(delivery.failureReasons()).singleElement().asString().contains("InternalError: try again");
        assertThat(delivery.stopReason()).isNull();
    }

    @Test
    void doesNotRetryWhatSqsRefusesAsTheSendersFault() {
        ScriptedSqs sqs = new ScriptedSqs((n, request) -> refuse(request, "2"));

        Delivery delivery = publishAll(publisher(sqs, 262_144, 6), messages(4, 10));

        assertThat(sqs.calls).hasSize(1);
        assertThat(sqs.sleeps).isEmpty();
        assertThat(delivery.messagesSent()).isEqualTo(3);
        assertThat(delivery.ticksFailed()).isEqualTo(10);
        assertThat(delivery.failureReasons()).singleElement().asString().contains("InvalidParameterValue");
    }

    @Test
    void retriesACallThatGotNoAnswer() {
        ScriptedSqs sqs = new ScriptedSqs((n, request) -> {
            if (n == 1) {
                throw SdkClientException.create("Connection reset");
            }
            return accept(request);
        });

        Delivery delivery = publishAll(publisher(sqs, 262_144, 3), messages(2, 10));

        assertThat(sqs.calls).hasSize(2);
        assertThat(delivery.messagesSent()).isEqualTo(2);
        assertThat(delivery.stopReason()).isNull();
    }

    @Test
    void stopsForGoodWhenTheQueueIsGoneAndCountsEverythingLeftAsNotSent() {
        ScriptedSqs sqs = new ScriptedSqs((n, request) -> {
            throw QueueDoesNotExistException.builder()
                    .message("The specified queue does not exist.")
                    .statusCode(400)
                    .build();
        });
        SqsMessagePublisher publisher = publisher(sqs, 262_144, 6);

        messages(10, 50).forEach(publisher::publish);
        publisher.publish(new TickMessage("bitstamp", "{}", 2, 7, 11, 11));
        Delivery delivery = publisher.finish();

        assertThat(sqs.calls).hasSize(1);
        assertThat(sqs.sleeps).isEmpty();
        assertThat(delivery.stopReason()).contains("does not exist");
        assertThat(delivery.messagesSent()).isZero();
        assertThat(delivery.messagesFailed()).isEqualTo(11);
        assertThat(delivery.ticksFailed()).isEqualTo(10 * 50 + 7);
    }
}

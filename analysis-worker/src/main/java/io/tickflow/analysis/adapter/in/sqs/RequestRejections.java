package io.tickflow.analysis.adapter.in.sqs;

import io.tickflow.analysis.study.AnalysisEvents;
import io.tickflow.analysis.study.StudyRunner;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.analysis.AnalysisFailed;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What becomes of a request that cannot be read. If it names its requestId (a UUID), the requester is told with an
 * AnalysisFailed {@code INVALID_REQUEST} saying what is wrong; otherwise nobody could be told, and the body goes to
 * the dead-letter queue at once with {@code rejectionCode} and {@code rejectionReason} attributes, without pointless
 * retries.
 */
public final class RequestRejections {

    private final AnalysisEvents events;
    private final SqsAsyncClient sqs;
    private final Supplier<String> deadLetterQueueUrl;
    private final Clock clock;

    public RequestRejections(
            AnalysisEvents events, SqsAsyncClient sqs, Supplier<String> deadLetterQueueUrl, Clock clock) {
        this.events = events;
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.clock = clock;
    }

    void reject(Message<String> message, JacksonException why) {
        String reason =
                "The analysis request is not a valid " + AnalysisRequest.SCHEMA + ": " + why.getOriginalMessage();
        JsonNode tree = tree(message.getPayload());
        UUID requestId = tree == null ? null : uuid(tree.path("requestId").asString(""));
        if (requestId == null) {
            sqs.sendMessage(r -> r.queueUrl(deadLetterQueueUrl.get())
                            .messageBody(message.getPayload())
                            .messageAttributes(Map.of(
                                    "rejectionCode", string("INVALID_REQUEST"),
                                    "rejectionReason",
                                            string(reason + " It names no requestId, so no one can be told."))))
                    .join();
            return;
        }
        String jobId = StudyRunner.jobId(requestId);
        events.publish(new AnalysisFailed(
                UUID.nameUUIDFromBytes((jobId + "/invalid").getBytes(StandardCharsets.UTF_8)),
                clock.instant(),
                jobId,
                requestId,
                tree.path("symbol").asString("unknown"),
                tree.path("strategy").asString("unknown"),
                "INVALID_REQUEST",
                reason));
    }

    private static @Nullable JsonNode tree(String body) {
        try {
            return ContractJson.mapper().readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static @Nullable UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notUuid) {
            return null;
        }
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}

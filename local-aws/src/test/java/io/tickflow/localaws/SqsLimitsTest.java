package io.tickflow.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.localaws.junit.LocalAwsExtension;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The embedded SQS takes and refuses message bodies as SQS does, although it tries the ranges of valid characters in
 * its own order.
 */
@ExtendWith(LocalAwsExtension.class)
class SqsLimitsTest {

    private String queueUrl;

    @BeforeEach
    void createQueue(LocalAwsClients aws) {
        queueUrl = aws.sqs()
                .createQueue(r -> r.queueName("limits-" + UUID.randomUUID()))
                .queueUrl();
    }

    @Test
    void deliversBodiesOfEveryCharacterRangeSqsAdmits(LocalAwsClients aws) {
        String body = "tab\t line\n return\r text é 中 private \uE000 last \uFFFD astral \uD83D\uDE00 end";

        aws.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));

        List<Message> received = aws.sqs()
                .receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1))
                .messages();
        assertThat(received).extracting(Message::body).containsExactly(body);
    }

    @Test
    void refusesBodiesWithCharactersSqsRefuses(LocalAwsClients aws) {
        for (String body : List.of("control \u0001 character", "non-character \uFFFE", "lone surrogate \uD83D!")) {
            assertThatThrownBy(() ->
                            aws.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body)))
                    .as(body)
                    .isInstanceOf(SqsException.class)
                    .hasMessageContaining("InvalidMessageContents");
        }
        assertThat(aws.sqs().receiveMessage(r -> r.queueUrl(queueUrl)).messages())
                .isEmpty();
    }

    @Test
    void refusesBodiesLongerThanSqsTakes(LocalAwsClients aws) {
        // SQS takes bodies of up to 1 MiB since August 2025, and so does ElasticMQ's strict mode.
        String tooLong = "x".repeat(1024 * 1024 + 1);

        assertThatThrownBy(() -> aws.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(tooLong)))
                .isInstanceOf(SqsException.class);
        aws.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody("x".repeat(1024 * 1024)));
    }
}

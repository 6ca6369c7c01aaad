package io.tickflow.notify.adapter.out.sqs;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.notify.delivery.DeadLetterSource;
import io.tickflow.notify.delivery.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Reads given-up deliveries back from {@code tickflow-notifications-dlq}. Messages there that are not deliveries
 * (events that failed to be read, moved by the redrive policy) carry no {@code deliveryId} attribute: they stay
 * where they are for a person to look at.
 */
public final class SqsDeadLetterSource implements DeadLetterSource {

    private static final int VISIBILITY_SECONDS = 120;

    private final SqsAsyncClient sqs;
    private final Supplier<String> queueUrl;

    public SqsDeadLetterSource(SqsAsyncClient sqs, Supplier<String> queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public List<DeadLetter> take(int max) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl.get())
                        .maxNumberOfMessages(Math.min(10, max))
                        .waitTimeSeconds(1)
                        .visibilityTimeout(VISIBILITY_SECONDS)
                        .messageAttributeNames("All"))
                .join()
                .messages();
        List<DeadLetter> letters = new ArrayList<>();
        for (Message message : messages) {
            if (message.messageAttributes().containsKey("deliveryId")) {
                letters.add(new DeadLetter(
                        ContractJson.mapper().readValue(message.body(), Delivery.class), message.receiptHandle()));
            }
        }
        return letters;
    }

    @Override
    public void remove(DeadLetter letter) {
        sqs.deleteMessage(r -> r.queueUrl(queueUrl.get()).receiptHandle(letter.receipt()))
                .join();
    }
}

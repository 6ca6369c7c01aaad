package io.tickflow.common.aws;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Looks a queue up with SQS GetQueueUrl, the call a listener container makes before it starts polling. */
final class QueueCheck implements ResourceCheck {

    private final SqsAsyncClient sqs;
    private final Duration timeout;

    QueueCheck(SqsAsyncClient sqs, Duration timeout) {
        this.sqs = sqs;
        this.timeout = timeout;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.QUEUE;
    }

    @Override
    public Optional<String> problem(String name) {
        try {
            sqs.getQueueUrl(r -> r.queueName(name).overrideConfiguration(o -> o.apiCallTimeout(timeout)))
                    .join();
            return Optional.empty();
        } catch (CompletionException e) {
            if (e.getCause() instanceof QueueDoesNotExistException) {
                return Optional.of(DOES_NOT_EXIST);
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}

package io.tickflow.ingest.flow;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message read from the ingest queue.
 *
 * @param messageId the SQS message id
 * @param body the body as received, or {@code null} when it had none
 */
public record IngestMessage(String messageId, @Nullable String body) {
    public IngestMessage {
        Objects.requireNonNull(messageId, "messageId");
    }
}

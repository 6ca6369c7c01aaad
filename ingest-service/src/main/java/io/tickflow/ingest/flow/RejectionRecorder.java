package io.tickflow.ingest.flow;

import io.tickflow.common.contract.ingest.TickRejected;
import java.util.List;

/** Keeps every rejected tick and message with its reason, where a person can find and replay them. */
public interface RejectionRecorder {

    /**
     * Durably records the rejections of one ingest message, or throws. Recording the same message's rejections again
     * replaces them rather than adding copies.
     *
     * @param messageId the ingest message they came from
     * @param rejections at least one
     */
    void record(String messageId, List<TickRejected> rejections);
}

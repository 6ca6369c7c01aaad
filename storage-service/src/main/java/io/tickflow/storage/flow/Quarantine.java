package io.tickflow.storage.flow;

/** Where a message goes at once when no retry could make storage-service able to store it. */
public interface Quarantine {

    /** Keeps the message as it came, with a reason code and a sentence a person can act on, and settles it. */
    void quarantine(IncomingMessage message, String code, String reason);
}

package io.tickflow.common.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact a Tickflow service announces: something that happened, with its own identity and time.
 *
 * <p>Consumers de-duplicate redeliveries on {@link #eventId()}: a producer that publishes the same fact again (after a
 * retry) publishes it with the same id.
 */
public interface ContractEvent extends ContractMessage {

    /** This event's identity, stable across redeliveries and retries of the same fact. */
    UUID eventId();

    /** When the fact happened, as seen by the service that announces it. */
    Instant occurredAt();
}

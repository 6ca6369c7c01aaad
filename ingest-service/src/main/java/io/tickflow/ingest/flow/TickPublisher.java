package io.tickflow.ingest.flow;

import io.tickflow.common.contract.ingest.TicksAccepted;
import java.util.List;

/** Publishes accepted ticks to their subscribers. */
public interface TickPublisher {

    /**
     * Publishes every event, or throws: when this returns, each of them has been accepted by the topic. A failure may
     * leave some published and others not; the caller publishes the same events again, which subscribers recognise by
     * their event ids.
     */
    void publish(List<TicksAccepted> events);
}

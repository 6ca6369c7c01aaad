package io.tickflow.storage.flow;

import io.tickflow.common.contract.market.MarketEvent;
import java.util.List;

/** Announces on the market-events topic what storage-service made durable. */
public interface MarketEventPublisher {

    /** Publishes every event, or throws: nothing is acknowledged before its events are out. */
    void publish(List<? extends MarketEvent> events);
}

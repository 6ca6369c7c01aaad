package io.tickflow.notify.adapter.in.sqs;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickflow.common.contract.ContractEvent;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.contract.market.CandleClosed;
import io.tickflow.notify.fanout.EventFanOut;
import io.tickflow.notify.fanout.PriceAlerts;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Trades, quotes and closed candles from {@code tickflow-alert-ticks}: price alerts are evaluated against them at
 * once, and subscriptions that ask for these event types by name receive them.
 */
@Component
class AlertTicksListener {

    private final PriceAlerts alerts;
    private final EventFanOut fanOut;
    private final MeterRegistry meters;

    AlertTicksListener(PriceAlerts alerts, EventFanOut fanOut, MeterRegistry meters) {
        this.alerts = alerts;
        this.fanOut = fanOut;
        this.meters = meters;
    }

    // The listener polls again only when a whole poll's worth of permits (10) is free: with 10 permits in all, one
    // message whose ticks fire alerts (claims, deliveries) held back every message behind it. 50 lets polling go on.
    @SqsListener(queueNames = "${tickflow.notify.alert-queue}", maxConcurrentMessages = "50", maxMessagesPerPoll = "10")
    void onMarketEvent(String body) {
        JsonNode tree = ContractJson.mapper().readTree(body);
        String schema = tree.path("schema").asString("");
        ContractEvent event;
        if (schema.equals(TicksAccepted.SCHEMA)) {
            event = ContractJson.mapper().treeToValue(tree, TicksAccepted.class);
        } else if (schema.equals(CandleClosed.SCHEMA)) {
            event = ContractJson.mapper().treeToValue(tree, CandleClosed.class);
        } else {
            throw new IllegalArgumentException("The alert queue carries TicksAccepted and CandleClosed, not " + schema);
        }
        meters.counter("tickflow.notify.alerts.fired")
                .increment(alerts.observe(event).size());
        NotificationsListener.count(meters, fanOut.announceMarketEvent(event));
    }
}

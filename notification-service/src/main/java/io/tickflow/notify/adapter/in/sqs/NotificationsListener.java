package io.tickflow.notify.adapter.in.sqs;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.analysis.AnalysisEvent;
import io.tickflow.notify.delivery.DeliverySummary;
import io.tickflow.notify.fanout.EventFanOut;
import org.springframework.stereotype.Component;

/**
 * Analysis outcomes from {@code tickflow-notifications} (subscribed to the analysis-results topic with a filter on
 * AnalysisCompleted and AnalysisFailed), fanned out to the subscriptions they concern. The message is acknowledged
 * once every delivery is made or given up and dead-lettered; when the delivery log or the dead letters fail, the
 * exception propagates and the message comes back, and deliveries already made are not made again.
 */
@Component
class NotificationsListener {

    private final EventFanOut fanOut;
    private final MeterRegistry meters;

    NotificationsListener(EventFanOut fanOut, MeterRegistry meters) {
        this.fanOut = fanOut;
        this.meters = meters;
    }

    @SqsListener(queueNames = "${tickflow.notify.notifications-queue}", maxConcurrentMessages = "10")
    void onOutcome(String body) {
        AnalysisEvent event = ContractJson.mapper().readValue(body, AnalysisEvent.class);
        count(meters, fanOut.announce(event));
    }

    static void count(MeterRegistry meters, DeliverySummary summary) {
        meters.counter("tickflow.notify.deliveries", "status", "delivered").increment(summary.delivered());
        meters.counter("tickflow.notify.deliveries", "status", "duplicate").increment(summary.duplicates());
        meters.counter("tickflow.notify.deliveries", "status", "failed").increment(summary.failed());
    }
}

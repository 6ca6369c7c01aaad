package io.tickflow.notify.adapter.in.web;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.notify.delivery.DeliveryOutcome;
import io.tickflow.notify.fanout.EventFanOut;
import io.tickflow.notify.subscription.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Test deliveries: common's example AnalysisCompleted, with a fresh event id (so that every test is delivered, not
 * recognised as a duplicate), sent to one subscription now, with the outcome reported back.
 */
@Component
class TestDeliveries {

    private static final String EXAMPLE = "contracts/examples/tickflow.analysis-completed.v1/sma-crossover-sharpe.json";

    private final EventFanOut fanOut;
    private final Clock clock;
    private final AnalysisCompleted example;

    TestDeliveries(EventFanOut fanOut, Clock clock) {
        this.fanOut = fanOut;
        this.clock = clock;
        try (InputStream in = AnalysisCompleted.class.getClassLoader().getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("common ships " + EXAMPLE);
            }
            this.example = ContractJson.mapper().readValue(in, AnalysisCompleted.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> deliver(Subscription subscription) {
        AnalysisCompleted sample = new AnalysisCompleted(
                UUID.randomUUID(),
                clock.instant(),
                example.jobId(),
                example.requestId(),
                example.venue(),
                example.symbol(),
                example.interval(),
                example.strategy(),
                example.objective(),
                example.objectiveValue(),
                example.bestParameters(),
                example.metrics(),
                example.trials(),
                example.walkForward(),
                example.deflatedSharpe(),
                example.probabilityOfOverfitting(),
                example.reportKey(),
                example.reportUrl());
        DeliveryOutcome outcome =
                fanOut.deliverTo(subscription, sample).outcomes().getFirst();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("deliveryId", outcome.deliveryId());
        view.put("status", outcome.status());
        view.put("attempts", outcome.attempts());
        if (outcome.lastError() != null) {
            view.put("error", outcome.lastError());
        }
        return view;
    }
}

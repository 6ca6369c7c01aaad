package io.tickflow.analysis.adapter.out.sns;

import io.tickflow.analysis.study.AnalysisEvents;
import io.tickflow.common.aws.sns.SnsEventPublisher;
import io.tickflow.common.contract.analysis.AnalysisEvent;
import java.util.List;

/** Publishes analysis events on the analysis-results topic with their routing attributes. */
public final class SnsAnalysisEvents implements AnalysisEvents {

    private final SnsEventPublisher publisher;

    public SnsAnalysisEvents(SnsEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(AnalysisEvent event) {
        publisher.publish(List.of(event));
    }
}

package io.tickflow.analysis.study;

import io.tickflow.common.contract.analysis.AnalysisEvent;

/** Announces what happens to studies on the analysis-results topic. */
public interface AnalysisEvents {

    /** Publishes {@code event}, or throws; subscribers recognise a republished event by its id. */
    void publish(AnalysisEvent event);
}

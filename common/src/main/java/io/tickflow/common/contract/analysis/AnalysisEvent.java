package io.tickflow.common.contract.analysis;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.tickflow.common.contract.ContractEvent;
import java.util.UUID;

/**
 * What analysis-worker announces about an analysis job on the {@code analysis-results} topic: progress, then either
 * completion or failure. Consumers read a body with {@code ContractJson.mapper().readValue(body, AnalysisEvent.class)}
 * and switch over it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "schema")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AnalysisProgress.class, name = AnalysisProgress.SCHEMA),
    @JsonSubTypes.Type(value = AnalysisCompleted.class, name = AnalysisCompleted.SCHEMA),
    @JsonSubTypes.Type(value = AnalysisFailed.class, name = AnalysisFailed.SCHEMA)
})
public sealed interface AnalysisEvent extends ContractEvent
        permits AnalysisProgress, AnalysisCompleted, AnalysisFailed {

    /** The analysis job the event is about. */
    String jobId();

    /** The {@link AnalysisRequest#requestId()} that started the job. */
    UUID requestId();
}

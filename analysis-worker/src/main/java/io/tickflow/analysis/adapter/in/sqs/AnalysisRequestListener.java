package io.tickflow.analysis.adapter.in.sqs;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.Visibility;
import io.tickflow.analysis.study.StudyRunner;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Takes analysis requests one at a time per study slot and runs each study to its end while holding the request: a
 * worker that dies lets the request reappear, and the next worker resumes the study. A request that cannot be read
 * ends as a rejection (AnalysisFailed, or the dead-letter queue when it does not even say who asked); nothing else is
 * caught, so an AWS failure leaves the request to be retried.
 */
@Component
class AnalysisRequestListener {

    private final StudyRunner runner;
    private final RequestRejections rejections;
    private final VisibilityHeartbeat heartbeat;

    AnalysisRequestListener(StudyRunner runner, RequestRejections rejections, VisibilityHeartbeat heartbeat) {
        this.runner = runner;
        this.rejections = rejections;
        this.heartbeat = heartbeat;
    }

    @SqsListener(
            queueNames = "${tickflow.analysis.queue}",
            maxConcurrentMessages = "${tickflow.analysis.max-concurrent-studies}",
            maxMessagesPerPoll = "1",
            pollTimeoutSeconds = "10")
    void onRequest(Message<String> message, Visibility visibility) {
        try (VisibilityHeartbeat.Lease held = heartbeat.hold(visibility)) {
            AnalysisRequest request;
            try {
                request = ContractJson.mapper().readValue(message.getPayload(), AnalysisRequest.class);
            } catch (JacksonException unreadable) {
                rejections.reject(message, unreadable);
                return;
            }
            runner.run(request);
        }
    }
}

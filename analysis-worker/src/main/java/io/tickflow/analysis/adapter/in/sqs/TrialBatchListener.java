package io.tickflow.analysis.adapter.in.sqs;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.Visibility;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickflow.analysis.adapter.out.trials.TrialJson;
import io.tickflow.analysis.study.TrialWork;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Takes trial batches of any running study, one per thread, and acknowledges each once its results are stored. Every
 * worker runs this, the coordinating one included, so a study goes as fast as all workers together.
 */
@Component
class TrialBatchListener {

    private final TrialWork work;
    private final VisibilityHeartbeat heartbeat;
    private final MeterRegistry meters;

    TrialBatchListener(TrialWork work, VisibilityHeartbeat heartbeat, MeterRegistry meters) {
        this.work = work;
        this.heartbeat = heartbeat;
        this.meters = meters;
    }

    @SqsListener(
            queueNames = "${tickflow.analysis.trials-queue}",
            maxConcurrentMessages = "${tickflow.analysis.trial-threads}",
            maxMessagesPerPoll = "${tickflow.analysis.trial-threads}",
            pollTimeoutSeconds = "10")
    void onBatch(Message<String> message, Visibility visibility) {
        try (VisibilityHeartbeat.Lease held = heartbeat.hold(visibility)) {
            var batch = TrialJson.readBatch(message.getPayload());
            boolean ran = work.run(batch);
            meters.counter("tickflow.analysis.trials", "outcome", ran ? "backtested" : "dropped")
                    .increment(batch.sets().size());
        }
    }
}

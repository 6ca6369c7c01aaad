package io.tickflow.analysis.adapter.in.web;

import io.tickflow.analysis.study.JobStore;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cancels studies: {@code DELETE /api/v1/analyses/{jobId}} asks the study to stop; whichever worker coordinates it
 * notices between trial batches and ends it as AnalysisFailed {@code CANCELLED}. Any worker can take the call, since
 * the request is recorded on the job.
 */
@RestController
@RequestMapping("/api/v1/analyses")
class AnalysisJobsController {

    private final JobStore jobs;

    AnalysisJobsController(JobStore jobs) {
        this.jobs = jobs;
    }

    @DeleteMapping("/{jobId}")
    ResponseEntity<Map<String, String>> cancel(@PathVariable String jobId) {
        if (jobs.requestCancel(jobId)) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("jobId", jobId, "status", "CANCELLING"));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Map.of("jobId", jobId, "error", "There is no running study " + jobId + " to cancel."));
    }
}

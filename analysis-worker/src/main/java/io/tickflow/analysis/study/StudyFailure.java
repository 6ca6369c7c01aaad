package io.tickflow.analysis.study;

/**
 * Why a study cannot finish, as {@code AnalysisFailed} reports it: a machine-readable code and a sentence saying what to
 * change. Thrown only for what a new request can fix (or a cancellation); an unavailable AWS service is not a study
 * failure and propagates instead, so the request is retried.
 */
public class StudyFailure extends RuntimeException {

    private final String reasonCode;

    public StudyFailure(String reasonCode, String reason) {
        super(reason);
        this.reasonCode = reasonCode;
    }

    /** Upper-case words joined by underscores, e.g. {@code NO_DATA}. */
    public String reasonCode() {
        return reasonCode;
    }

    /** The sentence for a person. */
    public String reason() {
        return getMessage();
    }
}

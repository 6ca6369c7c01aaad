package io.tickflow.analysis.study;

import io.tickflow.analysis.report.StudyReport;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** Where study reports are kept: JSON for programs, an HTML page for people. */
public interface ReportStore {

    /** Stores both renderings of {@code report} and says where they are. */
    StoredReport store(StudyReport report);

    /**
     * Where a report is.
     *
     * @param jsonKey the object key of the JSON report in the data bucket
     * @param htmlUrl a link to the HTML report that works without credentials for a while; null if none is made
     */
    record StoredReport(String jsonKey, @Nullable URI htmlUrl) {}
}

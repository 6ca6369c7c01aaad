package io.tickflow.analysis.adapter.out.s3;

import io.tickflow.analysis.report.HtmlReport;
import io.tickflow.analysis.report.ReportJson;
import io.tickflow.analysis.report.StudyReport;
import io.tickflow.analysis.study.ReportStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Keeps reports in the data bucket under {@code analytics/<symbol>/<strategy>/<jobId>/}: {@code report.json} and
 * {@code report.html}, and links the HTML page with a presigned GET URL, so whoever receives the result can open it
 * without AWS credentials until the link expires.
 */
public final class S3ReportStore implements ReportStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Duration linkValidity;

    public S3ReportStore(S3Client s3, S3Presigner presigner, String bucket, Duration linkValidity) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.linkValidity = linkValidity;
    }

    /** The folder of a job's report. */
    public static String folder(StudyReport report) {
        return "analytics/" + report.symbol() + "/" + report.strategy() + "/" + report.jobId() + "/";
    }

    @Override
    public StoredReport store(StudyReport report) {
        String folder = folder(report);
        String jsonKey = folder + "report.json";
        String htmlKey = folder + "report.html";
        s3.putObject(
                r -> r.bucket(bucket).key(jsonKey).contentType("application/json"),
                RequestBody.fromBytes(ReportJson.write(report)));
        s3.putObject(
                r -> r.bucket(bucket).key(htmlKey).contentType("text/html; charset=utf-8"),
                RequestBody.fromString(HtmlReport.render(report), StandardCharsets.UTF_8));
        URI url;
        try {
            url = presigner
                    .presignGetObject(r -> r.signatureDuration(linkValidity)
                            .getObjectRequest(g -> g.bucket(bucket).key(htmlKey)))
                    .url()
                    .toURI();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException("The SDK presigned a URL that is not a URI", impossible);
        }
        return new StoredReport(jsonKey, url);
    }
}

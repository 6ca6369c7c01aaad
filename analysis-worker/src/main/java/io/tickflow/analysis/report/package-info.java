/**
 * The study report analysis-worker stores under {@code analytics/} once a study is done: the model ({@link
 * io.tickflow.analysis.report.StudyReport}), its JSON form for machines ({@link io.tickflow.analysis.report.ReportJson})
 * and a self-contained HTML page for people ({@link io.tickflow.analysis.report.HtmlReport}). Storing them is the S3
 * adapter's business; this package only turns a report into bytes and text.
 */
@NullMarked
package io.tickflow.analysis.report;

import org.jspecify.annotations.NullMarked;

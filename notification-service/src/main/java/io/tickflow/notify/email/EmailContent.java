package io.tickflow.notify.email;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ContractMessage;
import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.analysis.AnalysisFailed;
import io.tickflow.common.contract.notify.Notification;
import io.tickflow.common.contract.notify.PriceAlertTriggered;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * What an email says about a notification: a one-line subject, and the same summary as plain text and as HTML. Events
 * it knows (analysis results, price alerts) are summarised field by field; any other event is shown as its JSON.
 *
 * @param subject the subject line, without line breaks
 * @param text the plain-text body
 * @param html the HTML body, every value escaped
 */
record EmailContent(String subject, String text, String html) {

    private static final Pattern LINE_BREAKS_AND_CONTROLS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

    /** One labelled value; {@code link} makes it a link in HTML. */
    private record Line(String label, String value, @Nullable URI link) {
        Line(String label, String value) {
            this(label, value, null);
        }
    }

    private record Summary(String subject, String headline, List<Line> lines, @Nullable String json) {}

    static EmailContent of(Notification notification) {
        Summary summary = summarise(notification);
        String footer = "Sent by Tickflow for subscription " + notification.subscriptionId() + ".";
        return new EmailContent(
                oneLine("[Tickflow] " + summary.subject()), text(summary, footer), html(summary, footer));
    }

    private static Summary summarise(Notification notification) {
        String eventType = notification.eventType();
        return switch (read(notification)) {
            case AnalysisCompleted completed -> completed(eventType, completed);
            case AnalysisFailed failed -> failed(eventType, failed);
            case PriceAlertTriggered alert -> alert(eventType, alert);
            case null, default ->
                new Summary(
                        eventType,
                        "A " + eventType + " event.",
                        List.of(),
                        ContractJson.mapper()
                                .writerWithDefaultPrettyPrinter()
                                .writeValueAsString(notification.event()));
        };
    }

    /** The wrapped event as its record, when its type is a Tickflow contract and it reads as one. */
    private static @Nullable ContractMessage read(Notification notification) {
        Optional<Contract> contract = Contract.byEventType(notification.eventType());
        if (contract.isEmpty()) {
            return null;
        }
        try {
            return ContractJson.mapper()
                    .treeToValue(notification.event(), contract.get().recordType());
        } catch (JacksonException e) {
            // An event of a newer or broken shape: the email shows it as JSON rather than not at all.
            return null;
        }
    }

    private static Summary completed(String eventType, AnalysisCompleted event) {
        String objective = event.objective().wireName();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Objective", objective + " " + event.objectiveValue().toPlainString()));
        lines.add(new Line("Best parameters", parameters(event.bestParameters())));
        lines.add(new Line("Trials", Integer.toString(event.trials())));
        optional(lines, "Walk-forward efficiency", event.walkForward().efficiency());
        optional(lines, "Deflated Sharpe ratio", event.deflatedSharpe());
        optional(lines, "Probability of overfitting", event.probabilityOfOverfitting());
        URI reportUrl = event.reportUrl();
        if (reportUrl != null) {
            lines.add(new Line("Report", reportUrl.toString(), linkable(reportUrl) ? reportUrl : null));
        } else {
            lines.add(new Line("Report key", event.reportKey()));
        }
        lines.add(new Line("Job", event.jobId()));
        return new Summary(
                eventType + ": " + event.strategy() + " on " + event.symbol() + ", " + objective + " "
                        + rounded(event.objectiveValue()),
                event.strategy() + " on " + event.symbol() + " (" + event.venue() + ", "
                        + event.interval().wireName() + ") finished: the best parameters reach " + objective + " "
                        + event.objectiveValue().toPlainString() + ".",
                lines,
                null);
    }

    private static Summary failed(String eventType, AnalysisFailed event) {
        return new Summary(
                eventType + ": " + event.strategy() + " on " + event.symbol() + ", " + event.reasonCode(),
                event.strategy() + " on " + event.symbol() + " could not finish.",
                List.of(
                        new Line("Reason", event.reason()),
                        new Line("Code", event.reasonCode()),
                        new Line("Job", event.jobId())),
                null);
    }

    private static Summary alert(String eventType, PriceAlertTriggered event) {
        String price = event.price().toPlainString();
        return new Summary(
                eventType + ": " + event.symbol() + " " + event.condition() + " at " + price,
                "Your alert on " + event.symbol() + " (" + event.venue() + ") fired: " + event.condition() + ", at "
                        + price + ".",
                List.of(
                        new Line("Condition", event.condition()),
                        new Line("Price", price),
                        new Line("At", event.triggeredBy().toString()),
                        new Line("Venue", event.venue()),
                        new Line("Rule", event.ruleId())),
                null);
    }

    private static String text(Summary summary, String footer) {
        StringBuilder text = new StringBuilder(summary.headline()).append("\n\n");
        for (Line line : summary.lines()) {
            text.append(line.label()).append(": ").append(line.value()).append('\n');
        }
        if (summary.json() != null) {
            text.append(summary.json()).append('\n');
        }
        return text.append("\n-- \n").append(footer).append('\n').toString();
    }

    private static String html(Summary summary, String footer) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(oneLine("[Tickflow] " + summary.subject())))
                .append("</title></head>\n<body style=\"font-family: sans-serif\">\n<p>")
                .append(escape(summary.headline()))
                .append("</p>\n");
        if (!summary.lines().isEmpty()) {
            html.append("<table>\n");
            for (Line line : summary.lines()) {
                html.append("<tr><th align=\"left\" style=\"padding-right: 1em\">")
                        .append(escape(line.label()))
                        .append("</th><td>");
                if (line.link() != null) {
                    html.append("<a href=\"")
                            .append(escape(line.link().toString()))
                            .append("\">")
                            .append(escape(line.value()))
                            .append("</a>");
                } else {
                    html.append(escape(line.value()));
                }
                html.append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        if (summary.json() != null) {
            html.append("<pre>").append(escape(summary.json())).append("</pre>\n");
        }
        return html.append("<p style=\"color: #666; font-size: smaller\">")
                .append(escape(footer))
                .append("</p>\n</body></html>\n")
                .toString();
    }

    private static void optional(List<Line> lines, String label, @Nullable BigDecimal value) {
        if (value != null) {
            lines.add(new Line(label, value.toPlainString()));
        }
    }

    private static String parameters(Map<String, BigDecimal> parameters) {
        return parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + p.getValue().toPlainString())
                .collect(Collectors.joining(", "));
    }

    /** Two decimals are enough to read a subject by; the body has every digit. */
    private static String rounded(BigDecimal value) {
        return (value.scale() > 2 ? value.setScale(2, RoundingMode.HALF_EVEN) : value).toPlainString();
    }

    /** Only web links: a {@code javascript:} or {@code data:} URL stays text. */
    private static boolean linkable(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
    }

    /** A header carries one line: a line break in a value would start a header of the value's choosing. */
    static String oneLine(String value) {
        return LINE_BREAKS_AND_CONTROLS.matcher(value).replaceAll(" ").strip();
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

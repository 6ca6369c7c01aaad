package io.tickflow.cli.subscribe;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Subscriptions as the API returns them, written for people: one block per subscription, or one line in a table. */
final class SubscriptionText {

    private SubscriptionText() {}

    /** The lines describing one subscription. */
    static List<String> describe(JsonNode subscription) {
        List<String> lines = new ArrayList<>();
        lines.add("Subscription " + subscription.path("subscriptionId").asString() + " ("
                + subscription.path("name").asString() + ")");
        lines.add("  channel   " + channel(subscription.path("channel")));
        lines.add("  events    " + events(subscription.path("events")));
        JsonNode alerts = subscription.path("alerts");
        for (JsonNode alert : alerts) {
            lines.add("  alert     " + alert(alert));
        }
        lines.add("  created   " + subscription.path("createdAt").asString());
        return lines;
    }

    /** A table of subscriptions, a header line first. */
    static List<String> table(JsonNode subscriptions) {
        String[] header = {"id", "name", "channel", "receives"};
        List<String[]> rows = new ArrayList<>();
        for (JsonNode subscription : subscriptions) {
            JsonNode alerts = subscription.path("alerts");
            String receives;
            if (alerts.isArray() && !alerts.isEmpty()) {
                List<String> described = new ArrayList<>();
                alerts.forEach(alert -> described.add(alert(alert)));
                receives = String.join("; ", described);
            } else {
                receives = events(subscription.path("events"));
            }
            rows.add(new String[] {
                subscription.path("subscriptionId").asString(),
                subscription.path("name").asString(),
                channel(subscription.path("channel")),
                receives
            });
        }
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(header, widths));
        rows.forEach(row -> lines.add(line(row, widths)));
        return lines;
    }

    /** {@code webhook https://...}, {@code email a@example.com} or {@code sns arn:...}. */
    static String channel(JsonNode channel) {
        String type = channel.path("type").asString();
        String target =
                switch (type) {
                    case "webhook" -> channel.path("url").asString();
                    case "email" -> channel.path("address").asString();
                    case "sns" -> channel.path("topicArn").asString();
                    default -> channel.toString();
                };
        return type + " " + target;
    }

    /** e.g. {@code AnalysisCompleted, AnalysisFailed; symbol BTC-USD; objectiveValue >= 1.5}. */
    static String events(JsonNode events) {
        List<String> parts = new ArrayList<>();
        List<String> types = strings(events.path("eventTypes"));
        parts.add(types.isEmpty() ? "every event" : String.join(", ", types));
        List<String> symbols = strings(events.path("symbols"));
        if (!symbols.isEmpty()) {
            parts.add((symbols.size() == 1 ? "symbol " : "symbols ") + String.join(", ", symbols));
        }
        List<String> strategies = strings(events.path("strategies"));
        if (!strategies.isEmpty()) {
            parts.add((strategies.size() == 1 ? "strategy " : "strategies ") + String.join(", ", strategies));
        }
        for (JsonNode condition : events.path("conditions")) {
            parts.add(condition.path("attribute").asString() + " "
                    + condition.path("op").asString() + " "
                    + condition.path("value").asString());
        }
        return String.join("; ", parts);
    }

    /** e.g. {@code BTC-USD at bitstamp crosses 30000}. */
    static String alert(JsonNode alert) {
        String market =
                alert.path("symbol").asString() + " at " + alert.path("venue").asString();
        return switch (alert.path("type").asString()) {
            case "crosses" -> market + " crosses " + alert.path("level").asString();
            case "moves-percent" ->
                market + " moves " + alert.path("percent").asString() + "% within "
                        + alert.path("window").asString();
            case "candle-closes" ->
                "a " + alert.path("interval").asString() + " candle of " + market + " closes "
                        + alert.path("side").asString() + " "
                        + alert.path("level").asString();
            default -> alert.toString();
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            // The last column is not padded: trailing blanks would only widen the line.
            line.append(i == cells.length - 1 ? cells[i] : String.format("%-" + widths[i] + "s", cells[i]));
        }
        return line.toString();
    }
}

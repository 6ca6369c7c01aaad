package io.tickflow.notify.subscription;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a subscription's notifications go: a webhook, an email address or an SNS topic of the subscriber's. The JSON
 * form names its type: {@code {"type":"webhook","url":"https://..."}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Channel.Webhook.class, name = "webhook"),
    @JsonSubTypes.Type(value = Channel.Email.class, name = "email"),
    @JsonSubTypes.Type(value = Channel.SnsTopic.class, name = "sns")
})
public sealed interface Channel permits Channel.Webhook, Channel.Email, Channel.SnsTopic {

    /**
     * What deliveries to this channel are grouped by for circuit breaking and bulkheads: one endpoint (scheme, host
     * and port of a webhook; the mail domain; the topic), so that a slow or dead endpoint never holds up the others.
     */
    String endpoint();

    /**
     * An HTTPS (or, where the local allow-list permits, HTTP) endpoint that receives signed POSTs.
     *
     * @param url absolute, http or https, with a host
     */
    record Webhook(URI url) implements Channel {
        public Webhook {
            Objects.requireNonNull(url, "url");
            if (!url.isAbsolute()
                    || url.getHost() == null
                    || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                throw new IllegalArgumentException("A webhook URL is an absolute http(s) URL with a host: " + url);
            }
            if (url.getUserInfo() != null) {
                throw new IllegalArgumentException("A webhook URL carries no user name or password: " + url);
            }
        }

        @Override
        public String endpoint() {
            int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
            return url.getScheme() + "://" + url.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + port;
        }
    }

    /**
     * An email address, sent plain text and HTML over SMTP.
     *
     * @param address a single address, {@code local@domain}
     */
    record Email(String address) implements Channel {
        private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

        public Email {
            Objects.requireNonNull(address, "address");
            if (!ADDRESS.matcher(address).matches()) {
                throw new IllegalArgumentException("Not a single email address: " + address);
            }
        }

        @Override
        public String endpoint() {
            return "mailto:" + address.substring(address.indexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * An SNS topic of the subscriber's, published to with the notification's attributes.
     *
     * @param topicArn the topic's ARN
     */
    record SnsTopic(String topicArn) implements Channel {
        private static final Pattern ARN =
                Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");

        public SnsTopic {
            Objects.requireNonNull(topicArn, "topicArn");
            if (!ARN.matcher(topicArn).matches()) {
                throw new IllegalArgumentException("Not an SNS topic ARN: " + topicArn);
            }
        }

        @Override
        public String endpoint() {
            return topicArn;
        }
    }
}

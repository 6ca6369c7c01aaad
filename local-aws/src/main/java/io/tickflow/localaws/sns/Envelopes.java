package io.tickflow.localaws.sns;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes the JSON documents SNS sends to subscribers that do not use raw delivery: the Notification envelope and the
 * SubscriptionConfirmation, signed as SNS signs them, with URLs that lead back to this endpoint.
 */
final class Envelopes {

    static final String NOTIFICATION = "Notification";
    static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    static final String CERTIFICATE_PATH = "/SimpleNotificationService-local.pem";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();

    private final String baseUrl;
    private final String signingCertUrl;
    private final MessageSigner signer;

    Envelopes(URI endpoint, MessageSigner signer) {
        String base = endpoint.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.signingCertUrl = baseUrl + CERTIFICATE_PATH;
        this.signer = signer;
    }

    /** SNS's timestamp format: ISO-8601 in UTC with milliseconds. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    String unsubscribeUrl(String subscriptionArn) {
        return baseUrl + "/?Action=Unsubscribe&SubscriptionArn=" + encode(subscriptionArn);
    }

    String subscribeUrl(Subscription subscription) {
        return baseUrl + "/?Action=ConfirmSubscription&TopicArn=" + encode(subscription.topicArn()) + "&Token="
                + subscription.token();
    }

    /**
     * Signs a notification. The signature covers neither the subscription nor the attributes, so one signature serves
     * every subscriber that receives the same text.
     */
    String signNotification(Message message, String text, String timestamp, int signatureVersion) {
        StringBuilder toSign = new StringBuilder(text.length() + 256)
                .append("Message\n")
                .append(text)
                .append("\nMessageId\n")
                .append(message.messageId())
                .append('\n');
        if (message.subject() != null) {
            toSign.append("Subject\n").append(message.subject()).append('\n');
        }
        toSign.append("Timestamp\n")
                .append(timestamp)
                .append("\nTopicArn\n")
                .append(message.topicArn())
                .append("\nType\n")
                .append(NOTIFICATION)
                .append('\n');
        return signer.sign(toSign.toString(), signatureVersion);
    }

    /** The Notification envelope one subscriber receives. */
    String notification(
            Message message,
            String text,
            String timestamp,
            int signatureVersion,
            String signature,
            String subscriptionArn) {
        StringWriter out = new StringWriter(text.length() + 1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("Type", NOTIFICATION);
            json.writeStringField("MessageId", message.messageId());
            json.writeStringField("TopicArn", message.topicArn());
            if (message.subject() != null) {
                json.writeStringField("Subject", message.subject());
            }
            json.writeStringField("Message", text);
            json.writeStringField("Timestamp", timestamp);
            json.writeStringField("SignatureVersion", Integer.toString(signatureVersion));
            json.writeStringField("Signature", signature);
            json.writeStringField("SigningCertURL", signingCertUrl);
            json.writeStringField("UnsubscribeURL", unsubscribeUrl(subscriptionArn));
            if (!message.attributes().isEmpty()) {
                json.writeObjectFieldStart("MessageAttributes");
                for (MessageAttribute attribute : message.attributes()) {
                    json.writeObjectFieldStart(attribute.name());
                    json.writeStringField("Type", attribute.dataType());
                    json.writeStringField("Value", attribute.value());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to a StringWriter cannot fail", e);
        }
        return out.toString();
    }

    /** The SubscriptionConfirmation an HTTP endpoint receives when it is subscribed. */
    String subscriptionConfirmation(Subscription subscription, String messageId, Instant now, int signatureVersion) {
        String timestamp = timestamp(now);
        String text = "You have chosen to subscribe to the topic " + subscription.topicArn()
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.";
        String subscribeUrl = subscribeUrl(subscription);
        String toSign = "Message\n" + text + "\nMessageId\n" + messageId + "\nSubscribeURL\n" + subscribeUrl
                + "\nTimestamp\n" + timestamp + "\nToken\n" + subscription.token() + "\nTopicArn\n"
                + subscription.topicArn() + "\nType\n" + SUBSCRIPTION_CONFIRMATION + "\n";
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("Type", SUBSCRIPTION_CONFIRMATION);
            json.writeStringField("MessageId", messageId);
            json.writeStringField("Token", subscription.token());
            json.writeStringField("TopicArn", subscription.topicArn());
            json.writeStringField("Message", text);
            json.writeStringField("SubscribeURL", subscribeUrl);
            json.writeStringField("Timestamp", timestamp);
            json.writeStringField("SignatureVersion", Integer.toString(signatureVersion));
            json.writeStringField("Signature", signer.sign(toSign, signatureVersion));
            json.writeStringField("SigningCertURL", signingCertUrl);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to a StringWriter cannot fail", e);
        }
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

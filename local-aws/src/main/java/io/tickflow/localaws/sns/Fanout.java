package io.tickflow.localaws.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Hands published messages to the subscriptions whose filter policies admit them: raw or enveloped, into SQS
 * synchronously (Publish returns once SQS took them) and to HTTP endpoints in the background.
 */
final class Fanout {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicRegistry registry;
    private final Envelopes envelopes;
    private final SqsDelivery sqs;
    private final HttpDelivery http;

    Fanout(TopicRegistry registry, Envelopes envelopes, SqsDelivery sqs, HttpDelivery http) {
        this.registry = registry;
        this.envelopes = envelopes;
        this.sqs = sqs;
        this.http = http;
    }

    /**
     * Delivers messages of one topic to its confirmed subscriptions.
     *
     * @throws SnsFault InternalError when SQS could not take a delivery
     */
    void publish(Topic topic, List<Message> messages) {
        List<Subscription> subscriptions = registry.subscriptionsOf(topic.arn());
        if (subscriptions.isEmpty() || messages.isEmpty()) {
            return;
        }
        List<Published> published = new ArrayList<>(messages.size());
        for (Message message : messages) {
            published.add(new Published(message));
        }
        for (Subscription subscription : subscriptions) {
            if (!subscription.confirmed()) {
                continue;
            }
            List<SqsDelivery.Outgoing> toQueue = new ArrayList<>();
            for (Published message : published) {
                if (!admits(subscription, message)) {
                    continue;
                }
                String text = message.message.bodyFor(subscription.protocol());
                boolean raw = subscription.settings().rawMessageDelivery();
                String body = raw ? text : message.envelope(topic, subscription, text);
                if (subscription.isSqs()) {
                    Map<String, MessageAttributeValue> attributes = raw ? message.sqsAttributes() : Map.of();
                    int size = Messages.utf8Length(body) + message.attributesSize(raw);
                    toQueue.add(new SqsDelivery.Outgoing(body, attributes, size));
                } else {
                    http.send(new HttpDelivery.Post(
                            subscription, Envelopes.NOTIFICATION, message.message.messageId(), body, raw));
                }
            }
            // One queue after the other. Delivering to several in parallel measured slower: the SQS emulator runs in
            // this JVM on the same cores, so the work is CPU-bound and threads only add hand-offs.
            if (!toQueue.isEmpty()) {
                sqs.deliver(subscription, toQueue);
            }
        }
    }

    private static boolean admits(Subscription subscription, Published message) {
        FilterPolicy policy = subscription.settings().filterPolicy().orElse(null);
        if (policy == null) {
            return true;
        }
        return policy.admits(
                policy.scope() == FilterPolicy.Scope.MESSAGE_ATTRIBUTES
                        ? message.attributesView()
                        : message.bodyView());
    }

    /**
     * A message on its way out, with what is worked out at most once however many subscriptions receive it: its
     * filter-policy views, its SQS attributes and its envelope signatures.
     */
    private final class Published {

        private final Message message;
        private final String timestamp;
        private JsonNode attributesView;
        private boolean attributesViewBuilt;
        private JsonNode bodyView;
        private boolean bodyViewBuilt;
        private Map<String, MessageAttributeValue> sqsAttributes;
        private int rawAttributesSize = -1;
        private Map<String, String> signatures;

        Published(Message message) {
            this.message = message;
            this.timestamp = Envelopes.timestamp(message.timestamp());
        }

        JsonNode attributesView() {
            if (!attributesViewBuilt) {
                attributesView = MessageAttributes.filterView(message.attributes());
                attributesViewBuilt = true;
            }
            return attributesView;
        }

        /** The body as a JSON object, or null when it is not one: then no MessageBody policy admits it. */
        JsonNode bodyView() {
            if (!bodyViewBuilt) {
                bodyViewBuilt = true;
                try {
                    JsonNode body = JSON.readTree(message.body());
                    bodyView = body != null && body.isObject() ? body : null;
                } catch (JsonProcessingException notJson) {
                    bodyView = null;
                }
            }
            return bodyView;
        }

        String envelope(Topic topic, Subscription subscription, String text) {
            int version = topic.signatureVersion();
            if (signatures == null) {
                signatures = new HashMap<>(4);
            }
            // With MessageStructure=json, protocols may receive different texts, and each text its own signature.
            String signature = signatures.computeIfAbsent(
                    version + ":" + subscription.protocol(),
                    key -> envelopes.signNotification(message, text, timestamp, version));
            return envelopes.notification(message, text, timestamp, version, signature, subscription.arn());
        }

        /** Raw delivery carries the SNS attributes as SQS attributes; String.Array becomes String, as on AWS. */
        Map<String, MessageAttributeValue> sqsAttributes() {
            if (sqsAttributes == null) {
                Map<String, MessageAttributeValue> converted = new HashMap<>();
                for (MessageAttribute attribute : message.attributes()) {
                    MessageAttributeValue.Builder value = MessageAttributeValue.builder();
                    if (attribute.isBinary()) {
                        value.dataType(attribute.dataType())
                                .binaryValue(SdkBytes.fromByteArray(attribute.binaryValue()));
                    } else if (attribute.isStringArray()) {
                        value.dataType("String").stringValue(attribute.value());
                    } else {
                        value.dataType(attribute.dataType()).stringValue(attribute.value());
                    }
                    converted.put(attribute.name(), value.build());
                }
                sqsAttributes = Map.copyOf(converted);
            }
            return sqsAttributes;
        }

        int attributesSize(boolean raw) {
            if (!raw) {
                return 0;
            }
            if (rawAttributesSize < 0) {
                rawAttributesSize = Messages.size("", message.attributes());
            }
            return rawAttributesSize;
        }
    }
}

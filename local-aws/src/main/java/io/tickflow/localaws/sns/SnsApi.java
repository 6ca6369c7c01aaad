package io.tickflow.localaws.sns;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SNS actions: each reads its parameters, acts on the {@link TopicRegistry} or the {@link Fanout}, and writes the
 * XML response.
 */
final class SnsApi {

    private static final int MAX_BATCH_ENTRIES = 10;
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Set<String> PROTOCOLS = Set.of("sqs", "http", "https");
    private static final String PENDING = "pending confirmation";

    private final TopicRegistry registry;
    private final Fanout fanout;
    private final HttpDelivery http;
    private final Envelopes envelopes;
    private final Arns arns;
    private final Clock clock;

    SnsApi(TopicRegistry registry, Fanout fanout, HttpDelivery http, Envelopes envelopes, Arns arns, Clock clock) {
        this.registry = registry;
        this.fanout = fanout;
        this.http = http;
        this.envelopes = envelopes;
        this.arns = arns;
        this.clock = clock;
    }

    /**
     * Carries out one request.
     *
     * @return the XML response body
     * @throws SnsFault when SNS would refuse the request
     */
    String handle(QueryRequest request, String requestId) {
        String action = request.get("Action");
        if (action == null || action.isEmpty()) {
            throw SnsFault.missingAction();
        }
        return switch (action) {
            case "Publish" -> publish(request, requestId);
            case "PublishBatch" -> publishBatch(request, requestId);
            case "CreateTopic" -> createTopic(request, requestId);
            case "DeleteTopic" -> deleteTopic(request, requestId);
            case "ListTopics" -> listTopics(request, requestId);
            case "GetTopicAttributes" -> getTopicAttributes(request, requestId);
            case "SetTopicAttributes" -> setTopicAttributes(request, requestId);
            case "Subscribe" -> subscribe(request, requestId);
            case "ConfirmSubscription" -> confirmSubscription(request, requestId);
            case "Unsubscribe" -> unsubscribe(request, requestId);
            case "ListSubscriptions" -> listSubscriptions(request, requestId);
            case "ListSubscriptionsByTopic" -> listSubscriptionsByTopic(request, requestId);
            case "GetSubscriptionAttributes" -> getSubscriptionAttributes(request, requestId);
            case "SetSubscriptionAttributes" -> setSubscriptionAttributes(request, requestId);
            case "TagResource" -> tagResource(request, requestId);
            case "UntagResource" -> untagResource(request, requestId);
            case "ListTagsForResource" -> listTagsForResource(request, requestId);
            default -> throw SnsFault.invalidAction("The action " + action + " is not valid for this endpoint.");
        };
    }

    // --- topics ---

    private String createTopic(QueryRequest request, String requestId) {
        String name = request.required("Name");
        if (name.endsWith(".fifo")) {
            throw SnsFault.invalidParameter(
                    "Invalid parameter: Topic Name Reason: FIFO topics are not supported by this emulator");
        }
        if (!Arns.isValidTopicName(name)) {
            throw SnsFault.invalidParameter("Invalid parameter: Topic Name");
        }
        Map<String, String> attributes = request.map("Attributes");
        attributes.forEach(TopicAttributes::check);
        Topic topic = registry.create(name, attributes, tags(request));
        return XmlWriter.response("CreateTopic")
                .element("TopicArn", topic.arn())
                .finish(requestId);
    }

    private String deleteTopic(QueryRequest request, String requestId) {
        registry.delete(topicArn(request, "TopicArn"));
        return XmlWriter.empty("DeleteTopic", requestId);
    }

    private String listTopics(QueryRequest request, String requestId) {
        TopicRegistry.Page<Topic> page = registry.topics(request.get("NextToken"));
        XmlWriter xml = XmlWriter.response("ListTopics").open("Topics");
        for (Topic topic : page.items()) {
            xml.open("member").element("TopicArn", topic.arn()).close("member");
        }
        xml.close("Topics");
        page.nextToken().ifPresent(token -> xml.element("NextToken", token));
        return xml.finish(requestId);
    }

    private String getTopicAttributes(QueryRequest request, String requestId) {
        Topic topic = registry.topic(topicArn(request, "TopicArn"));
        int confirmed = 0;
        int pending = 0;
        for (Subscription subscription : registry.subscriptionsOf(topic.arn())) {
            if (subscription.confirmed()) {
                confirmed++;
            } else {
                pending++;
            }
        }
        return XmlWriter.response("GetTopicAttributes")
                .map("Attributes", TopicAttributes.describe(topic, arns.accountId(), confirmed, pending))
                .finish(requestId);
    }

    private String setTopicAttributes(QueryRequest request, String requestId) {
        String topicArn = topicArn(request, "TopicArn");
        String name = request.required("AttributeName");
        String value = request.get("AttributeValue");
        value = value == null ? "" : value;
        TopicAttributes.check(name, value);
        registry.setTopicAttribute(topicArn, name, value);
        return XmlWriter.empty("SetTopicAttributes", requestId);
    }

    // --- subscriptions ---

    private String subscribe(QueryRequest request, String requestId) {
        String topicArn = topicArn(request, "TopicArn");
        String protocol = request.required("Protocol");
        if (!PROTOCOLS.contains(protocol)) {
            throw SnsFault.invalidParameter("Invalid parameter: Protocol Reason: this emulator delivers to sqs, http"
                    + " and https subscriptions only, not " + protocol);
        }
        String endpoint = request.required("Endpoint");
        checkEndpoint(protocol, endpoint);
        Map<String, String> requested = request.map("Attributes");
        SubscriptionSettings settings = SubscriptionSettings.of(requested);
        boolean isQueue = protocol.equals(Subscription.SQS);
        // A queue needs no confirmation: SNS sends none to a queue of the topic owner's account.
        TopicRegistry.Subscribed subscribed =
                registry.subscribe(topicArn, protocol, endpoint, requested, settings, isQueue);
        Subscription subscription = subscribed.subscription();
        if (!subscription.confirmed()) {
            // Asked again for a pending subscription, SNS sends the confirmation again.
            sendConfirmation(subscription);
        }
        boolean showArn = subscription.confirmed() || request.flag("ReturnSubscriptionArn");
        return XmlWriter.response("Subscribe")
                .element("SubscriptionArn", showArn ? subscription.arn() : PENDING)
                .finish(requestId);
    }

    private static void checkEndpoint(String protocol, String endpoint) {
        boolean valid =
                switch (protocol) {
                    case "sqs" ->
                        Arns.Parts.parse(endpoint)
                                .filter(arn -> arn.service().equals("sqs"))
                                .isPresent();
                    case "http" -> endpoint.startsWith("http://");
                    default -> endpoint.startsWith("https://");
                };
        if (!valid) {
            throw SnsFault.invalidParameter(
                    protocol.equals("sqs")
                            ? "Invalid parameter: SQS endpoint ARN"
                            : "Invalid parameter: Endpoint must match the specified protocol");
        }
    }

    private void sendConfirmation(Subscription subscription) {
        int version = registry.topic(subscription.topicArn()).signatureVersion();
        String messageId = Ids.uuid();
        String body = envelopes.subscriptionConfirmation(subscription, messageId, clock.instant(), version);
        http.send(new HttpDelivery.Post(subscription, Envelopes.SUBSCRIPTION_CONFIRMATION, messageId, body, false));
    }

    private String confirmSubscription(QueryRequest request, String requestId) {
        String topicArn = topicArn(request, "TopicArn");
        Subscription subscription = registry.confirm(topicArn, request.required("Token"));
        return XmlWriter.response("ConfirmSubscription")
                .element("SubscriptionArn", subscription.arn())
                .finish(requestId);
    }

    private String unsubscribe(QueryRequest request, String requestId) {
        String arn = request.required("SubscriptionArn");
        Arns.requireSubscriptionArn(arn);
        registry.unsubscribe(arn);
        return XmlWriter.empty("Unsubscribe", requestId);
    }

    private String listSubscriptions(QueryRequest request, String requestId) {
        return subscriptionsPage("ListSubscriptions", registry.subscriptions(request.get("NextToken")), requestId);
    }

    private String listSubscriptionsByTopic(QueryRequest request, String requestId) {
        String topicArn = topicArn(request, "TopicArn");
        return subscriptionsPage(
                "ListSubscriptionsByTopic",
                registry.subscriptionsByTopic(topicArn, request.get("NextToken")),
                requestId);
    }

    private static String subscriptionsPage(String action, TopicRegistry.Page<Subscription> page, String requestId) {
        XmlWriter xml = XmlWriter.response(action).open("Subscriptions");
        for (Subscription subscription : page.items()) {
            xml.open("member")
                    .element("SubscriptionArn", subscription.confirmed() ? subscription.arn() : "PendingConfirmation")
                    .element("Owner", subscription.owner())
                    .element("Protocol", subscription.protocol())
                    .element("Endpoint", subscription.endpoint())
                    .element("TopicArn", subscription.topicArn())
                    .close("member");
        }
        xml.close("Subscriptions");
        page.nextToken().ifPresent(token -> xml.element("NextToken", token));
        return xml.finish(requestId);
    }

    private String getSubscriptionAttributes(QueryRequest request, String requestId) {
        String arn = request.required("SubscriptionArn");
        Arns.requireSubscriptionArn(arn);
        Subscription subscription = registry.subscription(arn);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("SubscriptionArn", subscription.arn());
        attributes.put("TopicArn", subscription.topicArn());
        attributes.put("Owner", subscription.owner());
        attributes.put("Protocol", subscription.protocol());
        attributes.put("Endpoint", subscription.endpoint());
        attributes.put("ConfirmationWasAuthenticated", Boolean.toString(subscription.isSqs()));
        attributes.put("PendingConfirmation", Boolean.toString(!subscription.confirmed()));
        attributes.putAll(subscription.settings().describe());
        return XmlWriter.response("GetSubscriptionAttributes")
                .map("Attributes", attributes)
                .finish(requestId);
    }

    private String setSubscriptionAttributes(QueryRequest request, String requestId) {
        String arn = request.required("SubscriptionArn");
        Arns.requireSubscriptionArn(arn);
        registry.setSubscriptionAttribute(arn, request.required("AttributeName"), request.get("AttributeValue"));
        return XmlWriter.empty("SetSubscriptionAttributes", requestId);
    }

    // --- publishing ---

    private String publish(QueryRequest request, String requestId) {
        String topicArn = request.get("TopicArn");
        String targetArn = request.get("TargetArn");
        if (request.get("PhoneNumber") != null) {
            throw SnsFault.invalidParameter(
                    "Invalid parameter: PhoneNumber Reason: SMS is not supported by this emulator");
        }
        if (topicArn != null && targetArn != null) {
            throw SnsFault.invalidParameter(
                    "Invalid parameter: TopicArn Reason: Only one of TopicArn or TargetArn may be specified");
        }
        if (topicArn == null && targetArn == null) {
            throw SnsFault.invalidParameter(
                    "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        }
        String arn = topicArn != null ? topicArn : targetArn;
        Arns.requireTopicArn(arn, topicArn != null ? "TopicArn" : "TargetArn");
        rejectFifoParameters(request);
        Topic topic = registry.topic(arn);
        Message message = Messages.read(request, topic.arn(), clock.instant());
        fanout.publish(topic, List.of(message));
        return XmlWriter.response("Publish")
                .element("MessageId", message.messageId())
                .finish(requestId);
    }

    private String publishBatch(QueryRequest request, String requestId) {
        Topic topic = registry.topic(topicArn(request, "TopicArn"));
        List<QueryRequest> entries = request.members("PublishBatchRequestEntries");
        checkBatch(entries);
        List<Message> accepted = new ArrayList<>(entries.size());
        List<String> acceptedIds = new ArrayList<>(entries.size());
        List<Failed> failed = new ArrayList<>();
        for (QueryRequest entry : entries) {
            try {
                rejectFifoParameters(entry);
                accepted.add(Messages.read(entry, topic.arn(), clock.instant()));
                acceptedIds.add(entry.get("Id"));
            } catch (SnsFault fault) {
                failed.add(new Failed(entry.get("Id"), fault));
            }
        }
        fanout.publish(topic, accepted);

        XmlWriter xml = XmlWriter.response("PublishBatch").open("Successful");
        for (int i = 0; i < accepted.size(); i++) {
            xml.open("member")
                    .element("Id", acceptedIds.get(i))
                    .element("MessageId", accepted.get(i).messageId())
                    .close("member");
        }
        xml.close("Successful").open("Failed");
        for (Failed failure : failed) {
            xml.open("member")
                    .element("Id", failure.id())
                    .element("Code", failure.fault().code())
                    .element("Message", failure.fault().getMessage())
                    .element("SenderFault", Boolean.toString(failure.fault().senderFault()))
                    .close("member");
        }
        return xml.close("Failed").finish(requestId);
    }

    private record Failed(String id, SnsFault fault) {}

    /** The checks that fail a whole PublishBatch rather than one of its entries. */
    private static void checkBatch(List<QueryRequest> entries) {
        if (entries.isEmpty()) {
            throw SnsFault.batch("EmptyBatchRequest", "The batch request doesn't contain any entries.");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw SnsFault.batch(
                    "TooManyEntriesInBatchRequest",
                    "The batch request contains more entries than permissible (" + MAX_BATCH_ENTRIES + ").");
        }
        Set<String> ids = new HashSet<>();
        long bytes = 0;
        for (QueryRequest entry : entries) {
            String id = entry.get("Id");
            if (id == null || !BATCH_ENTRY_ID.matcher(id).matches()) {
                throw SnsFault.batch(
                        "InvalidBatchEntryId",
                        "The Id of a batch entry in a batch request doesn't abide by the specification: up to 80"
                                + " letters, digits, hyphens and underscores.");
            }
            if (!ids.add(id)) {
                throw SnsFault.batch(
                        "BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.");
            }
            String message = entry.get("Message");
            bytes += message == null ? 0 : Messages.utf8Length(message);
            bytes += attributeBytes(entry);
        }
        if (bytes > Messages.MAX_BYTES) {
            throw SnsFault.batch(
                    "BatchRequestTooLong", "The length of all the messages put together is more than the limit.");
        }
    }

    /** The raw size of an entry's attributes, counted before they are checked one by one. */
    private static long attributeBytes(QueryRequest entry) {
        long bytes = 0;
        for (QueryRequest attribute : entry.entries("MessageAttributes")) {
            for (String field : new String[] {"Name", "Value.DataType", "Value.StringValue", "Value.BinaryValue"}) {
                String value = attribute.get(field);
                bytes += value == null ? 0 : Messages.utf8Length(value);
            }
        }
        return bytes;
    }

    private static void rejectFifoParameters(QueryRequest request) {
        for (String parameter : new String[] {"MessageGroupId", "MessageDeduplicationId"}) {
            if (request.get(parameter) != null) {
                throw SnsFault.invalidParameter("Invalid parameter: " + parameter + " Reason: The request includes "
                        + parameter + " parameter that is not valid for this topic type");
            }
        }
    }

    // --- tags ---

    private String tagResource(QueryRequest request, String requestId) {
        registry.tag(taggedTopic(request).arn(), tags(request));
        return XmlWriter.response("TagResource").finish(requestId);
    }

    private String untagResource(QueryRequest request, String requestId) {
        registry.untag(taggedTopic(request).arn(), request.strings("TagKeys"));
        return XmlWriter.response("UntagResource").finish(requestId);
    }

    private String listTagsForResource(QueryRequest request, String requestId) {
        XmlWriter xml = XmlWriter.response("ListTagsForResource").open("Tags");
        taggedTopic(request).tags().forEach((key, value) -> xml.open("member")
                .element("Key", key)
                .element("Value", value)
                .close("member"));
        return xml.close("Tags").finish(requestId);
    }

    private Topic taggedTopic(QueryRequest request) {
        String arn = topicArn(request, "ResourceArn");
        try {
            return registry.topic(arn);
        } catch (SnsFault notFound) {
            throw SnsFault.resourceNotFound("Resource does not exist");
        }
    }

    private static Map<String, String> tags(QueryRequest request) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (QueryRequest tag : request.members("Tags")) {
            String key = tag.get("Key");
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw SnsFault.invalidParameter("Invalid parameter: Tags Reason: a tag key is 1 to 128 characters");
            }
            String value = tag.get("Value");
            tags.put(key, value == null ? "" : value);
        }
        return tags;
    }

    private static String topicArn(QueryRequest request, String parameter) {
        String arn = request.required(parameter);
        Arns.requireTopicArn(arn, parameter);
        return arn;
    }
}

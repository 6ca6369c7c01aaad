package io.tickflow.localaws.sns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The topics and subscriptions, in memory.
 *
 * <p>Topics and subscriptions are immutable records that a change replaces. Changes are serialised on this object;
 * reads, including the per-topic subscription lists the fan-out reads on every publish, take no lock.
 */
final class TopicRegistry {

    /** How many items one List* call returns before it hands out a NextToken, as AWS does. */
    static final int PAGE_SIZE = 100;

    private final Arns arns;
    private final NavigableMap<String, Topic> topics = new ConcurrentSkipListMap<>();
    private final NavigableMap<String, Subscription> subscriptions = new ConcurrentSkipListMap<>();
    /** Each topic's subscriptions as an immutable list, rebuilt when one of them changes. */
    private final Map<String, List<Subscription>> byTopic = new ConcurrentHashMap<>();

    TopicRegistry(Arns arns) {
        this.arns = arns;
    }

    /** A page of items after the one a NextToken names, and the token of the next page if there is one. */
    record Page<T>(List<T> items, Optional<String> nextToken) {}

    /**
     * Creates a topic, or returns the existing one of that name: CreateTopic is idempotent as long as the attributes
     * and tags asked for agree with what the topic has.
     */
    synchronized Topic create(String name, Map<String, String> attributes, Map<String, String> tags) {
        String arn = arns.topic(name);
        Topic existing = topics.get(arn);
        if (existing != null) {
            attributes.forEach((key, value) -> {
                if (!Objects.equals(existing.attributes().get(key), value)) {
                    throw SnsFault.invalidParameter(
                            "Invalid parameter: Attributes Reason: Topic already exists with different attributes");
                }
            });
            tags.forEach((key, value) -> {
                if (!Objects.equals(existing.tags().get(key), value)) {
                    throw SnsFault.invalidParameter(
                            "Invalid parameter: Tags Reason: Topic already exists with different tags");
                }
            });
            return existing;
        }
        Topic topic = new Topic(arn, name, attributes, tags, 0);
        topics.put(arn, topic);
        byTopic.put(arn, List.of());
        return topic;
    }

    /** Deletes a topic and its subscriptions; deleting one that does not exist succeeds, as on AWS. */
    synchronized void delete(String topicArn) {
        if (topics.remove(topicArn) != null) {
            List<Subscription> removed = byTopic.remove(topicArn);
            if (removed != null) {
                removed.forEach(s -> subscriptions.remove(s.arn()));
            }
        }
    }

    Topic topic(String topicArn) {
        Topic topic = topics.get(topicArn);
        if (topic == null) {
            throw SnsFault.notFound("Topic does not exist");
        }
        return topic;
    }

    synchronized Topic setTopicAttribute(String topicArn, String name, String value) {
        Topic topic = topic(topicArn);
        Map<String, String> attributes = new HashMap<>(topic.attributes());
        attributes.put(name, value);
        Topic changed = topic.withAttributes(attributes);
        topics.put(topicArn, changed);
        return changed;
    }

    synchronized void tag(String topicArn, Map<String, String> tags) {
        Topic topic = topic(topicArn);
        Map<String, String> merged = new HashMap<>(topic.tags());
        merged.putAll(tags);
        topics.put(topicArn, topic.withTags(merged));
    }

    synchronized void untag(String topicArn, Collection<String> keys) {
        Topic topic = topic(topicArn);
        Map<String, String> kept = new HashMap<>(topic.tags());
        kept.keySet().removeAll(keys);
        topics.put(topicArn, topic.withTags(kept));
    }

    Page<Topic> topics(String nextToken) {
        return page(topics, nextToken);
    }

    /** The outcome of Subscribe: the subscription, and whether this call created it. */
    record Subscribed(Subscription subscription, boolean created) {}

    /**
     * Subscribes an endpoint, or returns its existing subscription: Subscribe is idempotent for the same topic,
     * protocol and endpoint as long as the attributes asked for agree.
     */
    synchronized Subscribed subscribe(
            String topicArn,
            String protocol,
            String endpoint,
            Map<String, String> requested,
            SubscriptionSettings settings,
            boolean confirmed) {
        topic(topicArn);
        for (Subscription existing : byTopic.getOrDefault(topicArn, List.of())) {
            if (existing.protocol().equals(protocol) && existing.endpoint().equals(endpoint)) {
                if (!existing.settings().agreesWith(requested)) {
                    throw SnsFault.invalidParameter(
                            "Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
                }
                return new Subscribed(existing, false);
            }
        }
        Subscription subscription = new Subscription(
                arns.subscription(topicArn),
                topicArn,
                protocol,
                endpoint,
                arns.accountId(),
                settings,
                confirmed,
                confirmed ? null : Ids.token());
        put(subscription);
        return new Subscribed(subscription, true);
    }

    /** Confirms the pending subscription the token was sent for; confirming twice returns the same subscription. */
    synchronized Subscription confirm(String topicArn, String token) {
        topic(topicArn);
        for (Subscription subscription : byTopic.getOrDefault(topicArn, List.of())) {
            if (token.equals(subscription.token())) {
                Subscription confirmed = subscription.confirm();
                put(confirmed);
                return confirmed;
            }
        }
        throw SnsFault.invalidParameter("Invalid token");
    }

    /** Removes a subscription; removing one that does not exist succeeds, as on AWS. */
    synchronized void unsubscribe(String subscriptionArn) {
        Subscription removed = subscriptions.remove(subscriptionArn);
        if (removed == null) {
            return;
        }
        rebuild(removed.topicArn());
        Topic topic = topics.get(removed.topicArn());
        if (topic != null) {
            topics.put(topic.arn(), topic.withOneMoreDeletion());
        }
    }

    Subscription subscription(String subscriptionArn) {
        Subscription subscription = subscriptions.get(subscriptionArn);
        if (subscription == null) {
            throw SnsFault.notFound("Subscription does not exist");
        }
        return subscription;
    }

    synchronized Subscription setSubscriptionAttribute(String subscriptionArn, String name, String value) {
        Subscription subscription = subscription(subscriptionArn);
        Subscription changed = subscription.withSettings(subscription.settings().with(name, value));
        put(changed);
        return changed;
    }

    Page<Subscription> subscriptions(String nextToken) {
        return page(subscriptions, nextToken);
    }

    Page<Subscription> subscriptionsByTopic(String topicArn, String nextToken) {
        topic(topicArn);
        // A topic's subscription ARNs share its ARN as their prefix, so they sit together in the sorted map.
        return page(subscriptions.subMap(topicArn + ":", true, topicArn + ";", false), nextToken);
    }

    /** The topic's subscriptions, confirmed or not, without locking: what the fan-out reads. */
    List<Subscription> subscriptionsOf(String topicArn) {
        return byTopic.getOrDefault(topicArn, List.of());
    }

    private void put(Subscription subscription) {
        subscriptions.put(subscription.arn(), subscription);
        rebuild(subscription.topicArn());
    }

    private void rebuild(String topicArn) {
        if (topics.containsKey(topicArn)) {
            byTopic.put(
                    topicArn,
                    List.copyOf(subscriptions
                            .subMap(topicArn + ":", true, topicArn + ";", false)
                            .values()));
        }
    }

    /** NextTokens are the key of the last item returned, so pages stay right while items come and go. */
    private static <T> Page<T> page(NavigableMap<String, T> items, String nextToken) {
        NavigableMap<String, T> rest =
                nextToken == null || nextToken.isEmpty() ? items : items.tailMap(decodeToken(nextToken), false);
        List<T> page = new ArrayList<>(Math.min(PAGE_SIZE, rest.size()));
        String last = null;
        for (Map.Entry<String, T> entry : rest.entrySet()) {
            if (page.size() == PAGE_SIZE) {
                return new Page<>(page, Optional.of(encodeToken(last)));
            }
            page.add(entry.getValue());
            last = entry.getKey();
        }
        return new Page<>(page, Optional.empty());
    }

    private static String encodeToken(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SnsFault.invalidParameter("Invalid parameter: NextToken");
        }
    }
}

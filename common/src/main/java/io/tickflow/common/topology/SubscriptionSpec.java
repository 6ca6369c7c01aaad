package io.tickflow.common.topology;

import java.util.Objects;
import java.util.Optional;

/**
 * An SNS subscription that delivers a topic into one of Tickflow's queues.
 *
 * @param topic the topic name
 * @param queue the queue name
 * @param filterPolicy an SNS filter policy as JSON, or empty to receive every message
 * @param rawMessageDelivery whether the queue receives the bare message with its attributes as SQS message attributes,
 *     instead of the SNS notification envelope
 */
public record SubscriptionSpec(String topic, String queue, Optional<String> filterPolicy, boolean rawMessageDelivery) {
    public SubscriptionSpec {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(filterPolicy, "filterPolicy");
    }

    /** Filter policies in Tickflow always match message attributes, never the body. */
    public String filterPolicyScope() {
        return "MessageAttributes";
    }
}

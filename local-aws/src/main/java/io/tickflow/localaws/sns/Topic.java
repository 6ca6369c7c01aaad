package io.tickflow.localaws.sns;

import java.util.Map;

/**
 * A standard topic.
 *
 * @param arn its ARN
 * @param name its name
 * @param attributes the attributes set on it, as given (defaults are added when they are read)
 * @param tags its tags
 * @param subscriptionsDeleted how many subscriptions were removed from it, which GetTopicAttributes reports
 */
record Topic(
        String arn, String name, Map<String, String> attributes, Map<String, String> tags, int subscriptionsDeleted) {

    Topic {
        attributes = Map.copyOf(attributes);
        tags = Map.copyOf(tags);
    }

    Topic withAttributes(Map<String, String> newAttributes) {
        return new Topic(arn, name, newAttributes, tags, subscriptionsDeleted);
    }

    Topic withTags(Map<String, String> newTags) {
        return new Topic(arn, name, attributes, newTags, subscriptionsDeleted);
    }

    Topic withOneMoreDeletion() {
        return new Topic(arn, name, attributes, tags, subscriptionsDeleted + 1);
    }

    /** SignatureVersion 1 signs envelopes with SHA1withRSA, 2 with SHA256withRSA. */
    int signatureVersion() {
        return attributes.getOrDefault(TopicAttributes.SIGNATURE_VERSION, "1").equals("2") ? 2 : 1;
    }
}

package io.tickflow.localaws.sns;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message a topic accepted.
 *
 * @param messageId the id Publish returned
 * @param topicArn the topic it was published to
 * @param body the message, or with {@code MessageStructure=json} its {@code default} entry
 * @param perProtocol with {@code MessageStructure=json}, the other entries by protocol ({@code sqs}, {@code http}...);
 *     otherwise empty
 * @param subject the subject, or null when none was given (SNS then leaves it out of the envelope)
 * @param attributes the message attributes in the order they were given
 * @param timestamp when SNS accepted it
 */
record Message(
        String messageId,
        String topicArn,
        String body,
        Map<String, String> perProtocol,
        String subject,
        List<MessageAttribute> attributes,
        Instant timestamp) {

    /** The text a subscriber of this protocol receives. */
    String bodyFor(String protocol) {
        return perProtocol.isEmpty() ? body : perProtocol.getOrDefault(protocol, body);
    }
}

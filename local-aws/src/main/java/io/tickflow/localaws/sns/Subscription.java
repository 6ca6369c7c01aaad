package io.tickflow.localaws.sns;

/**
 * A subscription of an endpoint to a topic.
 *
 * @param arn its ARN: the topic ARN and a UUID
 * @param topicArn the topic
 * @param protocol {@code sqs}, {@code http} or {@code https}
 * @param endpoint the queue ARN or the URL
 * @param owner the account that subscribed
 * @param settings its attributes, checked and compiled
 * @param confirmed whether it receives messages; HTTP endpoints must confirm first, queues need not
 * @param token the confirmation token sent to an HTTP endpoint
 */
record Subscription(
        String arn,
        String topicArn,
        String protocol,
        String endpoint,
        String owner,
        SubscriptionSettings settings,
        boolean confirmed,
        String token) {

    static final String SQS = "sqs";

    boolean isSqs() {
        return protocol.equals(SQS);
    }

    Subscription confirm() {
        return new Subscription(arn, topicArn, protocol, endpoint, owner, settings, true, token);
    }

    Subscription withSettings(SubscriptionSettings newSettings) {
        return new Subscription(arn, topicArn, protocol, endpoint, owner, newSettings, confirmed, token);
    }
}

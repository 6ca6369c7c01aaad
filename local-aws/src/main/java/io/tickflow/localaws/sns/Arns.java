package io.tickflow.localaws.sns;

import java.util.Optional;
import java.util.regex.Pattern;

/** The ARNs of one region and account: {@code arn:aws:sns:<region>:<account>:<topic>[:<subscription id>]}. */
final class Arns {

    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final String region;
    private final String accountId;
    private final String topicPrefix;

    Arns(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
        this.topicPrefix = "arn:aws:sns:" + region + ":" + accountId + ":";
    }

    String region() {
        return region;
    }

    String accountId() {
        return accountId;
    }

    static boolean isValidTopicName(String name) {
        return TOPIC_NAME.matcher(name).matches();
    }

    String topic(String name) {
        return topicPrefix + name;
    }

    String subscription(String topicArn) {
        return topicArn + ":" + Ids.uuid();
    }

    /**
     * Checks the shape of a topic ARN. A well-formed ARN of another region or account names a topic that does not
     * exist here, which the registry reports as NotFound.
     */
    static void requireTopicArn(String arn, String parameter) {
        Optional<Parts> parts = Parts.parse(arn);
        if (parts.isEmpty()
                || !parts.get().service().equals("sns")
                || !isValidTopicName(parts.get().resource())) {
            throw SnsFault.invalidParameter("Invalid parameter: " + parameter);
        }
    }

    /** Checks the shape of a subscription ARN: a topic ARN followed by {@code :<id>}. */
    static void requireSubscriptionArn(String arn) {
        int last = arn.lastIndexOf(':');
        if (last < 0 || last == arn.length() - 1) {
            throw SnsFault.invalidParameter("Invalid parameter: SubscriptionArn Reason: An ARN must have 7 elements");
        }
        Optional<Parts> topic = Parts.parse(arn.substring(0, last));
        if (topic.isEmpty() || !topic.get().service().equals("sns")) {
            throw SnsFault.invalidParameter("Invalid parameter: SubscriptionArn");
        }
    }

    /**
     * The elements of {@code arn:<partition>:<service>:<region>:<account>:<resource>}.
     *
     * @param resource everything after the account, colons included
     */
    record Parts(String service, String region, String account, String resource) {

        static Optional<Parts> parse(String arn) {
            if (arn == null) {
                return Optional.empty();
            }
            String[] elements = arn.split(":", 6);
            if (elements.length != 6
                    || !elements[0].equals("arn")
                    || elements[1].isEmpty()
                    || elements[2].isEmpty()
                    || elements[5].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Parts(elements[2], elements[3], elements[4], elements[5]));
        }
    }
}

package io.tickflow.common.aws.sns;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * Finds a topic's ARN by its name among the topics that exist. CreateTopic would answer the ARN too, but it creates a
 * missing topic, and services never create resources.
 */
public final class TopicArns {

    private final SnsClient sns;

    public TopicArns(SnsClient sns) {
        this.sns = sns;
    }

    /** The ARN of {@code name}, looked up on first use and then kept; fails while the topic does not exist. */
    public Supplier<String> lookup(String name) {
        return new Supplier<>() {
            private volatile String arn;

            @Override
            public String get() {
                String found = arn;
                if (found == null) {
                    found = sns.listTopicsPaginator().topics().stream()
                            .map(Topic::topicArn)
                            .filter(a -> a.substring(a.lastIndexOf(':') + 1).equals(name))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("SNS topic " + name + " does not exist"));
                    arn = found;
                }
                return found;
            }
        };
    }
}

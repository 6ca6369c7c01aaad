package io.tickflow.common.aws;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * Looks a topic up by name: SNS addresses topics by ARN, so this finds the ARN with ListTopics and then reads the
 * topic with GetTopicAttributes. Never CreateTopic, which would create a missing topic instead of reporting it.
 */
final class TopicCheck implements ResourceCheck {

    private final SnsClient sns;
    private final AwsRequestOverrideConfiguration timeout;

    TopicCheck(SnsClient sns, Duration timeout) {
        this.sns = sns;
        this.timeout = AwsRequestOverrideConfiguration.builder()
                .apiCallTimeout(timeout)
                .build();
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.TOPIC;
    }

    @Override
    public Optional<String> problem(String name) {
        Optional<String> arn = sns.listTopicsPaginator(r -> r.overrideConfiguration(timeout)).topics().stream()
                .map(Topic::topicArn)
                .filter(candidate -> candidate.endsWith(":" + name))
                .findFirst();
        if (arn.isEmpty()) {
            return Optional.of(DOES_NOT_EXIST);
        }
        try {
            sns.getTopicAttributes(r -> r.topicArn(arn.get()).overrideConfiguration(timeout));
            return Optional.empty();
        } catch (NotFoundException deletedSinceListed) {
            return Optional.of(DOES_NOT_EXIST);
        }
    }
}

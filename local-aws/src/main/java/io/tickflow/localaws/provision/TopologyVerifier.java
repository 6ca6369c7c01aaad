package io.tickflow.localaws.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickflow.common.topology.BucketSpec;
import io.tickflow.common.topology.QueueSpec;
import io.tickflow.common.topology.SecretSpec;
import io.tickflow.common.topology.SubscriptionSpec;
import io.tickflow.common.topology.TableSpec;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Checks, through the AWS APIs, that a stack holds a {@link Topology} with its declared settings: the same check for
 * the embedded stack, for what the LocalStack hook creates, and for an AWS account.
 */
public final class TopologyVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalAwsClients aws;

    public TopologyVerifier(LocalAwsClients aws) {
        this.aws = aws;
    }

    /** Every way the stack differs from {@code topology}, one sentence each; empty when it matches. */
    public List<String> differences(Topology topology) {
        List<String> problems = new ArrayList<>();
        Map<String, String> queueArns = new HashMap<>();
        for (QueueSpec queue : topology.queues()) {
            check(problems, "queue " + queue.name(), () -> {
                Map<QueueAttributeName, String> dlq = queueAttributes(queue.deadLetterQueue());
                queueArns.put(queue.deadLetterQueue(), dlq.get(QueueAttributeName.QUEUE_ARN));
                Map<QueueAttributeName, String> attributes = queueAttributes(queue.name());
                queueArns.put(queue.name(), attributes.get(QueueAttributeName.QUEUE_ARN));
                expect(
                        problems,
                        queue.name() + " visibility timeout",
                        Long.toString(queue.visibilityTimeout().toSeconds()),
                        attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
                JsonNode redrive = parse(attributes.getOrDefault(QueueAttributeName.REDRIVE_POLICY, "{}"));
                expect(
                        problems,
                        queue.name() + " dead-letter target",
                        dlq.get(QueueAttributeName.QUEUE_ARN),
                        redrive.path("deadLetterTargetArn").asText(null));
                expect(
                        problems,
                        queue.name() + " maxReceiveCount",
                        Integer.toString(queue.maxReceiveCount()),
                        redrive.path("maxReceiveCount").asText(null));
            });
        }

        Map<String, String> topicArns = aws.sns().listTopicsPaginator().topics().stream()
                .collect(Collectors.toMap(
                        t -> t.topicArn().substring(t.topicArn().lastIndexOf(':') + 1), t -> t.topicArn()));
        topology.topics().stream()
                .filter(topic -> !topicArns.containsKey(topic.name()))
                .forEach(topic -> problems.add("topic " + topic.name() + " is missing"));

        for (SubscriptionSpec spec : topology.subscriptions()) {
            String topicArn = topicArns.get(spec.topic());
            String queueArn = queueArns.get(spec.queue());
            if (topicArn == null || queueArn == null) {
                continue;
            }
            Optional<Subscription> found =
                    aws.sns().listSubscriptionsByTopicPaginator(r -> r.topicArn(topicArn)).stream()
                            .flatMap(page -> page.subscriptions().stream())
                            .filter(s -> queueArn.equals(s.endpoint()))
                            .findFirst();
            if (found.isEmpty()) {
                problems.add("subscription " + spec.topic() + " -> " + spec.queue() + " is missing");
                continue;
            }
            Map<String, String> attributes = aws.sns()
                    .getSubscriptionAttributes(
                            r -> r.subscriptionArn(found.get().subscriptionArn()))
                    .attributes();
            String what = "subscription " + spec.topic() + " -> " + spec.queue();
            expect(
                    problems,
                    what + " RawMessageDelivery",
                    Boolean.toString(spec.rawMessageDelivery()),
                    attributes.getOrDefault("RawMessageDelivery", "false"));
            expect(
                    problems,
                    what + " FilterPolicy",
                    spec.filterPolicy().map(TopologyVerifier::parse).orElse(null),
                    Optional.ofNullable(attributes.get("FilterPolicy"))
                            .filter(p -> !p.isBlank())
                            .map(TopologyVerifier::parse)
                            .orElse(null));
        }

        for (BucketSpec bucket : topology.buckets()) {
            check(problems, "bucket " + bucket.name(), () -> aws.s3().headBucket(r -> r.bucket(bucket.name())));
        }

        for (TableSpec table : topology.tables()) {
            check(problems, "table " + table.name(), () -> {
                TableDescription description = aws.dynamoDb()
                        .describeTable(r -> r.tableName(table.name()))
                        .table();
                List<String> keys = description.keySchema().stream()
                        .map(k -> k.attributeName())
                        .toList();
                List<String> declared =
                        new ArrayList<>(List.of(table.partitionKey().name()));
                table.sortKey().ifPresent(k -> declared.add(k.name()));
                expect(problems, table.name() + " key", declared, keys);
                Set<String> indexes = description.globalSecondaryIndexes().stream()
                        .map(i -> i.indexName())
                        .collect(Collectors.toSet());
                expect(
                        problems,
                        table.name() + " indexes",
                        table.indexes().stream().map(TableSpec.Index::name).collect(Collectors.toSet()),
                        indexes);
                String ttl = aws.dynamoDb()
                        .describeTimeToLive(r -> r.tableName(table.name()))
                        .timeToLiveDescription()
                        .attributeName();
                expect(
                        problems,
                        table.name() + " TTL attribute",
                        table.ttlAttribute().orElse(null),
                        ttl);
            });
        }

        for (SecretSpec secret : topology.secrets()) {
            check(problems, "secret " + secret.name(), () -> {
                JsonNode value = parse(aws.secretsManager()
                        .getSecretValue(r -> r.secretId(secret.name()))
                        .secretString());
                secret.generatedKeys().stream()
                        .filter(key -> value.path(key).asText("").isBlank())
                        .forEach(key -> problems.add("secret " + secret.name() + " has no value for " + key));
            });
        }
        return problems;
    }

    private Map<QueueAttributeName, String> queueAttributes(String name) {
        String url = aws.sqs().getQueueUrl(r -> r.queueName(name)).queueUrl();
        return aws.sqs()
                .getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributes();
    }

    private static void check(List<String> problems, String resource, Runnable check) {
        try {
            check.run();
        } catch (AwsServiceException e) {
            // A missing resource is what this verifier reports, not a failure of the verifier.
            problems.add(resource + ": " + e.awsErrorDetails().errorCode() + " ("
                    + e.awsErrorDetails().errorMessage() + ")");
        }
    }

    private static void expect(List<String> problems, String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            problems.add(what + " is " + actual + ", expected " + expected);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }
}

package io.tickflow.localaws.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickflow.common.topology.BucketSpec;
import io.tickflow.common.topology.QueueSpec;
import io.tickflow.common.topology.SecretSpec;
import io.tickflow.common.topology.SubscriptionSpec;
import io.tickflow.common.topology.TableSpec;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.Endpoints;
import io.tickflow.localaws.LocalAwsClients;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates a {@link Topology} on a running stack through the AWS APIs, so that running it twice changes nothing and
 * the same calls would work against LocalStack or AWS.
 */
public final class TopologyProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopologyProvisioner.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Endpoints endpoints;

    public TopologyProvisioner(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** Creates whatever of the topology is missing and brings the rest to its declared settings. */
    public void provision(Topology topology) {
        try (LocalAwsClients aws = new LocalAwsClients(endpoints)) {
            Map<String, String> queueArns = new HashMap<>();
            for (QueueSpec queue : topology.queues()) {
                String dlqArn = ensureQueue(
                        aws,
                        queue.deadLetterQueue(),
                        Map.of(
                                QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                                Long.toString(QueueSpec.MAX_RETENTION.toSeconds())));
                queueArns.put(queue.deadLetterQueue(), dlqArn);
                Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
                attributes.put(
                        QueueAttributeName.VISIBILITY_TIMEOUT,
                        Long.toString(queue.visibilityTimeout().toSeconds()));
                attributes.put(
                        QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                        Long.toString(queue.retention().toSeconds()));
                attributes.put(
                        QueueAttributeName.REDRIVE_POLICY,
                        json(Map.of(
                                "deadLetterTargetArn",
                                dlqArn,
                                "maxReceiveCount",
                                Integer.toString(queue.maxReceiveCount()))));
                queueArns.put(queue.name(), ensureQueue(aws, queue.name(), attributes));
            }

            Map<String, String> topicArns = new HashMap<>();
            topology.topics()
                    .forEach(topic -> topicArns.put(
                            topic.name(),
                            aws.sns().createTopic(r -> r.name(topic.name())).topicArn()));
            for (SubscriptionSpec subscription : topology.subscriptions()) {
                ensureSubscription(
                        aws,
                        topicArns.get(subscription.topic()),
                        queueArns.get(subscription.queue()),
                        subscriptionAttributes(subscription));
            }

            topology.buckets().forEach(bucket -> ensureBucket(aws, bucket));
            topology.tables().forEach(table -> ensureTable(aws, table));
            topology.secrets().forEach(secret -> ensureSecret(aws, secret));
            log.info(
                    "Topology '{}' provisioned: {} queues, {} topics, {} subscriptions, {} buckets, {} tables, {} secrets",
                    topology.prefix(),
                    topology.allQueueNames().size(),
                    topology.topics().size(),
                    topology.subscriptions().size(),
                    topology.buckets().size(),
                    topology.tables().size(),
                    topology.secrets().size());
        }
    }

    private static String ensureQueue(LocalAwsClients aws, String name, Map<QueueAttributeName, String> attributes) {
        String url;
        try {
            url = aws.sqs().getQueueUrl(r -> r.queueName(name)).queueUrl();
            String existing = url;
            aws.sqs().setQueueAttributes(r -> r.queueUrl(existing).attributes(attributes));
        } catch (QueueDoesNotExistException missing) {
            url = aws.sqs()
                    .createQueue(r -> r.queueName(name).attributes(attributes))
                    .queueUrl();
        }
        String queueUrl = url;
        return aws.sqs()
                .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    private static Map<String, String> subscriptionAttributes(SubscriptionSpec subscription) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("RawMessageDelivery", Boolean.toString(subscription.rawMessageDelivery()));
        subscription.filterPolicy().ifPresent(policy -> {
            attributes.put("FilterPolicy", policy);
            attributes.put("FilterPolicyScope", subscription.filterPolicyScope());
        });
        return attributes;
    }

    private static void ensureSubscription(
            LocalAwsClients aws, String topicArn, String queueArn, Map<String, String> attributes) {
        List<Subscription> existing = aws.sns().listSubscriptionsByTopicPaginator(r -> r.topicArn(topicArn)).stream()
                .flatMap(page -> page.subscriptions().stream())
                .filter(s -> "sqs".equals(s.protocol()) && queueArn.equals(s.endpoint()))
                .toList();
        if (existing.isEmpty()) {
            aws.sns().subscribe(r -> r.topicArn(topicArn)
                    .protocol("sqs")
                    .endpoint(queueArn)
                    .attributes(attributes)
                    .returnSubscriptionArn(true));
            return;
        }
        String arn = existing.getFirst().subscriptionArn();
        attributes.forEach((name, value) -> aws.sns()
                .setSubscriptionAttributes(
                        r -> r.subscriptionArn(arn).attributeName(name).attributeValue(value)));
    }

    private static void ensureBucket(LocalAwsClients aws, BucketSpec bucket) {
        try {
            aws.s3().headBucket(r -> r.bucket(bucket.name()));
        } catch (NoSuchBucketException missing) {
            aws.s3().createBucket(r -> r.bucket(bucket.name()));
        }
        if (bucket.expirations().isEmpty()) {
            return;
        }
        List<LifecycleRule> rules = bucket.expirations().stream()
                .map(e -> LifecycleRule.builder()
                        .id(e.id())
                        .filter(LifecycleRuleFilter.builder()
                                .prefix(e.keyPrefix())
                                .build())
                        .expiration(LifecycleExpiration.builder().days(e.days()).build())
                        .status(ExpirationStatus.ENABLED)
                        .build())
                .toList();
        try {
            aws.s3().putBucketLifecycleConfiguration(r -> r.bucket(bucket.name())
                    .lifecycleConfiguration(
                            BucketLifecycleConfiguration.builder().rules(rules).build()));
        } catch (S3Exception e) {
            // S3Proxy implements no lifecycle API: nothing expires locally, which loses nothing. LocalStack and AWS
            // apply the rules.
            if (e.statusCode() != 501) {
                throw e;
            }
            log.debug("The S3 emulator does not implement lifecycle rules; {} keeps everything", bucket.name());
        }
    }

    private static void ensureTable(LocalAwsClients aws, TableSpec table) {
        try {
            aws.dynamoDb().describeTable(r -> r.tableName(table.name()));
        } catch (ResourceNotFoundException missing) {
            createTable(aws, table);
        }
        table.ttlAttribute().ifPresent(attribute -> {
            boolean enabled = aws.dynamoDb()
                            .describeTimeToLive(r -> r.tableName(table.name()))
                            .timeToLiveDescription()
                            .attributeName()
                    != null;
            if (!enabled) {
                aws.dynamoDb().updateTimeToLive(r -> r.tableName(table.name())
                        .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
            }
        });
    }

    private static void createTable(LocalAwsClients aws, TableSpec table) {
        Map<String, TableSpec.Key> keyAttributes = new LinkedHashMap<>();
        keyAttributes.put(table.partitionKey().name(), table.partitionKey());
        table.sortKey().ifPresent(k -> keyAttributes.put(k.name(), k));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (TableSpec.Index index : table.indexes()) {
            keyAttributes.put(index.partitionKey().name(), index.partitionKey());
            index.sortKey().ifPresent(k -> keyAttributes.put(k.name(), k));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.partitionKey(), index.sortKey().orElse(null)))
                    .projection(p -> p.projectionType(ProjectionType.ALL))
                    .build());
        }
        aws.dynamoDb().createTable(r -> r.tableName(table.name())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(keyAttributes.values().stream()
                        .map(k -> AttributeDefinition.builder()
                                .attributeName(k.name())
                                .attributeType(
                                        ScalarAttributeType.fromValue(k.type().name()))
                                .build())
                        .toList())
                .keySchema(keySchema(table.partitionKey(), table.sortKey().orElse(null)))
                .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes));
    }

    private static List<KeySchemaElement> keySchema(TableSpec.Key hash, TableSpec.Key range) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder()
                .attributeName(hash.name())
                .keyType(KeyType.HASH)
                .build());
        if (range != null) {
            schema.add(KeySchemaElement.builder()
                    .attributeName(range.name())
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return schema;
    }

    private static void ensureSecret(LocalAwsClients aws, SecretSpec secret) {
        try {
            aws.secretsManager().describeSecret(r -> r.secretId(secret.name()));
        } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException missing) {
            // Fresh key material on every new stack: nothing secret lives in the repository.
            Map<String, String> values = new LinkedHashMap<>();
            secret.generatedKeys().forEach(key -> values.put(key, randomKey()));
            aws.secretsManager().createSecret(r -> r.name(secret.name()).secretString(json(values)));
        }
    }

    private static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings is always JSON", e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}

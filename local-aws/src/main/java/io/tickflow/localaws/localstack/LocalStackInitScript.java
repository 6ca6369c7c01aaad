package io.tickflow.localaws.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tickflow.common.topology.BucketSpec;
import io.tickflow.common.topology.QueueSpec;
import io.tickflow.common.topology.SecretSpec;
import io.tickflow.common.topology.SubscriptionSpec;
import io.tickflow.common.topology.TableSpec;
import io.tickflow.common.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the LocalStack ready-hook ({@code localstack-init/ready.d/init-tickflow.sh}) from the {@link Topology}, so
 * that {@code docker compose} and the Testcontainers tests create exactly what the embedded stack provisions. A test
 * fails when the checked-in script differs from what this renders; {@link #main} rewrites it.
 */
public final class LocalStackInitScript {

    /** Where the script lives, relative to the repository root. */
    public static final Path LOCATION = Path.of("localstack-init", "ready.d", "init-tickflow.sh");

    /** The LocalStack image docker compose and the Testcontainers tests run; a test keeps the two equal. */
    public static final String IMAGE = "localstack/localstack:4.4.0";

    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "000000000000";
    // Sorted keys: the script must render the same, byte for byte, on every run.
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private LocalStackInitScript() {}

    /** Rewrites the script under the repository root given as the only argument (default: the working directory). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path script = root.resolve(LOCATION);
        Files.createDirectories(script.getParent());
        Files.writeString(script, render(Topology.tickflow()));
        script.toFile().setExecutable(true, false);
        System.out.println("Wrote " + script);
    }

    /** The script that creates {@code topology} on LocalStack, idempotently. */
    public static String render(Topology topology) {
        StringBuilder sh = new StringBuilder();
        sh.append(
                """
                #!/usr/bin/env bash
                # LocalStack ready-hook: creates Tickflow's topology. Generated from
                # io.tickflow.common.topology.Topology by io.tickflow.localaws.localstack.LocalStackInitScript;
                # do not edit: LocalStackInitScriptTest fails when this file and the topology differ.
                # Regenerate with: ./tickflow generate localstack-init
                # Every step is idempotent, so the hook can run again on a stack that has it all.
                set -euo pipefail

                """);
        sh.append("echo 'tickflow: creating the topology \"")
                .append(topology.prefix())
                .append("\"'\n\n");

        sh.append("# Queues, each with its dead-letter queue\n");
        for (QueueSpec queue : topology.queues()) {
            sh.append("awslocal sqs create-queue --queue-name ")
                    .append(queue.deadLetterQueue())
                    .append(" --attributes ")
                    .append(quote(
                            json(Map.of("MessageRetentionPeriod", Long.toString(QueueSpec.MAX_RETENTION.toSeconds())))))
                    .append(" >/dev/null\n");
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(
                    "VisibilityTimeout", Long.toString(queue.visibilityTimeout().toSeconds()));
            attributes.put(
                    "MessageRetentionPeriod", Long.toString(queue.retention().toSeconds()));
            attributes.put(
                    "RedrivePolicy",
                    json(Map.of(
                            "deadLetterTargetArn",
                            queueArn(queue.deadLetterQueue()),
                            "maxReceiveCount",
                            Integer.toString(queue.maxReceiveCount()))));
            sh.append("awslocal sqs create-queue --queue-name ")
                    .append(queue.name())
                    .append(" --attributes ")
                    .append(quote(json(attributes)))
                    .append(" >/dev/null\n");
        }

        sh.append("\n# Topics\n");
        topology.topics().forEach(topic -> sh.append("awslocal sns create-topic --name ")
                .append(topic.name())
                .append(" >/dev/null\n"));

        sh.append("\n# Subscriptions (SNS Subscribe is idempotent for the same topic, endpoint and attributes)\n");
        for (SubscriptionSpec subscription : topology.subscriptions()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("RawMessageDelivery", Boolean.toString(subscription.rawMessageDelivery()));
            subscription.filterPolicy().ifPresent(policy -> {
                attributes.put("FilterPolicy", policy);
                attributes.put("FilterPolicyScope", subscription.filterPolicyScope());
            });
            sh.append("awslocal sns subscribe --topic-arn ")
                    .append(topicArn(subscription.topic()))
                    .append(" --protocol sqs --notification-endpoint ")
                    .append(queueArn(subscription.queue()))
                    .append(" --attributes ")
                    .append(quote(json(attributes)))
                    .append(" >/dev/null\n");
        }

        sh.append("\n# Buckets and their lifecycle rules\n");
        for (BucketSpec bucket : topology.buckets()) {
            sh.append("awslocal s3api head-bucket --bucket ")
                    .append(bucket.name())
                    .append(" 2>/dev/null || awslocal s3api create-bucket --bucket ")
                    .append(bucket.name())
                    .append(" >/dev/null\n");
            if (!bucket.expirations().isEmpty()) {
                List<Map<String, Object>> rules = bucket.expirations().stream()
                        .map(e -> Map.<String, Object>of(
                                "ID", e.id(),
                                "Filter", Map.of("Prefix", e.keyPrefix()),
                                "Status", "Enabled",
                                "Expiration", Map.of("Days", e.days())))
                        .toList();
                sh.append("awslocal s3api put-bucket-lifecycle-configuration --bucket ")
                        .append(bucket.name())
                        .append(" --lifecycle-configuration ")
                        .append(quote(json(Map.of("Rules", rules))))
                        .append('\n');
            }
        }

        sh.append("\n# Tables (on-demand), their indexes and TTL\n");
        for (TableSpec table : topology.tables()) {
            sh.append("if ! awslocal dynamodb describe-table --table-name ")
                    .append(table.name())
                    .append(" >/dev/null 2>&1; then\n  awslocal dynamodb create-table --table-name ")
                    .append(table.name())
                    .append(" --billing-mode PAY_PER_REQUEST --attribute-definitions ")
                    .append(quote(json(attributeDefinitions(table))))
                    .append(" --key-schema ")
                    .append(quote(
                            json(keySchema(table.partitionKey(), table.sortKey().orElse(null)))));
            if (!table.indexes().isEmpty()) {
                List<Map<String, Object>> indexes = table.indexes().stream()
                        .map(index -> Map.<String, Object>of(
                                "IndexName", index.name(),
                                "KeySchema",
                                        keySchema(
                                                index.partitionKey(),
                                                index.sortKey().orElse(null)),
                                "Projection", Map.of("ProjectionType", "ALL")))
                        .toList();
                sh.append(" --global-secondary-indexes ").append(quote(json(indexes)));
            }
            sh.append(" >/dev/null\n");
            table.ttlAttribute().ifPresent(ttl -> sh.append("  awslocal dynamodb update-time-to-live --table-name ")
                    .append(table.name())
                    .append(" --time-to-live-specification Enabled=true,AttributeName=")
                    .append(ttl)
                    .append(" >/dev/null\n"));
            sh.append("fi\n");
        }

        sh.append("\n# Secrets: fresh random key material for each new stack, never kept in the repository\n");
        sh.append("random_key() { head -c 32 /dev/urandom | base64 | tr -d '\\n'; }\n");
        for (SecretSpec secret : topology.secrets()) {
            StringBuilder value = new StringBuilder("{");
            for (int i = 0; i < secret.generatedKeys().size(); i++) {
                value.append(i == 0 ? "" : ",")
                        .append("\\\"")
                        .append(secret.generatedKeys().get(i))
                        .append("\\\":\\\"$(random_key)\\\"");
            }
            value.append('}');
            sh.append("awslocal secretsmanager describe-secret --secret-id ")
                    .append(secret.name())
                    .append(" >/dev/null 2>&1 || awslocal secretsmanager create-secret --name ")
                    .append(secret.name())
                    .append(" --secret-string \"")
                    .append(value)
                    .append("\" >/dev/null\n");
        }
        sh.append("\necho 'tickflow: topology ready'\n");
        return sh.toString();
    }

    private static List<Map<String, String>> attributeDefinitions(TableSpec table) {
        Map<String, TableSpec.Key> keys = new LinkedHashMap<>();
        keys.put(table.partitionKey().name(), table.partitionKey());
        table.sortKey().ifPresent(k -> keys.put(k.name(), k));
        for (TableSpec.Index index : table.indexes()) {
            keys.put(index.partitionKey().name(), index.partitionKey());
            index.sortKey().ifPresent(k -> keys.put(k.name(), k));
        }
        return keys.values().stream()
                .map(k -> Map.of(
                        "AttributeName", k.name(), "AttributeType", k.type().name()))
                .toList();
    }

    private static List<Map<String, String>> keySchema(TableSpec.Key hash, TableSpec.Key range) {
        List<Map<String, String>> schema = new ArrayList<>();
        schema.add(Map.of("AttributeName", hash.name(), "KeyType", "HASH"));
        if (range != null) {
            schema.add(Map.of("AttributeName", range.name(), "KeyType", "RANGE"));
        }
        return schema;
    }

    private static String queueArn(String name) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
    }

    private static String topicArn(String name) {
        return "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + name;
    }

    /** Single-quotes a JSON argument for bash; the JSON the topology produces never holds a single quote. */
    private static String quote(String json) {
        if (json.indexOf('\'') >= 0) {
            throw new IllegalArgumentException("A topology value holds a single quote: " + json);
        }
        return "'" + json + "'";
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Topology values are plain maps, lists and strings", e);
        }
    }
}

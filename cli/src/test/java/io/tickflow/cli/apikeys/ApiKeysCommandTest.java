package io.tickflow.cli.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.notify.ApiKeyHash;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.Endpoints;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code api-keys} against the embedded stack, whose provisioner made the {@code tickflow-api-keys} table and the
 * {@code tickflow/notification-service} secret with a random pepper, as for the running service.
 */
@ExtendWith(LocalAwsExtension.class)
class ApiKeysCommandTest {

    private static final Instant ISSUED = Instant.parse("2025-06-01T08:00:00Z");
    private static final Instant REVOKED = Instant.parse("2025-06-02T09:30:00Z");
    private static final String TABLE = Topology.tickflow().table("api-keys");

    private final Endpoints endpoints;
    private final LocalAwsClients aws;
    private final String owner = "alice-" + UUID.randomUUID().toString().substring(0, 8);

    ApiKeysCommandTest(Endpoints endpoints, LocalAwsClients aws) {
        this.endpoints = endpoints;
        this.aws = aws;
    }

    @Test
    void issueStoresOnlyThePepperedHashOfTheKeyItPrintsOnce() throws Exception {
        Run run = run(ISSUED, "issue", owner);

        assertThat(run.code()).as(run.toString()).isZero();
        String key = run.out().strip();
        assertThat(key).matches("tfk_[A-Za-z0-9_-]{43}");
        assertThat(run.err()).contains("cannot be shown again");
        // The hash as the service computes it, from the pepper in the stack's secret, written here apart from the CLI.
        String pepper = ContractJson.mapper()
                .readTree(aws.secretsManager()
                        .getSecretValue(r -> r.secretId("tickflow/notification-service"))
                        .secretString())
                .get("tickflow.notify.api-key-pepper")
                .asString();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hash = HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        assertThat(hash).isEqualTo(ApiKeyHash.of(pepper, key));

        Map<String, AttributeValue> item = aws.dynamoDb()
                .getItem(r -> r.tableName(TABLE).key(Map.of("keyHash", AttributeValue.fromS(hash))))
                .item();
        assertThat(item)
                .containsOnlyKeys("keyHash", "keyId", "owner", "createdAt")
                .containsEntry("keyId", AttributeValue.fromS(hash.substring(0, 12)))
                .containsEntry("owner", AttributeValue.fromS(owner))
                .containsEntry("createdAt", AttributeValue.fromS("2025-06-01T08:00:00Z"));
        assertThat(item.values()).noneMatch(value -> value.s().contains(key.substring(4)));
        assertThat(run.err()).contains(hash.substring(0, 12)).doesNotContain(key);
    }

    @Test
    void eachIssueMakesADifferentKey() {
        String first = run(ISSUED, "issue", owner).out().strip();
        String second = run(ISSUED, "issue", owner).out().strip();

        assertThat(first).isNotEqualTo(second);
        assertThat(keyIds(owner)).hasSize(2);
    }

    @Test
    void revokeSetsRevokedAtOnTheOwnersKeyAndKeepsTheFirstTime() {
        String key = run(ISSUED, "issue", owner).out().strip();
        String keyId = keyIds(owner).getFirst();

        Run revoked = run(REVOKED, "revoke", owner, keyId);
        Run again = run(REVOKED.plusSeconds(3600), "revoke", owner, keyId);

        assertThat(revoked.code()).as(revoked.toString()).isZero();
        assertThat(revoked.out()).contains("Revoked key " + keyId);
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("already revoked at 2025-06-02 09:30:00");
        Map<String, AttributeValue> item = itemOf(owner, keyId);
        assertThat(item.get("revokedAt")).isEqualTo(AttributeValue.fromS("2025-06-02T09:30:00Z"));
        assertThat(item.get("keyHash").s()).doesNotContain(key);
    }

    @Test
    void anotherOwnerCannotRevokeAKey() {
        run(ISSUED, "issue", owner);
        String keyId = keyIds(owner).getFirst();

        Run run = run(REVOKED, "revoke", "mallory-" + owner, keyId);

        assertThat(run.code()).isEqualTo(ApiKeysCommand.FAILED);
        assertThat(run.err()).contains("has no key " + keyId);
        assertThat(itemOf(owner, keyId)).doesNotContainKey("revokedAt");
    }

    @Test
    void listShowsIdsAndTimesNeverKeys() {
        String kept = run(ISSUED, "issue", owner).out().strip();
        String revoked = run(ISSUED.plusSeconds(60), "issue", owner).out().strip();
        List<String> ids = keyIds(owner);
        String revokedId = ids.stream()
                .filter(id -> itemOf(owner, id).get("createdAt").s().equals("2025-06-01T08:01:00Z"))
                .findFirst()
                .orElseThrow();
        run(REVOKED, "revoke", owner, revokedId);

        Run list = run(REVOKED, "list", owner);

        assertThat(list.code()).isZero();
        assertThat(list.out())
                .contains("key id")
                .containsPattern(revokedId + "\\s+2025-06-01 08:01:00\\s+2025-06-02 09:30:00")
                .containsPattern(ids.stream()
                                .filter(id -> !id.equals(revokedId))
                                .findFirst()
                                .orElseThrow() + "\\s+2025-06-01 08:00:00\\s+-")
                .doesNotContain(kept)
                .doesNotContain(revoked)
                .doesNotContain(itemOf(owner, revokedId).get("keyHash").s());
    }

    @Test
    void refusesAnOwnerTheServiceWouldNotAccept() {
        Run run = run(ISSUED, "issue", "alice smith");

        assertThat(run.code()).isEqualTo(ApiKeysCommand.USAGE);
        assertThat(run.err()).contains("an owner is 1 to 128 letters");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void saysWhatToDoWhenTheStackIsNotRunning() {
        Map<String, String> env = Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1",
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:1",
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "tickflow",
                "AWS_SECRET_ACCESS_KEY", "tickflow-local");

        Run run = run(env, ISSUED, "list", owner);

        assertThat(run.code()).isEqualTo(ApiKeysCommand.FAILED);
        assertThat(run.err())
                .contains("AWS did not answer")
                .contains("127.0.0.1:1")
                .contains("./tickflow up");
    }

    private List<String> keyIds(String of) {
        return aws
                .dynamoDb()
                .query(r -> r.tableName(TABLE)
                        .indexName("by-owner")
                        .keyConditionExpression("#o = :o")
                        .expressionAttributeNames(Map.of("#o", "owner"))
                        .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(of))))
                .items()
                .stream()
                .map(item -> item.get("keyId").s())
                .toList();
    }

    private Map<String, AttributeValue> itemOf(String of, String keyId) {
        return aws
                .dynamoDb()
                .query(r -> r.tableName(TABLE)
                        .indexName("by-owner")
                        .keyConditionExpression("#o = :o")
                        .expressionAttributeNames(Map.of("#o", "owner"))
                        .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(of))))
                .items()
                .stream()
                .filter(item -> item.get("keyId").s().equals(keyId))
                .findFirst()
                .orElseThrow();
    }

    private Run run(Instant now, String... args) {
        return run(endpoints.environment(), now, args);
    }

    private static Run run(Map<String, String> env, Instant now, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new ApiKeysCommand(env, o, e, Clock.fixed(now, ZoneOffset.UTC)).run(List.of(args));
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}

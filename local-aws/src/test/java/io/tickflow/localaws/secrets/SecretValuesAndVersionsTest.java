package io.tickflow.localaws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;

/** Values, versions and staging labels through the AWS SDK v2 client, as the services use it. */
class SecretValuesAndVersionsTest {

    private static final Instant START = Instant.parse("2026-03-01T10:15:30.123Z");

    private final MutableClock clock = new MutableClock(START);
    private SecretsManagerEndpoint endpoint;
    private SecretsManagerClient sm;

    @BeforeEach
    void start() {
        endpoint = SecretsManagerEndpoint.start(
                SdkClients.freeLoopbackPort(),
                new SecretStore(SdkClients.REGION, SdkClients.ACCOUNT_ID, clock, SecretPersistence.inMemory()));
        sm = SdkClients.secretsManager(endpoint.endpoint());
    }

    @AfterEach
    void stop() {
        sm.close();
        endpoint.close();
    }

    @Test
    void createdSecretIsReadBackByNameFullArnAndPartialArn() {
        CreateSecretResponse created =
                sm.createSecret(r -> r.name("tickflow/ingest/api-keys").secretString("{\"apiKey\":\"k-1\"}"));

        assertThat(created.arn())
                .matches(
                        "arn:aws:secretsmanager:us-east-1:000000000000:secret:tickflow/ingest/api-keys-[A-Za-z0-9]{6}");
        String partialArn = created.arn().substring(0, created.arn().length() - 7);
        for (String secretId : List.of("tickflow/ingest/api-keys", created.arn(), partialArn)) {
            GetSecretValueResponse value = sm.getSecretValue(r -> r.secretId(secretId));
            assertThat(value.secretString()).isEqualTo("{\"apiKey\":\"k-1\"}");
            assertThat(value.secretBinary()).isNull();
            assertThat(value.name()).isEqualTo("tickflow/ingest/api-keys");
            assertThat(value.arn()).isEqualTo(created.arn());
            assertThat(value.versionId()).isEqualTo(created.versionId());
            assertThat(value.versionStages()).containsExactly("AWSCURRENT");
            assertThat(value.createdDate()).isEqualTo(START);
        }
    }

    @Test
    void binarySecretRoundTripsByteForByte() {
        byte[] key = new byte[300];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7);
        }
        sm.createSecret(r -> r.name("binary-key").secretBinary(SdkBytes.fromByteArray(key)));

        GetSecretValueResponse value = sm.getSecretValue(r -> r.secretId("binary-key"));

        assertThat(value.secretBinary().asByteArray()).isEqualTo(key);
        assertThat(value.secretString()).isNull();
    }

    @Test
    void emptySecretStringIsAValueNotAnAbsence() {
        sm.createSecret(r -> r.name("empty").secretString(""));

        assertThat(sm.getSecretValue(r -> r.secretId("empty")).secretString()).isEmpty();
    }

    @Test
    void eachPutMovesCurrentToTheNewVersionAndPreviousToTheOldCurrent() {
        String v1 = sm.createSecret(r -> r.name("db").secretString("one")).versionId();
        clock.advance(Duration.ofMinutes(1));
        PutSecretValueResponse put2 = sm.putSecretValue(r -> r.secretId("db").secretString("two"));
        clock.advance(Duration.ofMinutes(1));
        PutSecretValueResponse put3 = sm.putSecretValue(r -> r.secretId("db").secretString("three"));

        assertThat(put3.versionStages()).containsExactly("AWSCURRENT");
        assertThat(sm.getSecretValue(r -> r.secretId("db")).secretString()).isEqualTo("three");
        GetSecretValueResponse previous =
                sm.getSecretValue(r -> r.secretId("db").versionStage("AWSPREVIOUS"));
        assertThat(previous.secretString()).isEqualTo("two");
        assertThat(previous.versionId()).isEqualTo(put2.versionId());
        assertThat(previous.versionStages()).containsExactly("AWSPREVIOUS");
        assertThat(previous.createdDate()).isEqualTo(START.plus(Duration.ofMinutes(1)));

        GetSecretValueResponse first = sm.getSecretValue(r -> r.secretId("db").versionId(v1));
        assertThat(first.secretString()).isEqualTo("one");
        assertThat(first.versionStages()).isEmpty();

        DescribeSecretResponse described = sm.describeSecret(r -> r.secretId("db"));
        assertThat(described.versionIdsToStages())
                .containsOnlyKeys(put2.versionId(), put3.versionId())
                .containsEntry(put3.versionId(), List.of("AWSCURRENT"))
                .containsEntry(put2.versionId(), List.of("AWSPREVIOUS"));
        assertThat(described.lastChangedDate()).isEqualTo(START.plus(Duration.ofMinutes(2)));
        assertThat(described.createdDate()).isEqualTo(START);
    }

    @Test
    void explicitStagesMoveOnlyThoseLabels() {
        String v1 = sm.createSecret(r -> r.name("rotating").secretString("one")).versionId();
        PutSecretValueResponse pending = sm.putSecretValue(
                r -> r.secretId("rotating").secretString("two").versionStages("AWSPENDING"));

        assertThat(pending.versionStages()).containsExactly("AWSPENDING");
        assertThat(sm.getSecretValue(r -> r.secretId("rotating")).versionId()).isEqualTo(v1);
        assertThat(sm.getSecretValue(r -> r.secretId("rotating").versionStage("AWSPENDING"))
                        .secretString())
                .isEqualTo("two");
    }

    @Test
    void samePutTokenWithSameValueIsIdempotent() {
        String v1 = sm.createSecret(r -> r.name("retried").secretString("one")).versionId();
        String token = UUID.randomUUID().toString();

        String first = sm.putSecretValue(
                        r -> r.secretId("retried").secretString("two").clientRequestToken(token))
                .versionId();
        String again = sm.putSecretValue(
                        r -> r.secretId("retried").secretString("two").clientRequestToken(token))
                .versionId();

        assertThat(first).isEqualTo(token).isEqualTo(again);
        assertThat(sm.listSecretVersionIds(r -> r.secretId("retried").includeDeprecated(true))
                        .versions())
                .hasSize(2);
        // Had the retry made a version, the first one would have lost AWSPREVIOUS.
        assertThat(sm.getSecretValue(r -> r.secretId("retried").versionStage("AWSPREVIOUS"))
                        .versionId())
                .isEqualTo(v1);
    }

    @Test
    void samePutTokenWithAnotherValueIsResourceExists() {
        sm.createSecret(r -> r.name("immutable").secretString("one"));
        String token = UUID.randomUUID().toString();
        sm.putSecretValue(r -> r.secretId("immutable").secretString("two").clientRequestToken(token));

        assertThatThrownBy(() -> sm.putSecretValue(
                        r -> r.secretId("immutable").secretString("changed").clientRequestToken(token)))
                .isInstanceOf(ResourceExistsException.class);
        assertThat(sm.getSecretValue(r -> r.secretId("immutable")).secretString())
                .isEqualTo("two");
    }

    @Test
    void retriedCreateIsIdempotentButAnotherCreateOfTheNameIsResourceExists() {
        String token = UUID.randomUUID().toString();
        CreateSecretResponse first =
                sm.createSecret(r -> r.name("once").secretString("v").clientRequestToken(token));
        CreateSecretResponse retried =
                sm.createSecret(r -> r.name("once").secretString("v").clientRequestToken(token));

        assertThat(retried.arn()).isEqualTo(first.arn());
        assertThat(retried.versionId()).isEqualTo(token);
        assertThatThrownBy(() -> sm.createSecret(r -> r.name("once").secretString("v")))
                .isInstanceOf(ResourceExistsException.class)
                .hasMessageContaining("once already exists");
    }

    @Test
    void missingSecretIsResourceNotFoundForEveryOperation() {
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("missing")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("can't find the specified secret");
        assertThatThrownBy(() -> sm.describeSecret(r -> r.secretId("missing")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sm.putSecretValue(r -> r.secretId("missing").secretString("x")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sm.deleteSecret(r -> r.secretId("missing")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sm.getSecretValue(
                        r -> r.secretId("arn:aws:secretsmanager:us-east-1:000000000000:secret:missing-AbC123")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void missingVersionIsResourceNotFound() {
        sm.createSecret(r -> r.name("single").secretString("v"));
        sm.createSecret(r -> r.name("no-value").description("filled in later"));

        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("single").versionStage("AWSPREVIOUS")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("staging label: AWSPREVIOUS");
        assertThatThrownBy(() -> sm.getSecretValue(
                        r -> r.secretId("single").versionId(UUID.randomUUID().toString())))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("VersionId");
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("no-value")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("staging label: AWSCURRENT");
    }

    @Test
    void updateChangesTheDescriptionAloneOrAddsACurrentVersion() {
        String v1 = sm.createSecret(r -> r.name("config").secretString("one").description("first"))
                .versionId();

        UpdateSecretResponse described =
                sm.updateSecret(r -> r.secretId("config").description("second"));
        assertThat(described.versionId()).isNull();
        assertThat(sm.describeSecret(r -> r.secretId("config")).description()).isEqualTo("second");
        assertThat(sm.getSecretValue(r -> r.secretId("config")).versionId()).isEqualTo(v1);

        UpdateSecretResponse revalued =
                sm.updateSecret(r -> r.secretId("config").secretString("two"));
        assertThat(revalued.versionId()).isNotNull().isNotEqualTo(v1);
        assertThat(sm.getSecretValue(r -> r.secretId("config")).secretString()).isEqualTo("two");
        assertThat(sm.getSecretValue(r -> r.secretId("config").versionStage("AWSPREVIOUS"))
                        .versionId())
                .isEqualTo(v1);
    }

    @Test
    void aSecretCreatedWithoutValueGetsItsFirstValueAsCurrent() {
        CreateSecretResponse created = sm.createSecret(r -> r.name("later"));
        assertThat(created.versionId()).isNull();

        PutSecretValueResponse put =
                sm.putSecretValue(r -> r.secretId("later").secretString("v").versionStages("AWSPENDING"));

        assertThat(put.versionStages()).containsExactly("AWSPENDING", "AWSCURRENT");
        assertThat(sm.getSecretValue(r -> r.secretId("later")).secretString()).isEqualTo("v");
    }

    @Test
    void invalidRequestsAreTypedErrors() {
        assertThatThrownBy(() -> sm.createSecret(
                        r -> r.name("both").secretString("s").secretBinary(SdkBytes.fromUtf8String("b"))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sm.createSecret(r -> r.name("bad name!").secretString("s")))
                .isInstanceOf(InvalidParameterException.class);
        sm.createSecret(r -> r.name("ok").secretString("s"));
        assertThatThrownBy(() -> sm.putSecretValue(r -> r.secretId("ok")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sm.putSecretValue(
                        r -> r.secretId("ok").secretString("x").clientRequestToken("too-short")))
                .isInstanceOf(SecretsManagerException.class)
                .satisfies(e -> assertThat(
                                ((SecretsManagerException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
    }

    @Test
    void tagsAreKeptReplacedAndRemoved() {
        sm.createSecret(r -> r.name("tagged")
                .secretString("v")
                .tags(SdkClients.tag("team", "ingest"), SdkClients.tag("tier", "gold")));

        sm.tagResource(r -> r.secretId("tagged").tags(SdkClients.tag("tier", "silver")));
        sm.untagResource(r -> r.secretId("tagged").tagKeys("team"));

        assertThat(sm.describeSecret(r -> r.secretId("tagged")).tags())
                .singleElement()
                .satisfies(tag -> {
                    assertThat(tag.key()).isEqualTo("tier");
                    assertThat(tag.value()).isEqualTo("silver");
                });
    }

    @Test
    void concurrentWritersKeepExactlyOneCurrentAndOnePreviousVersion() throws Exception {
        int writers = 8;
        int putsEach = 12; // 97 versions: under the 100 kept, so none is dropped
        for (int w = 0; w < writers; w++) {
            int writer = w;
            sm.createSecret(r -> r.name("own-" + writer).secretString("0"));
        }
        sm.createSecret(r -> r.name("shared").secretString("0"));

        List<Callable<Void>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            work.add(() -> {
                for (int i = 1; i <= putsEach; i++) {
                    String value = writer + ":" + i;
                    sm.putSecretValue(r -> r.secretId("shared").secretString(value));
                    sm.putSecretValue(r -> r.secretId("own-" + writer).secretString(value));
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        }

        DescribeSecretResponse shared = sm.describeSecret(r -> r.secretId("shared"));
        assertThat(shared.versionIdsToStages().values())
                .containsExactlyInAnyOrder(List.of("AWSCURRENT"), List.of("AWSPREVIOUS"));
        assertThat(sm.listSecretVersionIds(r -> r.secretId("shared").includeDeprecated(true))
                        .versions())
                .hasSize(1 + writers * putsEach);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            assertThat(sm.getSecretValue(r -> r.secretId("own-" + writer)).secretString())
                    .isEqualTo(writer + ":" + putsEach);
        }
    }
}

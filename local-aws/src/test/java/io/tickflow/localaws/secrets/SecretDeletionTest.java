package io.tickflow.localaws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/** Scheduled deletion, its recovery window, restore and forced deletion. */
class SecretDeletionTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private SecretsManagerEndpoint endpoint;
    private SecretsManagerClient sm;

    @BeforeEach
    void start() {
        endpoint = SecretsManagerEndpoint.start(
                SdkClients.freeLoopbackPort(),
                new SecretStore(SdkClients.REGION, SdkClients.ACCOUNT_ID, clock, SecretPersistence.inMemory()));
        sm = SdkClients.secretsManager(endpoint.endpoint());
        sm.createSecret(r -> r.name("doomed").secretString("v"));
    }

    @AfterEach
    void stop() {
        sm.close();
        endpoint.close();
    }

    @Test
    void deletionWithoutWindowIsScheduledThirtyDaysOut() {
        clock.advance(Duration.ofHours(1));

        DeleteSecretResponse deleted = sm.deleteSecret(r -> r.secretId("doomed"));

        assertThat(deleted.deletionDate())
                .isEqualTo(START.plus(Duration.ofHours(1)).plus(Duration.ofDays(30)));
        assertThat(sm.describeSecret(r -> r.secretId("doomed")).deletedDate())
                .isEqualTo(START.plus(Duration.ofHours(1)));
    }

    @Test
    void aSecretMarkedForDeletionCannotBeReadUntilRestored() {
        DeleteSecretResponse deleted = sm.deleteSecret(r -> r.secretId("doomed").recoveryWindowInDays(7L));

        assertThat(deleted.deletionDate()).isEqualTo(START.plus(Duration.ofDays(7)));
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("doomed")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("marked for deletion");
        assertThatThrownBy(() -> sm.putSecretValue(r -> r.secretId("doomed").secretString("w")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> sm.createSecret(r -> r.name("doomed").secretString("again")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("scheduled for deletion");
        assertThatThrownBy(() -> sm.deleteSecret(r -> r.secretId("doomed")))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(sm.listSecrets(r -> {}).secretList())
                .extracting(SecretListEntry::name)
                .doesNotContain("doomed");
        assertThat(sm.listSecrets(r -> r.includePlannedDeletion(true)).secretList())
                .singleElement()
                .satisfies(entry -> assertThat(entry.deletedDate()).isEqualTo(START));

        sm.restoreSecret(r -> r.secretId("doomed"));

        assertThat(sm.getSecretValue(r -> r.secretId("doomed")).secretString()).isEqualTo("v");
        assertThat(sm.describeSecret(r -> r.secretId("doomed")).deletedDate()).isNull();
    }

    @Test
    void aSecretIsGoneOnceItsRecoveryWindowHasPassed() {
        String oldArn = sm.deleteSecret(r -> r.secretId("doomed").recoveryWindowInDays(7L))
                .arn();

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(sm.describeSecret(r -> r.secretId("doomed")).deletedDate()).isNotNull();

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> sm.describeSecret(r -> r.secretId("doomed")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sm.restoreSecret(r -> r.secretId("doomed")))
                .isInstanceOf(ResourceNotFoundException.class);
        String newArn =
                sm.createSecret(r -> r.name("doomed").secretString("new")).arn();
        assertThat(newArn).isNotEqualTo(oldArn);
    }

    @Test
    void forcedDeletionRemovesTheSecretAtOnceAndFreesItsName() {
        String oldArn = sm.describeSecret(r -> r.secretId("doomed")).arn();

        DeleteSecretResponse deleted = sm.deleteSecret(r -> r.secretId("doomed").forceDeleteWithoutRecovery(true));

        assertThat(deleted.deletionDate()).isEqualTo(START);
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("doomed")))
                .isInstanceOf(ResourceNotFoundException.class);
        sm.createSecret(r -> r.name("doomed").secretString("reborn"));
        assertThat(sm.getSecretValue(r -> r.secretId("doomed")).secretString()).isEqualTo("reborn");
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId(oldArn)))
                .as("the old ARN names the old secret, not the new one of the same name")
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aScheduledDeletionCanStillBeForced() {
        sm.deleteSecret(r -> r.secretId("doomed"));

        sm.deleteSecret(r -> r.secretId("doomed").forceDeleteWithoutRecovery(true));

        assertThatThrownBy(() -> sm.describeSecret(r -> r.secretId("doomed")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void recoveryWindowOutsideSevenToThirtyDaysOrWithForceIsInvalid() {
        assertThatThrownBy(() -> sm.deleteSecret(r -> r.secretId("doomed").recoveryWindowInDays(6L)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sm.deleteSecret(r -> r.secretId("doomed").recoveryWindowInDays(31L)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sm.deleteSecret(
                        r -> r.secretId("doomed").recoveryWindowInDays(7L).forceDeleteWithoutRecovery(true)))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(sm.getSecretValue(r -> r.secretId("doomed")).secretString()).isEqualTo("v");
    }
}

package io.tickflow.localaws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** Secrets kept in a store file survive a restart; a change that cannot be saved is not made. */
class StoreFilePersistenceTest {

    @TempDir
    Path directory;

    private SecretsManagerEndpoint startOn(Path storeFile) {
        return SecretsManagerEndpoint.start(
                SdkClients.freeLoopbackPort(), SdkClients.REGION, SdkClients.ACCOUNT_ID, storeFile);
    }

    @Test
    void secretsVersionsTagsAndScheduledDeletionsSurviveARestart() {
        Path storeFile = directory.resolve("state/secrets.json");
        String arn;
        String v1;
        String v2;
        String v3;
        try (SecretsManagerEndpoint first = startOn(storeFile);
                SecretsManagerClient sm = SdkClients.secretsManager(first.endpoint())) {
            var created = sm.createSecret(r -> r.name("tickflow/notify/webhook")
                    .description("signing key")
                    .secretString("{\"key\":\"one\"}")
                    .tags(SdkClients.tag("team", "notify")));
            arn = created.arn();
            v1 = created.versionId();
            v2 = sm.putSecretValue(r -> r.secretId("tickflow/notify/webhook").secretString("{\"key\":\"two\"}"))
                    .versionId();
            v3 = sm.putSecretValue(
                            r -> r.secretId("tickflow/notify/webhook").secretBinary(SdkBytes.fromUtf8String("three")))
                    .versionId();
            sm.createSecret(r -> r.name("scheduled").secretString("x"));
            sm.deleteSecret(r -> r.secretId("scheduled").recoveryWindowInDays(10L));
            sm.createSecret(r -> r.name("forced").secretString("x"));
            sm.deleteSecret(r -> r.secretId("forced").forceDeleteWithoutRecovery(true));
        }

        try (SecretsManagerEndpoint second = startOn(storeFile);
                SecretsManagerClient sm = SdkClients.secretsManager(second.endpoint())) {
            var current = sm.getSecretValue(r -> r.secretId(arn));
            assertThat(current.versionId()).isEqualTo(v3);
            assertThat(current.secretBinary().asUtf8String()).isEqualTo("three");
            var previous =
                    sm.getSecretValue(r -> r.secretId("tickflow/notify/webhook").versionStage("AWSPREVIOUS"));
            assertThat(previous.versionId()).isEqualTo(v2);
            assertThat(previous.secretString()).isEqualTo("{\"key\":\"two\"}");
            assertThat(sm.getSecretValue(
                                    r -> r.secretId("tickflow/notify/webhook").versionId(v1))
                            .secretString())
                    .isEqualTo("{\"key\":\"one\"}");

            DescribeSecretResponse described = sm.describeSecret(r -> r.secretId("tickflow/notify/webhook"));
            assertThat(described.description()).isEqualTo("signing key");
            assertThat(described.tags()).singleElement().satisfies(t -> assertThat(t.value())
                    .isEqualTo("notify"));
            assertThat(described.versionIdsToStages()).containsOnlyKeys(v2, v3);

            assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("scheduled")))
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(sm.describeSecret(r -> r.secretId("scheduled")).deletedDate())
                    .isNotNull();
            assertThatThrownBy(() -> sm.describeSecret(r -> r.secretId("forced")))
                    .isInstanceOf(ResourceNotFoundException.class);

            // A restored secret stays restored across the next restart too.
            sm.restoreSecret(r -> r.secretId("scheduled"));
        }

        try (SecretsManagerEndpoint third = startOn(storeFile);
                SecretsManagerClient sm = SdkClients.secretsManager(third.endpoint())) {
            assertThat(sm.getSecretValue(r -> r.secretId("scheduled")).secretString())
                    .isEqualTo("x");
        }
    }

    @Test
    void theStoreFileIsCompleteJsonAfterEachChangeWithNoTemporaryFilesLeft() throws IOException {
        Path storeFile = directory.resolve("secrets.json");
        ObjectMapper json = new ObjectMapper();
        try (SecretsManagerEndpoint endpoint = startOn(storeFile);
                SecretsManagerClient sm = SdkClients.secretsManager(endpoint.endpoint())) {
            for (int i = 0; i < 5; i++) {
                int n = i;
                sm.createSecret(r -> r.name("s" + n).secretString("v" + n));
                assertThat(json.readTree(storeFile.toFile()).get("secrets")).hasSize(i + 1);
            }
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(storeFile);
        }
        if (Files.getFileStore(storeFile).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(storeFile))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    @Test
    void aDamagedStoreFileStopsTheStartInsteadOfBeingOverwritten() throws IOException {
        Path storeFile = directory.resolve("secrets.json");
        Files.writeString(storeFile, "{\"formatVersion\":1,\"secrets\":[{\"name\":");

        assertThatThrownBy(() -> startOn(storeFile))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(storeFile.toString());
        assertThat(Files.readString(storeFile)).isEqualTo("{\"formatVersion\":1,\"secrets\":[{\"name\":");
    }

    @Test
    void aChangeThatCannotBeSavedIsNotMade() {
        SecretPersistence failing = new SecretPersistence() {
            @Override
            public List<Secret> load() {
                return List.of();
            }

            @Override
            public void save(Collection<Secret> secrets) {
                throw new UncheckedIOException(new IOException("disk full"));
            }
        };
        SecretStore store = new SecretStore(
                SdkClients.REGION,
                SdkClients.ACCOUNT_ID,
                Clock.fixed(Instant.EPOCH, java.time.ZoneOffset.UTC),
                failing);

        assertThatThrownBy(() -> store.create("lost", null, Optional.of(new SecretValue.Text("v")), "v1", List.of()))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> store.describe("lost")).isInstanceOf(ApiException.class);
    }
}

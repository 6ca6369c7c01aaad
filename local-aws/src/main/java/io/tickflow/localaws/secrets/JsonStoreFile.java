package io.tickflow.localaws.secrets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the secrets in one JSON file, rewritten whole on each change: written to a temporary file beside it, flushed to
 * disk, then moved over the old one, so a crash leaves either the old or the new file and never half of one.
 *
 * <p>Secret values are stored in plain text, readable only by the owner: this is a local development store, not a
 * vault.
 */
final class JsonStoreFile implements SecretPersistence {

    /** Bumped when the layout changes, so that an old emulator refuses a file it would misread. */
    private static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private final Path file;

    JsonStoreFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public List<Secret> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        StoredSecrets stored;
        try {
            stored = JSON.readValue(file.toFile(), StoredSecrets.class);
        } catch (IOException e) {
            // Starting empty would let the next change overwrite every secret in the file.
            throw new UncheckedIOException("Cannot read the Secrets Manager store file " + file, e);
        }
        if (stored.formatVersion() != FORMAT_VERSION) {
            throw new IllegalStateException("The Secrets Manager store file " + file + " has format version "
                    + stored.formatVersion() + "; this emulator reads version " + FORMAT_VERSION);
        }
        try {
            return stored.secrets().stream().map(StoredSecret::toSecret).toList();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "The Secrets Manager store file " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(Collection<Secret> secrets) {
        List<StoredSecret> stored = secrets.stream()
                .sorted(Comparator.comparing(Secret::createdDate).thenComparing(Secret::name))
                .map(StoredSecret::of)
                .toList();
        try {
            byte[] bytes = JSON.writeValueAsBytes(new StoredSecrets(FORMAT_VERSION, stored));
            Path directory = Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    // On disk before the rename, or a crash could leave the new name on an empty file.
                    channel.force(true);
                }
                moveIntoPlace(temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Secrets Manager store file " + file, e);
        }
    }

    private void moveIntoPlace(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems cannot rename atomically; a plain replace is the best they offer.
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    record StoredSecrets(int formatVersion, List<StoredSecret> secrets) {
        StoredSecrets {
            secrets = secrets == null ? List.of() : List.copyOf(secrets);
        }
    }

    record StoredSecret(
            String name,
            String arn,
            String description,
            List<Tag> tags,
            String createdDate,
            String lastChangedDate,
            String deletedDate,
            String deletionDate,
            List<StoredVersion> versions) {

        static StoredSecret of(Secret secret) {
            return new StoredSecret(
                    secret.name(),
                    secret.arn(),
                    secret.description(),
                    secret.tags(),
                    secret.createdDate().toString(),
                    secret.lastChangedDate().toString(),
                    secret.scheduledDeletion()
                            .map(d -> d.deletedDate().toString())
                            .orElse(null),
                    secret.scheduledDeletion()
                            .map(d -> d.deletionDate().toString())
                            .orElse(null),
                    secret.versions().all().stream().map(StoredVersion::of).toList());
        }

        Secret toSecret() {
            Secret.ScheduledDeletion deletion = deletionDate == null
                    ? null
                    : new Secret.ScheduledDeletion(Instant.parse(deletedDate), Instant.parse(deletionDate));
            return new Secret(
                    Objects.requireNonNull(name, "a stored secret without a name"),
                    Objects.requireNonNull(arn, "a stored secret without an ARN"),
                    description,
                    tags == null ? List.of() : tags,
                    Instant.parse(createdDate),
                    Instant.parse(lastChangedDate),
                    deletion,
                    new SecretVersions(
                            versions == null
                                    ? List.of()
                                    : versions.stream()
                                            .map(StoredVersion::toVersion)
                                            .toList()));
        }
    }

    record StoredVersion(
            String versionId, List<String> stages, String createdDate, String secretString, String secretBinary) {

        static StoredVersion of(SecretVersion version) {
            return switch (version.value()) {
                case SecretValue.Text text ->
                    new StoredVersion(
                            version.versionId(),
                            version.stages(),
                            version.createdDate().toString(),
                            text.text(),
                            null);
                case SecretValue.Binary binary ->
                    new StoredVersion(
                            version.versionId(),
                            version.stages(),
                            version.createdDate().toString(),
                            null,
                            binary.base64());
            };
        }

        SecretVersion toVersion() {
            SecretValue value = secretString != null
                    ? new SecretValue.Text(secretString)
                    : SecretValue.Binary.fromBase64(
                            Objects.requireNonNull(secretBinary, "a stored version without a value"));
            return new SecretVersion(versionId, value, stages == null ? List.of() : stages, Instant.parse(createdDate));
        }
    }
}

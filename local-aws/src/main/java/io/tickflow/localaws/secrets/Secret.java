package io.tickflow.localaws.secrets;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret as the store holds it: immutable, replaced as a whole on every change.
 *
 * @param name the friendly name
 * @param arn the ARN, whose last six characters are random so that a secret created again under the same name is told
 *     apart from the old one
 * @param description the description, or null
 * @param tags the tags, in the order they were given
 * @param createdDate when the secret was created
 * @param lastChangedDate when the secret or its value last changed
 * @param deletion the scheduled deletion, or null
 * @param versions the versions and their staging labels
 */
record Secret(
        String name,
        String arn,
        String description,
        List<Tag> tags,
        Instant createdDate,
        Instant lastChangedDate,
        ScheduledDeletion deletion,
        SecretVersions versions) {

    /**
     * A deletion in its recovery window.
     *
     * @param deletedDate when DeleteSecret was called
     * @param deletionDate when the secret goes for good unless restored
     */
    record ScheduledDeletion(Instant deletedDate, Instant deletionDate) {
        ScheduledDeletion {
            Objects.requireNonNull(deletedDate, "deletedDate");
            Objects.requireNonNull(deletionDate, "deletionDate");
        }
    }

    Secret {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        tags = List.copyOf(tags);
        Objects.requireNonNull(createdDate, "createdDate");
        Objects.requireNonNull(lastChangedDate, "lastChangedDate");
        Objects.requireNonNull(versions, "versions");
    }

    Optional<ScheduledDeletion> scheduledDeletion() {
        return Optional.ofNullable(deletion);
    }

    boolean isScheduledForDeletion() {
        return deletion != null;
    }

    Secret withVersions(SecretVersions newVersions, Instant changedAt) {
        return new Secret(name, arn, description, tags, createdDate, changedAt, deletion, newVersions);
    }

    Secret withDescription(String newDescription, Instant changedAt) {
        return new Secret(name, arn, newDescription, tags, createdDate, changedAt, deletion, versions);
    }

    Secret withTags(List<Tag> newTags, Instant changedAt) {
        return new Secret(name, arn, description, newTags, createdDate, changedAt, deletion, versions);
    }

    Secret withDeletion(ScheduledDeletion newDeletion, Instant changedAt) {
        return new Secret(name, arn, description, tags, createdDate, changedAt, newDeletion, versions);
    }
}

package io.tickflow.localaws.secrets;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version of a secret. The value never changes once written; only the staging labels move between versions.
 *
 * @param versionId the client's ClientRequestToken, or a UUID
 * @param value the protected data
 * @param stages the staging labels now on this version; none means deprecated
 * @param createdDate when the version was written
 */
record SecretVersion(String versionId, SecretValue value, List<String> stages, Instant createdDate) {
    SecretVersion {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(value, "value");
        stages = List.copyOf(stages);
        Objects.requireNonNull(createdDate, "createdDate");
    }

    SecretVersion withStages(List<String> newStages) {
        return new SecretVersion(versionId, value, newStages, createdDate);
    }

    boolean hasStage(String stage) {
        return stages.contains(stage);
    }
}

package io.tickflow.localaws.secrets;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The secrets of one account and region, their lifecycle and their persistence. Thread-safe: every operation runs under
 * one lock, so each sees and leaves a consistent state, and changes reach the persistence in the order they happened.
 */
final class SecretStore {

    static final int DEFAULT_RECOVERY_DAYS = 30;

    private static final String ARN_SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Comparator<Secret> CREATION_ORDER =
            Comparator.comparing(Secret::createdDate).thenComparing(Secret::name);

    private final String region;
    private final String arnPrefix;
    private final Clock clock;
    private final SecretPersistence persistence;
    private final RandomGenerator random;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Secret> byName = new HashMap<>();

    /**
     * No scheduled deletion falls due before this; it may be earlier than the earliest (a deletion since cancelled),
     * never later. It spares every call a look at every secret.
     */
    private Instant nextDeletionDue = Instant.MAX;

    /**
     * A store holding what {@code persistence} saved earlier.
     *
     * @param clock the time of creation, changes and deletion, and what decides when a recovery window has passed
     */
    SecretStore(String region, String accountId, Clock clock, SecretPersistence persistence) {
        this(region, accountId, clock, persistence, new SecureRandom());
    }

    SecretStore(String region, String accountId, Clock clock, SecretPersistence persistence, RandomGenerator random) {
        this.region = Objects.requireNonNull(region, "region");
        this.arnPrefix =
                "arn:aws:secretsmanager:" + region + ":" + Objects.requireNonNull(accountId, "accountId") + ":secret:";
        this.clock = Objects.requireNonNull(clock, "clock");
        this.persistence = Objects.requireNonNull(persistence, "persistence");
        this.random = Objects.requireNonNull(random, "random");
        for (Secret secret : persistence.load()) {
            byName.put(secret.name(), secret);
            noteDeletion(secret);
        }
    }

    /**
     * A secret after a change or a read, with the version the call wrote or read.
     *
     * @param secret the secret as it is now
     * @param version the version written or read, if the call involved one
     */
    record Outcome(Secret secret, Optional<SecretVersion> version) {}

    String region() {
        return region;
    }

    /**
     * Creates a secret, with a first version labelled {@code AWSCURRENT} if it has a value. A retried create whose
     * version already exists with the same value succeeds without a change, as AWS idempotency tokens promise.
     */
    Outcome create(String name, String description, Optional<SecretValue> value, String versionId, List<Tag> tags) {
        return locked(now -> {
            Secret existing = byName.get(name);
            if (existing != null) {
                if (existing.isScheduledForDeletion()) {
                    throw new ApiException(
                            ErrorType.INVALID_REQUEST,
                            "You can't create this secret because a secret with this name is already scheduled for"
                                    + " deletion.");
                }
                Optional<SecretVersion> retried =
                        value.flatMap(v -> existing.versions().byId(versionId).filter(old -> old.value()
                                .equals(v)));
                if (retried.isPresent()) {
                    return new Outcome(existing, retried);
                }
                throw new ApiException(
                        ErrorType.RESOURCE_EXISTS,
                        "The operation failed because the secret " + name + " already exists.");
            }
            SecretVersions versions = value.map(
                            v -> SecretVersions.none().add(new SecretVersion(versionId, v, List.of(), now), List.of()))
                    .orElse(SecretVersions.none());
            Secret created = new Secret(name, newArn(name), description, tags, now, now, null, versions);
            commit(created);
            return new Outcome(created, versions.byId(versionId));
        });
    }

    /** Adds a version, moving the requested staging labels (by default {@code AWSCURRENT}) to it. */
    Outcome putValue(String secretId, SecretValue value, String versionId, List<String> stages) {
        return locked(now -> {
            Secret secret = live(secretId);
            Outcome outcome = withVersion(secret, value, versionId, stages, now);
            commitIfChanged(secret, outcome.secret());
            return outcome;
        });
    }

    /**
     * Changes the description and/or adds a version that becomes {@code AWSCURRENT}.
     *
     * @param description the new description, or null to keep it
     * @param value the new value, or empty to keep the versions as they are
     */
    Outcome update(String secretId, String description, Optional<SecretValue> value, String versionId) {
        return locked(now -> {
            Secret secret = live(secretId);
            Secret described = description == null ? secret : secret.withDescription(description, now);
            Outcome outcome = value.map(v -> withVersion(described, v, versionId, List.of(), now))
                    .orElseGet(() -> new Outcome(described, Optional.empty()));
            commitIfChanged(secret, outcome.secret());
            return outcome;
        });
    }

    private static Outcome withVersion(
            Secret secret, SecretValue value, String versionId, List<String> stages, Instant now) {
        Optional<SecretVersion> existing = secret.versions().byId(versionId);
        if (existing.isPresent()) {
            // The ClientRequestToken is the idempotency key: a retry with the same value is answered, not repeated.
            if (existing.get().value().equals(value)) {
                return new Outcome(secret, existing);
            }
            throw new ApiException(
                    ErrorType.RESOURCE_EXISTS,
                    "A version with VersionId " + versionId + " already exists with a different value. You can't"
                            + " modify an existing version; you can only create new versions.");
        }
        SecretVersions versions = secret.versions().add(new SecretVersion(versionId, value, List.of(), now), stages);
        return new Outcome(secret.withVersions(versions, now), versions.byId(versionId));
    }

    /** The secret, scheduled for deletion or not. */
    Secret describe(String secretId) {
        return locked(now -> resolve(secretId));
    }

    /**
     * The version with this id and/or staging label; {@code AWSCURRENT} when neither is given.
     *
     * @throws ApiException ResourceNotFoundException if there is no such version, InvalidRequestException if the
     *     secret is scheduled for deletion
     */
    Outcome value(String secretId, Optional<String> versionId, Optional<String> stage) {
        return locked(now -> {
            Secret secret = live(secretId);
            SecretVersion version;
            if (versionId.isPresent()) {
                version = secret.versions()
                        .byId(versionId.get())
                        .orElseThrow(() -> valueNotFound("VersionId: " + versionId.get()));
                if (stage.isPresent() && !version.hasStage(stage.get())) {
                    throw valueNotFound("VersionId: " + versionId.get() + " and staging label: " + stage.get());
                }
            } else {
                String label = stage.orElse(SecretVersions.CURRENT);
                version = secret.versions().byStage(label).orElseThrow(() -> valueNotFound("staging label: " + label));
            }
            return new Outcome(secret, Optional.of(version));
        });
    }

    private static ApiException valueNotFound(String what) {
        return new ApiException(
                ErrorType.RESOURCE_NOT_FOUND, "Secrets Manager can't find the specified secret value for " + what);
    }

    /** The secrets that pass every filter, oldest first. */
    List<Secret> list(List<SecretFilter> filters, boolean includePlannedDeletion) {
        return locked(now -> byName.values().stream()
                .filter(s -> includePlannedDeletion || !s.isScheduledForDeletion())
                .filter(s -> filters.stream().allMatch(f -> f.matches(s, region)))
                .sorted(CREATION_ORDER)
                .toList());
    }

    /**
     * Schedules the secret for deletion after the recovery window, or deletes it at once.
     *
     * @return the secret with its deletion; after a forced delete it is no longer in the store
     */
    Secret delete(String secretId, Optional<Integer> recoveryWindowInDays, boolean force) {
        return locked(now -> {
            Secret secret = resolve(secretId);
            if (force) {
                remove(secret);
                return secret.withDeletion(new Secret.ScheduledDeletion(now, now), now);
            }
            if (secret.isScheduledForDeletion()) {
                throw new ApiException(
                        ErrorType.INVALID_REQUEST,
                        "You can't perform this operation on the secret because it was already scheduled for"
                                + " deletion.");
            }
            Duration window = Duration.ofDays(recoveryWindowInDays.orElse(DEFAULT_RECOVERY_DAYS));
            Secret scheduled = secret.withDeletion(new Secret.ScheduledDeletion(now, now.plus(window)), now);
            commit(scheduled);
            return scheduled;
        });
    }

    /** Cancels a scheduled deletion; a secret not scheduled for deletion is left as it is. */
    Secret restore(String secretId) {
        return locked(now -> {
            Secret secret = resolve(secretId);
            if (!secret.isScheduledForDeletion()) {
                return secret;
            }
            Secret restored = secret.withDeletion(null, now);
            commit(restored);
            return restored;
        });
    }

    /** Adds tags; a tag with a key the secret already has replaces that tag's value. */
    Secret tag(String secretId, List<Tag> tags) {
        return locked(now -> {
            Secret secret = live(secretId);
            Map<String, String> merged = new LinkedHashMap<>();
            secret.tags().forEach(t -> merged.put(t.key(), t.value()));
            tags.forEach(t -> merged.put(t.key(), t.value()));
            Secret tagged = secret.withTags(toTags(merged), now);
            commitIfChanged(secret, tagged);
            return tagged;
        });
    }

    /** Removes the tags with these keys; keys the secret has no tag for are ignored. */
    Secret untag(String secretId, List<String> tagKeys) {
        return locked(now -> {
            Secret secret = live(secretId);
            Map<String, String> kept = new LinkedHashMap<>();
            secret.tags().forEach(t -> kept.put(t.key(), t.value()));
            tagKeys.forEach(kept::remove);
            Secret untagged = secret.withTags(toTags(kept), now);
            commitIfChanged(secret, untagged);
            return untagged;
        });
    }

    private static List<Tag> toTags(Map<String, String> tags) {
        List<Tag> list = new ArrayList<>();
        tags.forEach((key, value) -> list.add(new Tag(key, value)));
        return list;
    }

    private <T> T locked(Function<Instant, T> operation) {
        lock.lock();
        try {
            // Milliseconds are all the wire, the store file and page tokens carry; finer times would compare unequal.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            forgetExpiredDeletions(now);
            return operation.apply(now);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Secrets whose recovery window has passed are gone, as in AWS. They are dropped from memory only; the store file
     * loses them with the next change, and until then they are dropped again when it is loaded.
     */
    private void forgetExpiredDeletions(Instant now) {
        if (now.isBefore(nextDeletionDue)) {
            return;
        }
        byName.values().removeIf(s -> s.scheduledDeletion()
                .map(d -> !now.isBefore(d.deletionDate()))
                .orElse(false));
        nextDeletionDue = Instant.MAX;
        byName.values().forEach(this::noteDeletion);
    }

    private void noteDeletion(Secret secret) {
        secret.scheduledDeletion().ifPresent(d -> {
            if (d.deletionDate().isBefore(nextDeletionDue)) {
                nextDeletionDue = d.deletionDate();
            }
        });
    }

    /** Finds a secret by name, by full ARN, or by partial ARN (the ARN without its random suffix). */
    private Secret resolve(String secretId) {
        Secret byItsName = byName.get(secretId);
        if (byItsName != null) {
            return byItsName;
        }
        if (secretId.startsWith(arnPrefix)) {
            for (Secret secret : byName.values()) {
                if (secret.arn().equals(secretId)) {
                    return secret;
                }
            }
            Secret byPartialArn = byName.get(secretId.substring(arnPrefix.length()));
            if (byPartialArn != null) {
                return byPartialArn;
            }
        }
        throw ApiException.secretNotFound();
    }

    /** A secret whose value may be read or changed: one not scheduled for deletion. */
    private Secret live(String secretId) {
        Secret secret = resolve(secretId);
        if (secret.isScheduledForDeletion()) {
            throw ApiException.markedForDeletion();
        }
        return secret;
    }

    private String newArn(String name) {
        while (true) {
            StringBuilder arn = new StringBuilder(arnPrefix).append(name).append('-');
            for (int i = 0; i < 6; i++) {
                arn.append(ARN_SUFFIX_ALPHABET.charAt(random.nextInt(ARN_SUFFIX_ALPHABET.length())));
            }
            String candidate = arn.toString();
            if (byName.values().stream().noneMatch(s -> s.arn().equals(candidate))) {
                return candidate;
            }
        }
    }

    private void commitIfChanged(Secret before, Secret after) {
        if (!after.equals(before)) {
            commit(after);
        }
    }

    /** Makes the change, saves it, and undoes it if it could not be saved: a client never sees a change that is lost. */
    private void commit(Secret changed) {
        Secret previous = byName.put(changed.name(), changed);
        noteDeletion(changed);
        try {
            persistence.save(List.copyOf(byName.values()));
        } catch (RuntimeException e) {
            if (previous == null) {
                byName.remove(changed.name());
            } else {
                byName.put(previous.name(), previous);
            }
            throw e;
        }
    }

    private void remove(Secret secret) {
        byName.remove(secret.name());
        try {
            persistence.save(List.copyOf(byName.values()));
        } catch (RuntimeException e) {
            byName.put(secret.name(), secret);
            throw e;
        }
    }
}

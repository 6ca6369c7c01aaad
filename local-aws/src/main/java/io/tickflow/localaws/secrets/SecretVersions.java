package io.tickflow.localaws.secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The versions of one secret, oldest first, and the rules by which staging labels move when a version is added.
 *
 * @param all every version kept, oldest first
 */
record SecretVersions(List<SecretVersion> all) {

    static final String CURRENT = "AWSCURRENT";
    static final String PREVIOUS = "AWSPREVIOUS";

    /**
     * Secrets Manager removes deprecated versions once a secret has more than 100; keeping the same bound keeps the
     * store file from growing without end when a secret is rewritten in a loop.
     */
    static final int MAX_VERSIONS = 100;

    SecretVersions {
        all = List.copyOf(all);
    }

    static SecretVersions none() {
        return new SecretVersions(List.of());
    }

    Optional<SecretVersion> byId(String versionId) {
        return all.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    Optional<SecretVersion> byStage(String stage) {
        return all.stream().filter(v -> v.hasStage(stage)).findFirst();
    }

    /**
     * Adds a version and moves the labels it asks for to it, as PutSecretValue does: a requested label leaves whichever
     * version had it; when {@code AWSCURRENT} moves, the version that had it becomes {@code AWSPREVIOUS} and the older
     * {@code AWSPREVIOUS} loses that label. The first version of a secret is always {@code AWSCURRENT}.
     *
     * @param added the new version; its own stages are ignored
     * @param requestedStages the labels to attach; empty means {@code AWSCURRENT}
     */
    SecretVersions add(SecretVersion added, List<String> requestedStages) {
        Set<String> stages = new LinkedHashSet<>(requestedStages.isEmpty() ? List.of(CURRENT) : requestedStages);
        Optional<SecretVersion> oldCurrent = byStage(CURRENT);
        if (oldCurrent.isEmpty()) {
            // Without a current version GetSecretValue has nothing to return by default.
            stages.add(CURRENT);
        }
        boolean currentMoves = stages.contains(CURRENT) && oldCurrent.isPresent();

        List<SecretVersion> updated = new ArrayList<>(all.size() + 1);
        for (SecretVersion version : all) {
            List<String> kept = new ArrayList<>(version.stages());
            kept.removeAll(stages);
            if (currentMoves) {
                kept.remove(PREVIOUS);
                if (version.versionId().equals(oldCurrent.get().versionId())) {
                    kept.add(PREVIOUS);
                }
            }
            updated.add(version.withStages(kept));
        }
        updated.add(added.withStages(List.copyOf(stages)));
        dropOldestDeprecated(updated);
        return new SecretVersions(updated);
    }

    private static void dropOldestDeprecated(List<SecretVersion> versions) {
        while (versions.size() > MAX_VERSIONS) {
            int oldestDeprecated = -1;
            for (int i = 0; i < versions.size(); i++) {
                if (versions.get(i).stages().isEmpty()) {
                    oldestDeprecated = i;
                    break;
                }
            }
            if (oldestDeprecated < 0) {
                return;
            }
            versions.remove(oldestDeprecated);
        }
    }

    /** The versions that carry a label, with their labels: deprecated versions are left out, as AWS does. */
    Map<String, List<String>> idsToStages() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (SecretVersion version : all) {
            if (!version.stages().isEmpty()) {
                map.put(version.versionId(), version.stages());
            }
        }
        return map;
    }
}

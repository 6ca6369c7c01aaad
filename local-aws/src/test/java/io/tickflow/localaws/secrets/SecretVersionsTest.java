package io.tickflow.localaws.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How staging labels move as versions are added, without any HTTP in between. */
class SecretVersionsTest {

    private static SecretVersion version(String id) {
        return new SecretVersion(id, new SecretValue.Text(id), List.of(), Instant.EPOCH);
    }

    private static List<String> stagesOf(SecretVersions versions, String id) {
        return versions.byId(id).orElseThrow().stages();
    }

    @Test
    void theFirstVersionIsCurrentWhateverWasAskedFor() {
        SecretVersions versions = SecretVersions.none().add(version("a"), List.of("AWSPENDING"));

        assertThat(stagesOf(versions, "a")).containsExactly("AWSPENDING", "AWSCURRENT");
    }

    @Test
    void onlyTheLastCurrentBecomesPrevious() {
        SecretVersions versions = SecretVersions.none()
                .add(version("a"), List.of())
                .add(version("b"), List.of())
                .add(version("c"), List.of());

        assertThat(stagesOf(versions, "a")).isEmpty();
        assertThat(stagesOf(versions, "b")).containsExactly("AWSPREVIOUS");
        assertThat(stagesOf(versions, "c")).containsExactly("AWSCURRENT");
        assertThat(versions.idsToStages()).containsOnlyKeys("b", "c");
    }

    @Test
    void aLabelOtherThanCurrentMovesAloneAndLeavesCurrentAndPreviousWhereTheyAre() {
        SecretVersions versions = SecretVersions.none()
                .add(version("a"), List.of())
                .add(version("b"), List.of())
                .add(version("p1"), List.of("AWSPENDING"))
                .add(version("p2"), List.of("AWSPENDING"));

        assertThat(stagesOf(versions, "a")).containsExactly("AWSPREVIOUS");
        assertThat(stagesOf(versions, "b")).containsExactly("AWSCURRENT");
        assertThat(stagesOf(versions, "p1")).isEmpty();
        assertThat(stagesOf(versions, "p2")).containsExactly("AWSPENDING");
    }

    @Test
    void theOldestDeprecatedVersionsAreDroppedBeyondOneHundred() {
        SecretVersions versions = SecretVersions.none();
        for (int i = 0; i < 105; i++) {
            versions = versions.add(version("v" + i), List.of());
        }

        assertThat(versions.all()).hasSize(SecretVersions.MAX_VERSIONS);
        assertThat(versions.byId("v4")).isEmpty();
        assertThat(versions.byId("v5")).isPresent();
        assertThat(stagesOf(versions, "v104")).containsExactly("AWSCURRENT");
        assertThat(stagesOf(versions, "v103")).containsExactly("AWSPREVIOUS");
    }
}

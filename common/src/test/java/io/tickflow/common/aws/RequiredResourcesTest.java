package io.tickflow.common.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredResourcesTest {

    @Test
    void keepsEachNameOnceInDeclarationOrder() {
        RequiredResources resources = RequiredResources.builder()
                .tables("t-candles", "t-latest-quotes")
                .tables("t-candles")
                .build();

        assertThat(resources.tables()).containsExactly("t-candles", "t-latest-quotes");
    }

    @Test
    void groupsNamesByKindLeavingOutKindsWithNone() {
        RequiredResources resources =
                RequiredResources.builder().queues("t-ingest").buckets("t-data").build();

        assertThat(resources.byKind())
                .containsExactly(
                        Map.entry(ResourceKind.QUEUE, List.of("t-ingest")),
                        Map.entry(ResourceKind.BUCKET, List.of("t-data")));
    }

    @Test
    void rejectsABlankName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequiredResources.builder().topics(" ").build())
                .withMessageContaining("topics");
    }
}

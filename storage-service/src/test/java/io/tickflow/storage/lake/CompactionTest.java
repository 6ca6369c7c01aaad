package io.tickflow.storage.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.lake.LakePartition;
import io.tickflow.storage.BitstampTrades;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CompactionTest {

    private final List<Trade> trades = BitstampTrades.all().subList(0, 900);
    private final LakePartition partition =
            LakePartition.of(Dataset.TRADES, "bitstamp", "BTC-USD", Instant.parse("2013-11-25T00:00:00Z"));

    @Test
    void mergesEveryObjectOfAPartitionIntoOneSortedFileThatNamesThem() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a", file(600, 900));
        files.put("b", file(0, 300));
        files.put("c", file(300, 600));

        Compaction.Plan plan = Compaction.plan(partition, files);
        LakeFile merged = plan.merged(partition);

        assertThat(plan.merges()).isTrue();
        assertThat(plan.leftovers()).isEmpty();
        assertThat(merged.rows()).isEqualTo(900);
        assertThat(merged.key()).startsWith(partition.prefix() + "compacted-");
        ParquetTickReader.Contents back = ParquetTickReader.read(Dataset.TRADES, "BTC-USD", merged.bytes());
        assertThat(back.metadata()).containsEntry(Compaction.SOURCES, "a,b,c");
        assertThat(back.ticks()).isSortedAccordingTo(LakeFile.ORDER);
    }

    @Test
    void objectsACompactedFileAlreadyHoldsAreLeftoversNotInputs() {
        Map<String, byte[]> first = new LinkedHashMap<>();
        first.put("a", file(0, 300));
        first.put("b", file(300, 600));
        LakeFile compacted = Compaction.plan(partition, first).merged(partition);
        // Interrupted after the compacted file was written, before a and b were deleted; c came later.
        Map<String, byte[]> files = new LinkedHashMap<>(first);
        files.put(compacted.key(), compacted.bytes());
        files.put("c", file(600, 900));

        Compaction.Plan plan = Compaction.plan(partition, files);

        assertThat(plan.leftovers()).containsExactlyInAnyOrder("a", "b");
        assertThat(plan.inputs().keySet()).containsExactlyInAnyOrder(compacted.key(), "c");
        assertThat(plan.merged(partition).rows()).isEqualTo(900);
    }

    private byte[] file(int from, int to) {
        return LakeFile.of(partition, trades.subList(from, to), List.of(UUID.randomUUID()))
                .bytes();
    }
}

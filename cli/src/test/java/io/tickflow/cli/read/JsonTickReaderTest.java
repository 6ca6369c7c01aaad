package io.tickflow.cli.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTickReaderTest {

    private static List<ReadResult> read(String json, String defaultVenue) throws IOException {
        ReadOptions options = new ReadOptions(null, null, defaultVenue, null, null, ',', true);
        List<ReadResult> results = new ArrayList<>();
        try (TickReader reader = TickReaders.open(
                Format.JSON, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), options)) {
            ReadResult result;
            while ((result = reader.next()) != null) {
                results.add(result);
            }
        }
        return results;
    }

    @Test
    void readsOneBareTickWithItsOwnVenue() throws IOException {
        List<ReadResult> results = read(
                "{\"type\":\"trade\",\"venue\":\"kraken\",\"symbol\":\"BTC-USD\",\"time\":1,\"price\":\"1\",\"size\":\"1\"}",
                null);

        assertThat(results).singleElement().isInstanceOfSatisfying(RawTick.class, tick -> {
            assertThat(tick.venue()).isEqualTo("kraken");
            assertThat(tick.fields().has("venue")).isFalse();
            assertThat(tick.fields().get("symbol").stringValue()).isEqualTo("BTC-USD");
        });
    }

    @Test
    void readsConcatenatedDocumentsAndBatchesInsideArrays() throws IOException {
        List<ReadResult> results = read(
                """
                [{"venue":"a","ticks":[{"type":"trade"},{"type":"trade"}]}, {"type":"trade"}]
                {"venue":"b","ticks":[{"type":"bar"}]}
                """,
                "z");

        assertThat(results).map(r -> ((RawTick) r).venue()).containsExactly("a", "a", "z", "b");
        assertThat(results).extracting(ReadResult::line).containsExactly(1L, 1L, 1L, 2L);
    }

    @Test
    void saysWhyATickHasNoVenue() throws IOException {
        List<ReadResult> results =
                read("""
                {"ticks": [{"type": "trade"}], "venue": "too-late"}
                """, null);

        assertThat(results).singleElement().isInstanceOfSatisfying(UnreadableLine.class, u -> assertThat(u.reason())
                .contains("names no venue"));
    }

    @Test
    void reportsElementsThatAreNotTicksAndReadsOn() throws IOException {
        List<ReadResult> results = read(
                """
                [
                  42,
                  {"ticks": "none", "venue": "x"},
                  {"type": "trade"}
                ]
                """,
                "v");

        assertThat(results).hasSize(3);
        assertThat(results.get(0))
                .isEqualTo(UnreadableLine.at(2, "expected a tick or a tick batch (a JSON object), found a number"));
        assertThat(results.get(1)).isEqualTo(UnreadableLine.at(3, "\"ticks\" is a string, not an array"));
        assertThat(results.get(2))
                .isInstanceOf(RawTick.class)
                .extracting(ReadResult::line)
                .isEqualTo(4L);
    }
}

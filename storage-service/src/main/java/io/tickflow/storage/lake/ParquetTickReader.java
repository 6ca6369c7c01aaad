package io.tickflow.storage.lake;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Side;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.lake.Micros;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a lake file back into ticks, for compaction: the inverse of {@link ParquetTicks#encode}. Decimals come back
 * at the lake's scale of 18, which is the same value and encodes to the same bytes.
 */
final class ParquetTickReader {

    private ParquetTickReader() {}

    /**
     * The ticks of a lake file and its footer's key-value metadata.
     *
     * @param ticks every row, in file order
     * @param metadata the footer's key-value metadata
     */
    record Contents(List<Tick> ticks, Map<String, String> metadata) {}

    /** Reads {@code file}, a lake file of {@code dataset} whose rows are of {@code symbol} (its partition's). */
    static Contents read(Dataset dataset, String symbol, byte[] file) {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ZstdCodecs(3))
                .build();
        List<Tick> ticks = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new BytesInputFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore rowGroup;
            while ((rowGroup = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory()
                        .getColumnIO(schema)
                        .getRecordReader(rowGroup, new GroupRecordConverter(schema));
                for (long row = 0; row < rowGroup.getRowCount(); row++) {
                    ticks.add(tick(dataset, symbol, records.read()));
                }
            }
            return new Contents(
                    ticks, Map.copyOf(reader.getFooter().getFileMetaData().getKeyValueMetaData()));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a lake file failed", e);
        }
    }

    private static Tick tick(Dataset dataset, String symbol, Group g) {
        Instant time = Micros.toInstant(g.getLong("time", 0));
        return switch (dataset) {
            case TRADES ->
                new Trade(
                        symbol,
                        time,
                        decimal(g, "price"),
                        decimal(g, "size"),
                        g.getFieldRepetitionCount("side") == 0 ? null : side(g.getString("side", 0)),
                        g.getFieldRepetitionCount("trade_id") == 0 ? null : g.getString("trade_id", 0),
                        g.getFieldRepetitionCount("sequence") == 0 ? null : g.getLong("sequence", 0));
            case QUOTES ->
                new Quote(
                        symbol,
                        time,
                        decimal(g, "bid"),
                        decimal(g, "bid_size"),
                        decimal(g, "ask"),
                        decimal(g, "ask_size"));
            case BARS ->
                new Bar(
                        symbol,
                        g.getString("interval", 0),
                        time,
                        decimal(g, "open"),
                        decimal(g, "high"),
                        decimal(g, "low"),
                        decimal(g, "close"),
                        decimal(g, "volume"));
        };
    }

    private static BigDecimal decimal(Group g, String field) {
        return new BigDecimal(new BigInteger(g.getBinary(field, 0).getBytes()), LakeDecimal.SCALE);
    }

    private static Side side(String wireName) {
        return Arrays.stream(Side.values())
                .filter(s -> s.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Not a side: " + wireName));
    }

    /** A whole lake object in memory as a Parquet input file. */
    private record BytesInputFile(byte[] bytes) implements InputFile {
        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public SeekableInputStream newStream() {
            SeekableBytes in = new SeekableBytes(bytes);
            return new DelegatingSeekableInputStream(in) {
                @Override
                public long getPos() {
                    return in.position();
                }

                @Override
                public void seek(long newPos) {
                    in.seek((int) newPos);
                }
            };
        }
    }

    private static final class SeekableBytes extends ByteArrayInputStream {
        SeekableBytes(byte[] bytes) {
            super(bytes);
        }

        int position() {
            return pos;
        }

        void seek(int position) {
            pos = position;
        }
    }
}

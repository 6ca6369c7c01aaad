package io.tickflow.storage.lake;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.lake.Micros;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Encodes one partition's ticks as a Parquet file in memory: zstd, Parquet format v2 pages (delta-encoded times,
 * dictionaries where values repeat), one row group. The schemas are the lake's public contract (README, "The lake").
 *
 * <p>Times are {@code TIMESTAMP(MICROS, UTC)}; prices and sizes are {@code DECIMAL(38, 18)} ({@link LakeDecimal}), so
 * every engine reads them exactly. Venue, symbol, date and hour are in the path, not in the rows (Hive partitioning).
 * Callers pass ticks sorted by time, which is what makes the delta encoding of times small.
 *
 * <p>parquet-java is the reference implementation that Spark and Trino use; with {@link PlainParquetConfiguration} it
 * needs only Hadoop's interfaces (hadoop-common with no dependencies of its own), not a Hadoop installation.
 */
public final class ParquetTicks {

    /** The schema of {@code market-data/trades/}. */
    public static final MessageType TRADES = Types.buildMessage()
            .required(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS))
            .named("time")
            .addField(decimal("price"))
            .addField(decimal("size"))
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("side")
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("trade_id")
            .optional(PrimitiveTypeName.INT64)
            .named("sequence")
            .named("trade");

    /** The schema of {@code market-data/quotes/}. */
    public static final MessageType QUOTES = Types.buildMessage()
            .required(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS))
            .named("time")
            .addField(decimal("bid"))
            .addField(decimal("bid_size"))
            .addField(decimal("ask"))
            .addField(decimal("ask_size"))
            .named("quote");

    /** The schema of {@code market-data/bars/}; {@code time} is when the bar opened. */
    public static final MessageType BARS = Types.buildMessage()
            .required(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS))
            .named("time")
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("interval")
            .addField(decimal("open"))
            .addField(decimal("high"))
            .addField(decimal("low"))
            .addField(decimal("close"))
            .addField(decimal("volume"))
            .named("bar");

    private static final ZstdCodecs ZSTD = new ZstdCodecs(3);

    private ParquetTicks() {}

    /** The schema of a dataset's files. */
    public static MessageType schema(Dataset dataset) {
        return switch (dataset) {
            case TRADES -> TRADES;
            case QUOTES -> QUOTES;
            case BARS -> BARS;
        };
    }

    /**
     * The Parquet file holding {@code ticks}, all of {@code dataset}, in the order given.
     *
     * @throws IllegalArgumentException when a tick is of another dataset or a decimal does not fit DECIMAL(38, 18)
     */
    public static byte[] encode(Dataset dataset, List<? extends Tick> ticks) {
        return encode(dataset, ticks, Map.of());
    }

    /** As {@link #encode(Dataset, List)}, with key-value metadata in the file's footer. */
    public static byte[] encode(Dataset dataset, List<? extends Tick> ticks, Map<String, String> metadata) {
        InMemoryFile file = new InMemoryFile(Math.max(4096, ticks.size() * 16));
        try (ParquetWriter<Tick> writer = new Builder(file, dataset, metadata)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(ZSTD)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriterVersion(WriterVersion.PARQUET_2_0)
                .withDictionaryEncoding(true)
                // Sorted times delta-encode to about a byte; a dictionary of them costs three
                // (bench/reports/storage-lake.md).
                .withDictionaryEncoding("time", false)
                .build()) {
            for (Tick tick : ticks) {
                writer.write(tick);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Encoding Parquet in memory failed", e);
        }
        return file.bytes.toByteArray();
    }

    private static org.apache.parquet.schema.Type decimal(String name) {
        return Types.required(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
                .length(LakeDecimal.BYTES)
                .as(LogicalTypeAnnotation.decimalType(LakeDecimal.SCALE, LakeDecimal.PRECISION))
                .named(name);
    }

    private static final class Builder extends ParquetWriter.Builder<Tick, Builder> {
        private final Dataset dataset;
        private final Map<String, String> metadata;

        Builder(OutputFile file, Dataset dataset, Map<String, String> metadata) {
            super(file);
            this.dataset = dataset;
            this.metadata = metadata;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Tick> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new TickWriteSupport(dataset, metadata);
        }

        @Override
        protected WriteSupport<Tick> getWriteSupport(ParquetConfiguration conf) {
            return new TickWriteSupport(dataset, metadata);
        }
    }

    /** Turns a tick into one row of its dataset's schema. */
    private static final class TickWriteSupport extends WriteSupport<Tick> {
        private final Dataset dataset;
        private final Map<String, String> metadata;
        private final byte[] decimal = new byte[LakeDecimal.BYTES];
        private RecordConsumer out;

        TickWriteSupport(Dataset dataset, Map<String, String> metadata) {
            this.dataset = dataset;
            this.metadata = metadata;
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema(dataset), new HashMap<>(metadata));
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema(dataset), new HashMap<>(metadata));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Tick tick) {
            if (tick.dataset() != dataset) {
                throw new IllegalArgumentException("A " + dataset.wireName() + " file cannot hold " + tick);
            }
            out.startMessage();
            int field = 0;
            out.startField("time", field);
            out.addLong(Micros.of(tick.time()));
            out.endField("time", field++);
            switch (tick) {
                case Trade t -> {
                    field = decimal("price", field, t.price());
                    field = decimal("size", field, t.size());
                    field = string(
                            "side", field, t.side() == null ? null : t.side().wireName());
                    field = string("trade_id", field, t.tradeId());
                    if (t.sequence() != null) {
                        out.startField("sequence", field);
                        out.addLong(t.sequence());
                        out.endField("sequence", field);
                    }
                }
                case Quote q -> {
                    field = decimal("bid", field, q.bid());
                    field = decimal("bid_size", field, q.bidSize());
                    field = decimal("ask", field, q.ask());
                    decimal("ask_size", field, q.askSize());
                }
                case Bar b -> {
                    field = string("interval", field, b.interval());
                    field = decimal("open", field, b.open());
                    field = decimal("high", field, b.high());
                    field = decimal("low", field, b.low());
                    field = decimal("close", field, b.close());
                    decimal("volume", field, b.volume());
                }
            }
            out.endMessage();
        }

        private int decimal(String name, int index, BigDecimal value) {
            LakeDecimal.write(value, decimal);
            out.startField(name, index);
            out.addBinary(Binary.fromReusedByteArray(decimal));
            out.endField(name, index);
            return index + 1;
        }

        private int string(String name, int index, String value) {
            if (value != null) {
                out.startField(name, index);
                out.addBinary(Binary.fromString(value));
                out.endField(name, index);
            }
            return index + 1;
        }
    }

    /** A Parquet output file in a growing byte array: a flush writes a whole object to S3 at once. */
    private static final class InMemoryFile implements OutputFile {
        private final ByteArrayOutputStream bytes;

        InMemoryFile(int initialSize) {
            this.bytes = new ByteArrayOutputStream(initialSize);
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return createOrOverwrite(blockSizeHint);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            bytes.reset();
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes.size();
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}

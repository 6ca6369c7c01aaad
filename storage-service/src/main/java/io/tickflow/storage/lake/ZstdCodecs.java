package io.tickflow.storage.lake;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Zstandard for Parquet pages, both ways, through zstd-jni (which parquet-java itself uses), handed to the writer directly.
 *
 * <p>parquet-java's own {@code CodecFactory} looks codecs up through a Hadoop {@code Configuration}, whose class
 * initialisation needs half of Hadoop's dependencies; this factory keeps the writer free of them. The lake only ever
 * writes zstd, so it offers only that.
 */
final class ZstdCodecs implements CompressionCodecFactory {

    private final int level;

    /** @param level the zstd level; 3 is zstd's default, a good balance of speed and size for ticks */
    ZstdCodecs(int level) {
        this.level = level;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        if (codecName != CompressionCodecName.ZSTD) {
            throw new IllegalArgumentException("The lake writes zstd only, not " + codecName);
        }
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return BytesInput.from(Zstd.compress(bytes.toByteArray(), level));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CompressionCodecName.ZSTD;
            }

            @Override
            public void release() {}
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        if (codecName != CompressionCodecName.ZSTD) {
            throw new IllegalArgumentException("The lake reads zstd only, not " + codecName);
        }
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
                return BytesInput.from(Zstd.decompress(bytes.toByteArray(), decompressedSize));
            }

            @Override
            public void decompress(
                    java.nio.ByteBuffer input, int compressedSize, java.nio.ByteBuffer output, int decompressedSize)
                    throws IOException {
                byte[] compressed = new byte[compressedSize];
                input.get(compressed);
                output.put(Zstd.decompress(compressed, decompressedSize));
            }

            @Override
            public void release() {}
        };
    }

    @Override
    public void release() {}
}

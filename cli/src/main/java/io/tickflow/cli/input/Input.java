package io.tickflow.cli.input;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * An opened input, streamed: its content (gunzipped when it is gzip), its name, its stored size when known, and how
 * many stored bytes have been read so far.
 */
public final class Input implements Closeable {

    private static final int BUFFER = 1 << 16;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final String name;
    private final CountingInputStream stored;
    private final InputStream content;
    private final OptionalLong size;
    private final boolean gzip;

    private Input(String name, InputStream raw, OptionalLong size) throws IOException {
        this.name = name;
        this.size = size;
        this.stored = new CountingInputStream(raw);
        BufferedInputStream buffered = new BufferedInputStream(stored, BUFFER);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        this.gzip = name.toLowerCase(Locale.ROOT).endsWith(".gz") || (first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2);
        this.content = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER) : buffered;
    }

    /** A local file. */
    public static Input file(Path path) throws IOException {
        InputStream raw = Files.newInputStream(path);
        try {
            return new Input(path.toString(), raw, OptionalLong.of(Files.size(path)));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Standard input, of unknown size. */
    public static Input stream(String name, InputStream in) throws IOException {
        return new Input(name, in, OptionalLong.empty());
    }

    /** An S3 object, streamed with one GetObject; its size is the object's content length. */
    public static Input s3(S3Client s3, S3Location location) throws IOException {
        ResponseInputStream<GetObjectResponse> object =
                s3.getObject(r -> r.bucket(location.bucket()).key(location.key()));
        Long length = object.response().contentLength();
        try {
            return new Input(
                    location.toString(), object, length == null ? OptionalLong.empty() : OptionalLong.of(length));
        } catch (IOException | RuntimeException e) {
            object.abort();
            throw e;
        }
    }

    /** The file name, {@code -} or the {@code s3://} address. */
    public String name() {
        return name;
    }

    /** The content, gunzipped when stored as gzip. */
    public InputStream content() {
        return content;
    }

    /** The stored size in bytes, when known. */
    public OptionalLong size() {
        return size;
    }

    /** Stored bytes read so far. */
    public long bytesRead() {
        return stored.count();
    }

    public boolean gzip() {
        return gzip;
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    @Override
    public String toString() {
        return name;
    }
}

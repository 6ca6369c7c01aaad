package io.tickflow.bench.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Where a Parquet file's bytes go, read from its footer with parquet-format's Thrift structures (no Hadoop reader):
 * each column's compressed size (its pages and page headers), and the rest (footer, page indexes, magic numbers).
 */
final class ParquetFooter {

    /**
     * The bytes that are not in a column chunk: the footer (schema, row group and column statistics), the page indexes
     * parquet-java writes before it, its length and the two {@code PAR1} magic numbers.
     */
    static final String REST = "footer, page indexes, magic";

    private ParquetFooter() {}

    /** Bytes by column, in schema order, then {@value #REST}; they add up to the file's length. */
    static Map<String, Long> bytesByColumn(byte[] file) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        long columns = 0;
        for (RowGroup group : footer(file).getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                ColumnMetaData column = chunk.getMeta_data();
                bytes.merge(String.join(".", column.getPath_in_schema()), column.getTotal_compressed_size(), Long::sum);
                columns += column.getTotal_compressed_size();
            }
        }
        bytes.put(REST, file.length - columns);
        return bytes;
    }

    /** The encodings of each column's pages, by column. */
    static Map<String, String> encodings(byte[] file) {
        Map<String, TreeSet<String>> encodings = new LinkedHashMap<>();
        for (RowGroup group : footer(file).getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                ColumnMetaData column = chunk.getMeta_data();
                TreeSet<String> names =
                        encodings.computeIfAbsent(String.join(".", column.getPath_in_schema()), c -> new TreeSet<>());
                column.getEncodings().forEach(encoding -> names.add(encoding.name()));
            }
        }
        Map<String, String> joined = new LinkedHashMap<>();
        encodings.forEach((column, names) -> joined.put(column, String.join(", ", names)));
        return joined;
    }

    private static FileMetaData footer(byte[] file) {
        int length = file.length;
        if (length < 12
                || !"PAR1"
                        .equals(new String(Arrays.copyOfRange(file, length - 4, length), StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("Not a Parquet file");
        }
        int footerLength = ByteBuffer.wrap(file, length - 8, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
        try {
            return Util.readFileMetaData(new ByteArrayInputStream(file, length - 8 - footerLength, footerLength));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

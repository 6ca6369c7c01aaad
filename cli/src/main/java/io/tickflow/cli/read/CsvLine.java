package io.tickflow.cli.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One CSV record split into fields, RFC 4180 style: a field may be quoted ({@code "a, b"}), a quote inside a quoted
 * field is doubled ({@code "say ""hi"""}). A record is one line: a quote left open at the end of the line makes the
 * line unreadable rather than swallowing the lines after it.
 *
 * @param fields the fields, unquoted, not trimmed; empty when {@code problem} is set
 * @param problem why the line cannot be split, or null
 */
record CsvLine(List<String> fields, @Nullable String problem) {

    static CsvLine split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            int start = i;
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        closed = true;
                        break;
                    }
                }
                if (!closed) {
                    return failed("a quoted field is not closed on this line (column " + (fields.size() + 1) + ")");
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != delimiter) {
                    return failed("text after a closing quote (column " + (fields.size() + 1) + ")");
                }
            } else {
                i = start;
                while (i < n && line.charAt(i) != delimiter) {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= n) {
                return new CsvLine(Collections.unmodifiableList(fields), null);
            }
            i++; // the delimiter
        }
    }

    private static CsvLine failed(String problem) {
        return new CsvLine(List.of(), problem);
    }
}

package io.tickflow.localaws.sns;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of one AWS query-protocol request, read from an {@code application/x-www-form-urlencoded} body or a
 * URL query string.
 *
 * <p>The query protocol flattens structures into dotted names: maps as {@code Attributes.entry.N.key} and {@code
 * .value}, lists as {@code Tags.member.N.Key}. The methods here regroup them.
 */
final class QueryRequest {

    private final Map<String, String> params;

    private QueryRequest(Map<String, String> params) {
        this.params = params;
    }

    /** Reads {@code name=value&...} pairs; later pairs win, as with AWS. */
    static QueryRequest parse(String... forms) {
        Map<String, String> params = new HashMap<>();
        for (String form : forms) {
            if (form == null || form.isEmpty()) {
                continue;
            }
            int start = 0;
            int length = form.length();
            while (start <= length) {
                int end = form.indexOf('&', start);
                if (end < 0) {
                    end = length;
                }
                if (end > start) {
                    int equals = form.indexOf('=', start);
                    if (equals < 0 || equals > end) {
                        params.put(decode(form.substring(start, end)), "");
                    } else {
                        params.put(decode(form.substring(start, equals)), decode(form.substring(equals + 1, end)));
                    }
                }
                start = end + 1;
            }
        }
        return new QueryRequest(params);
    }

    static QueryRequest of(Map<String, String> params) {
        return new QueryRequest(Map.copyOf(params));
    }

    private static String decode(String text) {
        // Most names and many values need no decoding; skip the decoder's allocation for them.
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        // A published message arrives as one long value, mostly percent-escapes (every quote and brace of its JSON):
        // decoding it byte by byte into one array costs a fraction of URLDecoder's string building.
        byte[] bytes = new byte[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw SnsFault.malformedQueryString("Malformed percent-encoding in the request at " + i);
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes[length++] = ' ';
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                // Not what a form body holds, but what a hand-typed query string may: let the JDK sort it out.
                return jdkDecode(text);
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static String jdkDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SnsFault.malformedQueryString("Malformed percent-encoding in the request: " + e.getMessage());
        }
    }

    /** The value, or null when absent. */
    String get(String name) {
        return params.get(name);
    }

    /** The value; a missing or empty one is refused the way SNS refuses it. */
    String required(String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw SnsFault.invalidParameter("Invalid parameter: " + name + " Reason: no value for required parameter");
        }
        return value;
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(params.get(name));
    }

    /** A map serialised as {@code prefix.entry.N.key} / {@code prefix.entry.N.value}, in entry order. */
    Map<String, String> map(String prefix) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map<String, String> entry : indexed(prefix + ".entry.").values()) {
            String key = entry.get("key");
            if (key != null) {
                map.put(key, entry.getOrDefault("value", ""));
            }
        }
        return map;
    }

    /**
     * The members of a list of structures serialised as {@code prefix.member.N.Field...}, each as a request of its own
     * whose names lost the {@code prefix.member.N.} part.
     */
    List<QueryRequest> members(String prefix) {
        List<QueryRequest> members = new ArrayList<>();
        indexed(prefix + ".member.").values().forEach(fields -> members.add(new QueryRequest(fields)));
        return members;
    }

    /**
     * The entries of a map of structures serialised as {@code prefix.entry.N.Name} and {@code prefix.entry.N.Value.*},
     * as SNS message attributes are, each as a request of its own whose names lost the {@code prefix.entry.N.} part.
     */
    List<QueryRequest> entries(String prefix) {
        List<QueryRequest> entries = new ArrayList<>();
        indexed(prefix + ".entry.").values().forEach(fields -> entries.add(new QueryRequest(fields)));
        return entries;
    }

    /** The values of a list of strings serialised as {@code prefix.member.N}. */
    List<String> strings(String prefix) {
        String start = prefix + ".member.";
        TreeMap<Integer, String> values = new TreeMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(start)) {
                Integer index = index(name.substring(start.length()));
                if (index != null) {
                    values.put(index, value);
                }
            }
        });
        return List.copyOf(values.values());
    }

    /** Regroups every {@code start + N + "." + rest} name by N, keyed by rest. */
    private TreeMap<Integer, Map<String, String>> indexed(String start) {
        TreeMap<Integer, Map<String, String>> groups = new TreeMap<>();
        params.forEach((name, value) -> {
            if (!name.startsWith(start)) {
                return;
            }
            int dot = name.indexOf('.', start.length());
            if (dot < 0) {
                return;
            }
            Integer index = index(name.substring(start.length(), dot));
            if (index != null) {
                groups.computeIfAbsent(index, i -> new HashMap<>()).put(name.substring(dot + 1), value);
            }
        });
        return groups;
    }

    private static Integer index(String digits) {
        if (digits.isEmpty() || digits.length() > 9) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Integer.valueOf(digits);
    }
}

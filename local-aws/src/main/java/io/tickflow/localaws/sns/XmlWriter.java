package io.tickflow.localaws.sns;

import java.util.Map;

/**
 * Writes SNS query-protocol responses: {@code <ActionResponse xmlns=...><ActionResult>...</ActionResult>
 * <ResponseMetadata><RequestId>...</RequestId></ResponseMetadata></ActionResponse>}.
 *
 * <p>A StringBuilder rather than a DOM or StAX writer, because responses are small, flat and written on the publish
 * hot path.
 */
final class XmlWriter {

    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final StringBuilder xml = new StringBuilder(256);
    private final String action;
    private final boolean hasResult;

    private XmlWriter(String action, boolean hasResult) {
        this.action = action;
        this.hasResult = hasResult;
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<")
                .append(action)
                .append("Response xmlns=\"")
                .append(NAMESPACE)
                .append("\">");
        if (hasResult) {
            xml.append('<').append(action).append("Result>");
        }
    }

    /** A response with a {@code <ActionResult>} element to fill. */
    static XmlWriter response(String action) {
        return new XmlWriter(action, true);
    }

    /** A response that carries only its request id, as for DeleteTopic. */
    static String empty(String action, String requestId) {
        return new XmlWriter(action, false).finish(requestId);
    }

    XmlWriter open(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    XmlWriter close(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    /** An element with text content; nothing when the text is null. */
    XmlWriter element(String name, String text) {
        if (text != null) {
            xml.append('<').append(name).append('>');
            escape(xml, text);
            xml.append("</").append(name).append('>');
        }
        return this;
    }

    /** A map in the query protocol's shape: {@code <name><entry><key/><value/></entry>...</name>}. */
    XmlWriter map(String name, Map<String, String> entries) {
        open(name);
        entries.forEach((key, value) ->
                open("entry").element("key", key).element("value", value).close("entry"));
        return close(name);
    }

    String finish(String requestId) {
        if (hasResult) {
            xml.append("</").append(action).append("Result>");
        }
        xml.append("<ResponseMetadata><RequestId>")
                .append(requestId)
                .append("</RequestId></ResponseMetadata></")
                .append(action)
                .append("Response>");
        return xml.toString();
    }

    /** The error document AWS query services answer with. */
    static String error(SnsFault fault, String requestId) {
        StringBuilder xml = new StringBuilder(256)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"")
                .append(NAMESPACE)
                .append("\"><Error><Type>")
                .append(fault.senderFault() ? "Sender" : "Receiver")
                .append("</Type><Code>")
                .append(fault.code())
                .append("</Code><Message>");
        escape(xml, fault.getMessage());
        return xml.append("</Message></Error><RequestId>")
                .append(requestId)
                .append("</RequestId></ErrorResponse>")
                .toString();
    }

    /**
     * Escapes text for element content. Carriage returns become character references so that parsers keep them (XML
     * normalises a bare CR to LF); characters XML 1.0 cannot carry at all become U+FFFD.
     */
    static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#xD;");
                case '\t', '\n' -> out.append(c);
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}

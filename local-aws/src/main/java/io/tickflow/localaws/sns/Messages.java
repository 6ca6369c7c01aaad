package io.tickflow.localaws.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and checks what Publish and each PublishBatch entry carry, as SNS checks it. */
final class Messages {

    /** SNS's limit for a message and its attributes together, and for a whole PublishBatch. */
    static final int MAX_BYTES = 256 * 1024;

    private static final int MAX_SUBJECT = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {}

    /**
     * Reads {@code Message}, {@code Subject}, {@code MessageStructure} and {@code MessageAttributes}.
     *
     * @throws SnsFault InvalidParameter or ParameterValueInvalid for what SNS would refuse
     */
    static Message read(QueryRequest request, String topicArn, Instant now) {
        String text = request.get("Message");
        if (text == null || text.isEmpty()) {
            throw SnsFault.invalidParameter("Invalid parameter: Empty message");
        }
        String subject = request.get("Subject");
        if (subject != null) {
            checkSubject(subject);
        }
        List<MessageAttribute> attributes = MessageAttributes.read(request);
        if (size(text, attributes) > MAX_BYTES) {
            throw SnsFault.invalidParameter("Invalid parameter: Message too long");
        }
        String structure = request.get("MessageStructure");
        String body = text;
        Map<String, String> perProtocol = Map.of();
        if (structure != null) {
            if (!structure.equals("json")) {
                throw SnsFault.invalidParameter(
                        "Invalid parameter: MessageStructure Reason: the only supported value is json");
            }
            perProtocol = perProtocol(text);
            body = perProtocol.get("default");
        }
        return new Message(Ids.uuid(), topicArn, body, perProtocol, subject, attributes, now);
    }

    /** The bytes a message counts towards SNS's limits: its text and each attribute's name, type and value. */
    static int size(String text, List<MessageAttribute> attributes) {
        int size = utf8Length(text);
        for (MessageAttribute attribute : attributes) {
            size += attribute.size();
        }
        return size;
    }

    static int utf8Length(String text) {
        // Cheaper than encoding: ASCII text, the common case, is one byte per char.
        int length = text.length();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return length;
    }

    private static void checkSubject(String subject) {
        boolean valid = !subject.isEmpty() && subject.length() <= MAX_SUBJECT;
        for (int i = 0; valid && i < subject.length(); i++) {
            char c = subject.charAt(i);
            valid = c >= 0x20 && c < 0x7f;
        }
        if (!valid || !Character.isLetterOrDigit(subject.charAt(0)) && !isPunctuation(subject.charAt(0))) {
            throw SnsFault.invalidParameter("Invalid parameter: Subject Reason: a subject is 1 to 100 printable ASCII"
                    + " characters starting with a letter, digit or punctuation mark, without line breaks");
        }
    }

    private static boolean isPunctuation(char c) {
        return c > 0x20 && c < 0x7f && !Character.isLetterOrDigit(c);
    }

    private static Map<String, String> perProtocol(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw SnsFault.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        Map<String, String> entries = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!field.getValue().isTextual()) {
                throw SnsFault.invalidParameter(
                        "Invalid parameter: Message Structure - the value for " + field.getKey() + " must be a string");
            }
            entries.put(field.getKey(), field.getValue().asText());
        }
        if (!entries.containsKey("default")) {
            throw SnsFault.invalidParameter(
                    "Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        return Map.copyOf(entries);
    }
}

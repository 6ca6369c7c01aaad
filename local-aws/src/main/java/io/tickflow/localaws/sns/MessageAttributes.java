package io.tickflow.localaws.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks the message attributes of a Publish or PublishBatch entry, and gives their filter-policy view. */
final class MessageAttributes {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final Pattern CUSTOM_TYPE = Pattern.compile("(String|Number|Binary)(\\.[A-Za-z0-9_.-]+)?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MessageAttributes() {}

    /**
     * Reads {@code MessageAttributes.entry.N.Name}, {@code .Value.DataType}, {@code .Value.StringValue} and {@code
     * .Value.BinaryValue}.
     *
     * @throws SnsFault ParameterValueInvalid for an attribute SNS would refuse
     */
    static List<MessageAttribute> read(QueryRequest request) {
        List<QueryRequest> entries = request.entries("MessageAttributes");
        if (entries.isEmpty()) {
            return List.of();
        }
        Set<String> names = new HashSet<>();
        List<MessageAttribute> attributes = new ArrayList<>(entries.size());
        for (QueryRequest entry : entries) {
            MessageAttribute attribute = entry(entry);
            if (!names.add(attribute.name())) {
                throw SnsFault.invalidParameterValue(
                        "Message attribute name '" + attribute.name() + "' is specified more than once");
            }
            attributes.add(attribute);
        }
        return List.copyOf(attributes);
    }

    private static MessageAttribute entry(QueryRequest entry) {
        String name = entry.get("Name");
        if (name == null || name.isEmpty()) {
            throw SnsFault.invalidParameterValue("The message attribute name must not be empty");
        }
        checkName(name);
        String type = entry.get("Value.DataType");
        if (type == null || type.isEmpty()) {
            throw SnsFault.invalidParameterValue(
                    "The message attribute '" + name + "' must contain non-empty message attribute type");
        }
        if (!type.equals(MessageAttribute.STRING_ARRAY)
                && (type.length() > 256 || !CUSTOM_TYPE.matcher(type).matches())) {
            throw SnsFault.invalidParameterValue("The message attribute '" + name
                    + "' has an invalid message attribute type, the set of supported type prefixes is Binary, Number,"
                    + " and String.");
        }
        if (type.startsWith("Binary")) {
            String binary = entry.get("Value.BinaryValue");
            if (binary == null || binary.isEmpty()) {
                throw emptyValue(name, type);
            }
            try {
                Base64.getDecoder().decode(binary);
            } catch (IllegalArgumentException e) {
                throw SnsFault.invalidParameterValue(
                        "The message attribute '" + name + "' has a BinaryValue that is not Base64");
            }
            return new MessageAttribute(name, type, binary);
        }
        String value = entry.get("Value.StringValue");
        if (value == null || value.isEmpty()) {
            throw emptyValue(name, type);
        }
        if (type.startsWith("Number")) {
            number(name, value);
        } else if (type.equals(MessageAttribute.STRING_ARRAY)) {
            stringArray(name, value);
        }
        return new MessageAttribute(name, type, value);
    }

    private static SnsFault emptyValue(String name, String type) {
        return SnsFault.invalidParameterValue("The message attribute '" + name
                + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
    }

    private static void checkName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean reserved = (lower.startsWith("aws.") && !lower.startsWith("aws.sns.")) || lower.startsWith("amazon.");
        if (!NAME.matcher(name).matches()
                || name.startsWith(".")
                || name.endsWith(".")
                || name.contains("..")
                || reserved) {
            throw SnsFault.invalidParameterValue("Invalid attribute name: '" + name
                    + "'. Names are up to 256 of A-Z, a-z, 0-9, '_', '-' and '.', with no leading, trailing or"
                    + " doubled period, and may not start with 'AWS.' or 'Amazon.'");
        }
    }

    private static BigDecimal number(String name, String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw SnsFault.invalidParameterValue("Could not cast message attribute '" + name + "' value to number.");
        }
    }

    private static JsonNode stringArray(String name, String value) {
        JsonNode array;
        try {
            array = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            array = null;
        }
        boolean valid = array != null && array.isArray();
        if (valid) {
            for (JsonNode element : array) {
                valid &= element.isValueNode();
            }
        }
        if (!valid) {
            throw SnsFault.invalidParameterValue("The message attribute '" + name
                    + "' with type 'String.Array' must be a JSON array of strings, numbers, true, false or null");
        }
        return array;
    }

    /**
     * The attributes as the JSON object a MessageAttributes-scope filter policy is matched against: strings as
     * strings, numbers as numbers, String.Array values as arrays; Binary attributes are ignored, as SNS ignores them.
     *
     * @return the object, or null when no attribute is left to match
     */
    static ObjectNode filterView(List<MessageAttribute> attributes) {
        ObjectNode view = null;
        for (MessageAttribute attribute : attributes) {
            JsonNode value;
            if (attribute.isBinary()) {
                continue;
            } else if (attribute.isNumber()) {
                value = numberNode(number(attribute.name(), attribute.value()));
            } else if (attribute.isStringArray()) {
                value = stringArray(attribute.name(), attribute.value());
            } else {
                value = NODES.textNode(attribute.value());
            }
            if (view == null) {
                view = NODES.objectNode();
            }
            view.set(attribute.name(), value);
        }
        return view;
    }

    /** Whole numbers stay exact; the rest become doubles, which is all the precision event-ruler compares with. */
    private static JsonNode numberNode(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return NODES.numberNode(stripped.longValueExact());
        }
        return NODES.numberNode(number.doubleValue());
    }
}

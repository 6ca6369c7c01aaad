package io.tickflow.localaws.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.MatchType;
import software.amazon.event.ruler.Patterns;

/**
 * A subscription's filter policy, compiled once into an event-ruler {@link Machine} (the matcher SNS and EventBridge
 * are built on) and matched against the JSON view of each message.
 *
 * <p>SNS accepts a subset of what event-ruler does (no wildcard matching, no nesting on the attribute scope) and adds
 * limits of its own (5 keys, 150 value combinations, 256 KB); those are checked here so that Subscribe and
 * SetSubscriptionAttributes refuse what AWS refuses.
 */
final class FilterPolicy {

    /** Which part of a message a policy looks at. */
    enum Scope {
        MESSAGE_ATTRIBUTES("MessageAttributes"),
        MESSAGE_BODY("MessageBody");

        private final String wireName;

        Scope(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }

        static Scope fromWireName(String value) {
            for (Scope scope : values()) {
                if (scope.wireName.equals(value)) {
                    return scope;
                }
            }
            throw SnsFault.invalidParameter("Invalid parameter: Attributes Reason: FilterPolicyScope: Invalid value ["
                    + value + "]. Please use either MessageBody or MessageAttributes");
        }
    }

    private static final int MAX_BYTES = 256 * 1024;
    private static final int MAX_KEYS = 5;
    private static final int MAX_COMBINATIONS = 150;
    private static final String RULE = "policy";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String json;
    private final Scope scope;
    private final Machine machine;

    private FilterPolicy(String json, Scope scope, Machine machine) {
        this.json = json;
        this.scope = scope;
        this.machine = machine;
    }

    /**
     * Compiles a policy.
     *
     * @throws SnsFault InvalidParameter, with the reason, for a policy SNS would refuse
     */
    static FilterPolicy compile(String json, Scope scope) {
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw invalid("Filter policy is too long; the maximum is 256 KB");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("failed to parse JSON. " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("Filter policy is not a JSON object");
        }
        if (scope == Scope.MESSAGE_ATTRIBUTES) {
            requireFlat(root);
        }
        List<Map<String, List<Patterns>>> rules;
        try {
            rules = JsonRuleCompiler.compile(json);
        } catch (IOException | RuntimeException e) {
            throw invalid(firstLine(e.getMessage()));
        }
        if (combinations(root) > MAX_COMBINATIONS) {
            throw invalid(
                    "Filter policy is too complex: its values make more than " + MAX_COMBINATIONS + " combinations");
        }
        Machine machine = Machine.builder().build();
        for (Map<String, List<Patterns>> rule : rules) {
            if (rule.size() > MAX_KEYS) {
                throw invalid("Filter policy can not have more than " + MAX_KEYS + " keys");
            }
            for (List<Patterns> patterns : rule.values()) {
                for (Patterns pattern : patterns) {
                    // SNS never took event-ruler's wildcard operator over from EventBridge.
                    if (pattern.type() == MatchType.WILDCARD || pattern.type() == MatchType.ANYTHING_BUT_WILDCARD) {
                        throw invalid("Unrecognized match type wildcard");
                    }
                }
            }
            machine.addPatternRule(RULE, rule);
        }
        return new FilterPolicy(json, scope, machine);
    }

    /**
     * SNS's measure of a policy's complexity: the number of values of each key multiplied together; a {@code $or}
     * contributes the sum of its alternatives. Counted on the policy as written, since event-ruler compiles one number
     * into two patterns.
     */
    private static long combinations(JsonNode policy) {
        long product = 1;
        for (Map.Entry<String, JsonNode> field : policy.properties()) {
            JsonNode value = field.getValue();
            long factor;
            if (field.getKey().equals("$or") && value.isArray()) {
                factor = 0;
                for (JsonNode alternative : value) {
                    factor += alternative.isObject() ? combinations(alternative) : 1;
                }
            } else if (value.isObject()) {
                factor = combinations(value);
            } else {
                factor = Math.max(1, value.size());
            }
            product = Math.min(product * factor, Integer.MAX_VALUE);
        }
        return product;
    }

    /** The attribute scope takes no nested objects, except the alternatives under {@code $or}. */
    private static void requireFlat(JsonNode policy) {
        for (Map.Entry<String, JsonNode> field : policy.properties()) {
            JsonNode value = field.getValue();
            if (field.getKey().equals("$or") && value.isArray()) {
                for (JsonNode alternative : value) {
                    if (alternative.isObject()) {
                        requireFlat(alternative);
                    }
                }
            } else if (value.isObject()) {
                throw SnsFault.invalidParameter(
                        "Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy");
            }
        }
    }

    private static SnsFault invalid(String reason) {
        return SnsFault.invalidParameter("Invalid parameter: FilterPolicy: " + reason);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "Invalid filter policy";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    String json() {
        return json;
    }

    Scope scope() {
        return scope;
    }

    /**
     * Whether the message, seen as JSON in this policy's scope, is admitted.
     *
     * @param event the attributes or the body as a JSON object, or null when there is nothing in scope to match (no
     *     attributes, or a body that is not a JSON object): such a message is admitted by no policy, not even one
     *     made only of {@code "exists": false}
     */
    boolean admits(JsonNode event) {
        return event != null && !machine.rulesForJSONEvent(event).isEmpty();
    }
}

package io.tickflow.localaws.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes set on a subscription and what the fan-out derives from them, checked and compiled once.
 *
 * @param attributes the attributes as set (FilterPolicy, FilterPolicyScope, RawMessageDelivery, RedrivePolicy, ...)
 * @param filterPolicy the compiled filter policy, if any
 * @param rawMessageDelivery whether subscribers receive the bare message instead of the JSON envelope
 * @param deadLetterTargetArn the SQS queue undeliverable messages go to, from the RedrivePolicy
 */
record SubscriptionSettings(
        Map<String, String> attributes,
        Optional<FilterPolicy> filterPolicy,
        boolean rawMessageDelivery,
        Optional<String> deadLetterTargetArn) {

    static final String FILTER_POLICY = "FilterPolicy";
    static final String FILTER_POLICY_SCOPE = "FilterPolicyScope";
    static final String RAW_MESSAGE_DELIVERY = "RawMessageDelivery";
    static final String REDRIVE_POLICY = "RedrivePolicy";

    static final SubscriptionSettings NONE = of(Map.of());

    private static final Set<String> SETTABLE = Set.of(
            FILTER_POLICY,
            FILTER_POLICY_SCOPE,
            RAW_MESSAGE_DELIVERY,
            REDRIVE_POLICY,
            "DeliveryPolicy",
            "SubscriptionRoleArn",
            "ReplayPolicy");
    private static final ObjectMapper JSON = new ObjectMapper();

    SubscriptionSettings {
        attributes = Map.copyOf(attributes);
    }

    /**
     * Checks and compiles the attributes Subscribe received.
     *
     * @throws SnsFault InvalidParameter with the reason SNS gives
     */
    static SubscriptionSettings of(Map<String, String> attributes) {
        attributes.forEach((name, value) -> {
            if (!SETTABLE.contains(name)) {
                throw SnsFault.invalidParameter("Invalid parameter: Attributes Reason: Unknown attribute " + name);
            }
        });
        FilterPolicy.Scope scope = Optional.ofNullable(attributes.get(FILTER_POLICY_SCOPE))
                .map(FilterPolicy.Scope::fromWireName)
                .orElse(FilterPolicy.Scope.MESSAGE_ATTRIBUTES);
        Optional<FilterPolicy> policy = Optional.ofNullable(attributes.get(FILTER_POLICY))
                .filter(json -> !isEmptyPolicy(json))
                .map(json -> FilterPolicy.compile(json, scope));
        String raw = attributes.getOrDefault(RAW_MESSAGE_DELIVERY, "false");
        if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
            throw SnsFault.invalidParameter("Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value ["
                    + raw + "]. Must be true or false.");
        }
        Optional<String> deadLetter = Optional.ofNullable(attributes.get(REDRIVE_POLICY))
                .filter(json -> !json.isEmpty())
                .map(SubscriptionSettings::deadLetterTarget);
        Map<String, String> kept = new LinkedHashMap<>(attributes);
        // An empty FilterPolicy or RedrivePolicy is how a caller removes one.
        kept.entrySet()
                .removeIf(e -> (e.getKey().equals(FILTER_POLICY) || e.getKey().equals(REDRIVE_POLICY))
                        && e.getValue().isEmpty());
        return new SubscriptionSettings(kept, policy, raw.equalsIgnoreCase("true"), deadLetter);
    }

    /** These settings with one attribute changed, as SetSubscriptionAttributes changes it. */
    SubscriptionSettings with(String name, String value) {
        if (!SETTABLE.contains(name)) {
            throw SnsFault.invalidParameter("Invalid parameter: AttributeName");
        }
        Map<String, String> changed = new LinkedHashMap<>(attributes);
        changed.put(name, value == null ? "" : value);
        return of(changed);
    }

    /**
     * Whether Subscribe asking for {@code requested} on an existing subscription with these settings asks for the same
     * thing, so that it may return the existing subscription instead of refusing.
     */
    boolean agreesWith(Map<String, String> requested) {
        for (Map.Entry<String, String> entry : requested.entrySet()) {
            String mine = effective(entry.getKey());
            String theirs = entry.getValue();
            boolean same =
                    entry.getKey().equals(FILTER_POLICY) || entry.getKey().equals(REDRIVE_POLICY)
                            ? Objects.equals(json(mine), json(theirs))
                            : mine.equalsIgnoreCase(theirs);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private String effective(String name) {
        return switch (name) {
            case RAW_MESSAGE_DELIVERY -> Boolean.toString(rawMessageDelivery);
            case FILTER_POLICY_SCOPE -> attributes.getOrDefault(name, FilterPolicy.Scope.MESSAGE_ATTRIBUTES.wireName());
            default -> attributes.getOrDefault(name, "");
        };
    }

    /** What GetSubscriptionAttributes shows of these settings. */
    Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>(attributes);
        described.put(RAW_MESSAGE_DELIVERY, Boolean.toString(rawMessageDelivery));
        filterPolicy.ifPresent(
                policy -> described.put(FILTER_POLICY_SCOPE, policy.scope().wireName()));
        return described;
    }

    private static boolean isEmptyPolicy(String json) {
        if (json.isBlank()) {
            return true;
        }
        JsonNode node = json(json);
        return node != null && node.isObject() && node.isEmpty();
    }

    private static JsonNode json(String text) {
        try {
            return text.isEmpty() ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String deadLetterTarget(String redrivePolicy) {
        JsonNode policy = json(redrivePolicy);
        if (policy == null || !policy.isObject()) {
            throw SnsFault.invalidParameter("Invalid parameter: RedrivePolicy: failed to parse JSON");
        }
        JsonNode target = policy.get("deadLetterTargetArn");
        if (target == null || !target.isTextual()) {
            throw SnsFault.invalidParameter("Invalid parameter: RedrivePolicy: deadLetterTargetArn is missing");
        }
        Optional<Arns.Parts> arn = Arns.Parts.parse(target.asText());
        if (arn.isEmpty() || !arn.get().service().equals("sqs")) {
            throw SnsFault.invalidParameter("Invalid parameter: RedrivePolicy: deadLetterTargetArn is an invalid arn");
        }
        return target.asText();
    }
}

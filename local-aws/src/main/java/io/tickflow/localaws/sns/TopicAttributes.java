package io.tickflow.localaws.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Which topic attributes may be set, with which values, and what GetTopicAttributes reports besides them. */
final class TopicAttributes {

    static final String SIGNATURE_VERSION = "SignatureVersion";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> JSON_VALUED =
            Set.of("Policy", "DeliveryPolicy", "DataProtectionPolicy", "ArchivePolicy");

    /** Attributes SNS lets a caller set on a standard topic; the feedback ones configure delivery-status logging. */
    private static final Set<String> SETTABLE = Set.of(
            "DisplayName",
            "Policy",
            "DeliveryPolicy",
            "DataProtectionPolicy",
            "ArchivePolicy",
            "KmsMasterKeyId",
            SIGNATURE_VERSION,
            "TracingConfig",
            "FifoTopic",
            "ApplicationSuccessFeedbackRoleArn",
            "ApplicationSuccessFeedbackSampleRate",
            "ApplicationFailureFeedbackRoleArn",
            "HTTPSuccessFeedbackRoleArn",
            "HTTPSuccessFeedbackSampleRate",
            "HTTPFailureFeedbackRoleArn",
            "LambdaSuccessFeedbackRoleArn",
            "LambdaSuccessFeedbackSampleRate",
            "LambdaFailureFeedbackRoleArn",
            "FirehoseSuccessFeedbackRoleArn",
            "FirehoseSuccessFeedbackSampleRate",
            "FirehoseFailureFeedbackRoleArn",
            "SQSSuccessFeedbackRoleArn",
            "SQSSuccessFeedbackSampleRate",
            "SQSFailureFeedbackRoleArn");

    private TopicAttributes() {}

    /**
     * Checks one attribute as CreateTopic or SetTopicAttributes receives it.
     *
     * @throws SnsFault InvalidParameter for a name SNS does not know or a value it refuses
     */
    static void check(String name, String value) {
        if (!SETTABLE.contains(name)) {
            throw SnsFault.invalidParameter("Invalid parameter: AttributeName");
        }
        String reason =
                switch (name) {
                    case "DisplayName" -> value.length() > 100 ? "DisplayName must be at most 100 characters" : null;
                    case SIGNATURE_VERSION ->
                        value.equals("1") || value.equals("2") ? null : "SignatureVersion must be 1 or 2";
                    case "TracingConfig" ->
                        value.equals("PassThrough") || value.equals("Active")
                                ? null
                                : "TracingConfig must be PassThrough or Active";
                    // The emulator keeps no ordering or deduplication state, so it serves standard topics only.
                    case "FifoTopic" ->
                        value.equalsIgnoreCase("false") ? null : "FIFO topics are not supported by this emulator";
                    default ->
                        JSON_VALUED.contains(name) && !value.isEmpty() && !isJsonObject(value)
                                ? name + " must be a JSON object"
                                : null;
                };
        if (reason != null) {
            throw SnsFault.invalidParameter("Invalid parameter: Attributes Reason: " + reason);
        }
    }

    private static boolean isJsonObject(String value) {
        try {
            return JSON.readTree(value).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Everything GetTopicAttributes reports: the defaults AWS shows, overridden by what was set, plus the counts. */
    static Map<String, String> describe(Topic topic, String accountId, int confirmed, int pending) {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("Policy", defaultPolicy(topic.arn(), accountId));
        described.put("Owner", accountId);
        described.put("TopicArn", topic.arn());
        described.put("DisplayName", "");
        described.put(SIGNATURE_VERSION, "1");
        described.put("EffectiveDeliveryPolicy", defaultDeliveryPolicy());
        described.putAll(topic.attributes());
        described.put("SubscriptionsConfirmed", Integer.toString(confirmed));
        described.put("SubscriptionsPending", Integer.toString(pending));
        described.put("SubscriptionsDeleted", Integer.toString(topic.subscriptionsDeleted()));
        return described;
    }

    /** The access policy AWS gives a new topic: its owner may do everything. */
    private static String defaultPolicy(String topicArn, String accountId) {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2008-10-17");
        policy.put("Id", "__default_policy_ID");
        ObjectNode statement = policy.putArray("Statement").addObject();
        statement.put("Sid", "__default_statement_ID");
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", "*");
        ArrayNode actions = statement.putArray("Action");
        for (String action : new String[] {
            "GetTopicAttributes", "SetTopicAttributes", "AddPermission", "RemovePermission",
            "DeleteTopic", "Subscribe", "ListSubscriptionsByTopic", "Publish"
        }) {
            actions.add("SNS:" + action);
        }
        statement.put("Resource", topicArn);
        statement.putObject("Condition").putObject("StringEquals").put("AWS:SourceOwner", accountId);
        return policy.toString();
    }

    /** The HTTP retry policy in force: the emulator's own, shorter than AWS's 20-second default so tests stay fast. */
    private static String defaultDeliveryPolicy() {
        ObjectNode policy = JSON.createObjectNode();
        ObjectNode http = policy.putObject("http");
        ObjectNode retry = http.putObject("defaultHealthyRetryPolicy");
        retry.put("minDelayTarget", HttpDelivery.FIRST_RETRY_DELAY.toSeconds());
        retry.put("maxDelayTarget", HttpDelivery.LAST_RETRY_DELAY.toSeconds());
        retry.put("numRetries", HttpDelivery.RETRIES);
        retry.put("numMaxDelayRetries", 0);
        retry.put("numNoDelayRetries", 0);
        retry.put("numMinDelayRetries", 0);
        retry.put("backoffFunction", "exponential");
        http.put("disableSubscriptionOverrides", false);
        http.putObject("defaultRequestPolicy").put("headerContentType", "text/plain; charset=UTF-8");
        return policy.toString();
    }
}

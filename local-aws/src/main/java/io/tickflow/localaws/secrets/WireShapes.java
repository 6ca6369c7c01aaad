package io.tickflow.localaws.secrets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The request and response shapes of the Secrets Manager API (service model 2017-10-17), as far as this emulator
 * serves them. Members are written in UpperCamelCase, as on the wire; absent members are null and left out of
 * responses; members the emulator has no use for (KmsKeyId, replica regions, ...) are ignored.
 */
final class WireShapes {

    private WireShapes() {}

    /**
     * The JSON 1.1 mapper: UpperCamelCase members, nulls left out, timestamps as epoch seconds with milliseconds (what
     * the {@code json} protocol sends, e.g. {@code 1700000000.123}), unknown request members ignored.
     */
    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .addModule(new SimpleModule("secretsmanager-json").addSerializer(Instant.class, new EpochSeconds()))
                .build();
    }

    private static final class EpochSeconds extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        EpochSeconds() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(BigDecimal.valueOf(value.toEpochMilli(), 3));
        }
    }

    // Shared members

    record WireTag(String key, String value) {}

    record WireFilter(String key, List<String> values) {}

    // Requests

    record CreateSecretRequest(
            String name,
            String clientRequestToken,
            String description,
            String secretString,
            String secretBinary,
            List<WireTag> tags) {}

    record GetSecretValueRequest(String secretId, String versionId, String versionStage) {}

    record BatchGetSecretValueRequest(
            List<String> secretIdList, List<WireFilter> filters, Integer maxResults, String nextToken) {}

    record PutSecretValueRequest(
            String secretId,
            String clientRequestToken,
            String secretString,
            String secretBinary,
            List<String> versionStages) {}

    record UpdateSecretRequest(
            String secretId, String clientRequestToken, String description, String secretString, String secretBinary) {}

    record DescribeSecretRequest(String secretId) {}

    record ListSecretsRequest(
            Integer maxResults,
            String nextToken,
            List<WireFilter> filters,
            String sortOrder,
            Boolean includePlannedDeletion) {}

    record ListSecretVersionIdsRequest(
            String secretId, Integer maxResults, String nextToken, Boolean includeDeprecated) {}

    record DeleteSecretRequest(String secretId, Long recoveryWindowInDays, Boolean forceDeleteWithoutRecovery) {}

    record RestoreSecretRequest(String secretId) {}

    record TagResourceRequest(String secretId, List<WireTag> tags) {}

    record UntagResourceRequest(String secretId, List<String> tagKeys) {}

    // Responses

    record CreateSecretResponse(@JsonProperty("ARN") String arn, String name, String versionId) {}

    /** GetSecretValue's response, and one entry of BatchGetSecretValue's: the two shapes have the same members. */
    record SecretValueEntry(
            @JsonProperty("ARN") String arn,
            String name,
            String versionId,
            String secretString,
            String secretBinary,
            List<String> versionStages,
            Instant createdDate) {}

    record ApiErrorEntry(String secretId, String errorCode, String message) {}

    record BatchGetSecretValueResponse(
            List<SecretValueEntry> secretValues, List<ApiErrorEntry> errors, String nextToken) {}

    record PutSecretValueResponse(
            @JsonProperty("ARN") String arn, String name, String versionId, List<String> versionStages) {}

    record UpdateSecretResponse(@JsonProperty("ARN") String arn, String name, String versionId) {}

    record DescribeSecretResponse(
            @JsonProperty("ARN") String arn,
            String name,
            String description,
            Instant lastChangedDate,
            Instant deletedDate,
            List<WireTag> tags,
            Map<String, List<String>> versionIdsToStages,
            Instant createdDate) {}

    record SecretListEntry(
            @JsonProperty("ARN") String arn,
            String name,
            String description,
            Instant lastChangedDate,
            Instant deletedDate,
            List<WireTag> tags,
            Map<String, List<String>> secretVersionsToStages,
            Instant createdDate) {}

    record ListSecretsResponse(List<SecretListEntry> secretList, String nextToken) {}

    record SecretVersionsListEntry(String versionId, List<String> versionStages, Instant createdDate) {}

    record ListSecretVersionIdsResponse(
            List<SecretVersionsListEntry> versions, String nextToken, @JsonProperty("ARN") String arn, String name) {}

    record DeleteSecretResponse(@JsonProperty("ARN") String arn, String name, Instant deletionDate) {}

    record RestoreSecretResponse(@JsonProperty("ARN") String arn, String name) {}

    /** TagResource and UntagResource answer with an empty object. */
    record EmptyResponse() {}

    /** The body of every error: {@code __type} is what the SDKs map to a typed exception. */
    record ErrorResponse(@JsonProperty("__type") String type, @JsonProperty("message") String message) {}
}

package io.tickflow.localaws.secrets;

import io.tickflow.localaws.secrets.WireShapes.ApiErrorEntry;
import io.tickflow.localaws.secrets.WireShapes.BatchGetSecretValueRequest;
import io.tickflow.localaws.secrets.WireShapes.BatchGetSecretValueResponse;
import io.tickflow.localaws.secrets.WireShapes.CreateSecretRequest;
import io.tickflow.localaws.secrets.WireShapes.CreateSecretResponse;
import io.tickflow.localaws.secrets.WireShapes.DeleteSecretRequest;
import io.tickflow.localaws.secrets.WireShapes.DeleteSecretResponse;
import io.tickflow.localaws.secrets.WireShapes.DescribeSecretRequest;
import io.tickflow.localaws.secrets.WireShapes.DescribeSecretResponse;
import io.tickflow.localaws.secrets.WireShapes.EmptyResponse;
import io.tickflow.localaws.secrets.WireShapes.GetSecretValueRequest;
import io.tickflow.localaws.secrets.WireShapes.ListSecretVersionIdsRequest;
import io.tickflow.localaws.secrets.WireShapes.ListSecretVersionIdsResponse;
import io.tickflow.localaws.secrets.WireShapes.ListSecretsRequest;
import io.tickflow.localaws.secrets.WireShapes.ListSecretsResponse;
import io.tickflow.localaws.secrets.WireShapes.PutSecretValueRequest;
import io.tickflow.localaws.secrets.WireShapes.PutSecretValueResponse;
import io.tickflow.localaws.secrets.WireShapes.RestoreSecretRequest;
import io.tickflow.localaws.secrets.WireShapes.RestoreSecretResponse;
import io.tickflow.localaws.secrets.WireShapes.SecretListEntry;
import io.tickflow.localaws.secrets.WireShapes.SecretValueEntry;
import io.tickflow.localaws.secrets.WireShapes.SecretVersionsListEntry;
import io.tickflow.localaws.secrets.WireShapes.TagResourceRequest;
import io.tickflow.localaws.secrets.WireShapes.UntagResourceRequest;
import io.tickflow.localaws.secrets.WireShapes.UpdateSecretRequest;
import io.tickflow.localaws.secrets.WireShapes.UpdateSecretResponse;
import io.tickflow.localaws.secrets.WireShapes.WireFilter;
import io.tickflow.localaws.secrets.WireShapes.WireTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Secrets Manager operations: each checks its request against the service model's constraints, carries it out
 * against the {@link SecretStore} and shapes the response.
 */
final class SecretsManagerApi {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]+");
    private static final Pattern FILTER_VALUE = Pattern.compile("!?[a-zA-Z0-9 :_@/+=.\\-]*");
    private static final Comparator<SecretVersion> VERSION_ORDER =
            Comparator.comparing(SecretVersion::createdDate).thenComparing(SecretVersion::versionId);

    private final SecretStore store;

    SecretsManagerApi(SecretStore store) {
        this.store = store;
    }

    CreateSecretResponse createSecret(CreateSecretRequest request) {
        String name = required(request.name(), "name");
        length(name, "name", 1, 512);
        if (!NAME.matcher(name).matches()) {
            throw new ApiException(
                    ErrorType.INVALID_PARAMETER,
                    "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following:"
                            + " -/_+=.@!");
        }
        length(request.description(), "description", 0, 2048);
        Optional<SecretValue> value = value(request.secretString(), request.secretBinary());
        SecretStore.Outcome created = store.create(
                name, request.description(), value, versionId(request.clientRequestToken()), tags(request.tags()));
        return new CreateSecretResponse(
                created.secret().arn(),
                created.secret().name(),
                created.version().map(SecretVersion::versionId).orElse(null));
    }

    SecretValueEntry getSecretValue(GetSecretValueRequest request) {
        String secretId = secretId(request.secretId());
        length(request.versionId(), "versionId", 32, 64);
        length(request.versionStage(), "versionStage", 1, 256);
        return valueEntry(store.value(
                secretId, Optional.ofNullable(request.versionId()), Optional.ofNullable(request.versionStage())));
    }

    BatchGetSecretValueResponse batchGetSecretValue(BatchGetSecretValueRequest request) {
        boolean byIds =
                request.secretIdList() != null && !request.secretIdList().isEmpty();
        boolean byFilters = request.filters() != null && !request.filters().isEmpty();
        if (byIds == byFilters) {
            throw new ApiException(
                    ErrorType.INVALID_PARAMETER, "Either 'SecretIdList' or 'Filters' must be provided, but not both.");
        }
        List<String> secretIds;
        String nextToken = null;
        if (byIds) {
            if (request.maxResults() != null || request.nextToken() != null) {
                throw new ApiException(
                        ErrorType.INVALID_PARAMETER,
                        "'MaxResults' and 'NextToken' can only be used with 'Filters', not with 'SecretIdList'.");
            }
            if (request.secretIdList().size() > 20) {
                throw ApiException.validation("secretIdList", "Member must have length less than or equal to 20");
            }
            secretIds = request.secretIdList().stream().map(this::secretId).toList();
        } else {
            int maxResults = range(request.maxResults(), "maxResults", 1, 20, 20);
            Page<Secret> page = Page.of(
                    store.list(filters(request.filters()), false),
                    SecretsManagerApi::pageKey,
                    PageToken.ORDER,
                    token(request.nextToken()),
                    maxResults);
            // By ARN: should a secret be deleted and created again meanwhile, the new one was not on this page.
            secretIds = page.items().stream().map(Secret::arn).toList();
            nextToken = page.nextToken().orElse(null);
        }
        List<SecretValueEntry> values = new ArrayList<>();
        List<ApiErrorEntry> errors = new ArrayList<>();
        for (String secretId : secretIds) {
            try {
                values.add(valueEntry(store.value(secretId, Optional.empty(), Optional.empty())));
            } catch (ApiException e) {
                // One missing or deleted secret must not hide the others: AWS reports it beside them.
                errors.add(new ApiErrorEntry(secretId, e.type().wireName(), e.getMessage()));
            }
        }
        return new BatchGetSecretValueResponse(values, errors, nextToken);
    }

    PutSecretValueResponse putSecretValue(PutSecretValueRequest request) {
        String secretId = secretId(request.secretId());
        String versionId = versionId(request.clientRequestToken());
        SecretValue value = value(request.secretString(), request.secretBinary())
                .orElseThrow(() -> new ApiException(
                        ErrorType.INVALID_PARAMETER, "You must provide either SecretString or SecretBinary."));
        List<String> stages = versionStages(request.versionStages());
        SecretStore.Outcome put = store.putValue(secretId, value, versionId, stages);
        SecretVersion version = put.version().orElseThrow();
        return new PutSecretValueResponse(
                put.secret().arn(), put.secret().name(), version.versionId(), version.stages());
    }

    UpdateSecretResponse updateSecret(UpdateSecretRequest request) {
        String secretId = secretId(request.secretId());
        length(request.description(), "description", 0, 2048);
        String versionId = versionId(request.clientRequestToken());
        Optional<SecretValue> value = value(request.secretString(), request.secretBinary());
        SecretStore.Outcome updated = store.update(secretId, request.description(), value, versionId);
        return new UpdateSecretResponse(
                updated.secret().arn(),
                updated.secret().name(),
                updated.version().map(SecretVersion::versionId).orElse(null));
    }

    DescribeSecretResponse describeSecret(DescribeSecretRequest request) {
        Secret secret = store.describe(secretId(request.secretId()));
        return new DescribeSecretResponse(
                secret.arn(),
                secret.name(),
                secret.description(),
                secret.lastChangedDate(),
                secret.scheduledDeletion()
                        .map(Secret.ScheduledDeletion::deletedDate)
                        .orElse(null),
                wireTags(secret),
                nullIfEmpty(secret.versions().idsToStages()),
                secret.createdDate());
    }

    ListSecretsResponse listSecrets(ListSecretsRequest request) {
        int maxResults = range(request.maxResults(), "maxResults", 1, 100, 100);
        boolean descending = sortDescending(request.sortOrder());
        List<Secret> secrets = new ArrayList<>(
                store.list(filters(request.filters()), Boolean.TRUE.equals(request.includePlannedDeletion())));
        if (descending) {
            secrets = secrets.reversed();
        }
        Page<Secret> page = Page.of(
                secrets,
                SecretsManagerApi::pageKey,
                descending ? PageToken.ORDER.reversed() : PageToken.ORDER,
                token(request.nextToken()),
                maxResults);
        List<SecretListEntry> entries = page.items().stream()
                .map(s -> new SecretListEntry(
                        s.arn(),
                        s.name(),
                        s.description(),
                        s.lastChangedDate(),
                        s.scheduledDeletion()
                                .map(Secret.ScheduledDeletion::deletedDate)
                                .orElse(null),
                        wireTags(s),
                        nullIfEmpty(s.versions().idsToStages()),
                        s.createdDate()))
                .toList();
        return new ListSecretsResponse(entries, page.nextToken().orElse(null));
    }

    ListSecretVersionIdsResponse listSecretVersionIds(ListSecretVersionIdsRequest request) {
        Secret secret = store.describe(secretId(request.secretId()));
        int maxResults = range(request.maxResults(), "maxResults", 1, 100, 100);
        boolean includeDeprecated = Boolean.TRUE.equals(request.includeDeprecated());
        List<SecretVersion> versions = secret.versions().all().stream()
                .filter(v -> includeDeprecated || !v.stages().isEmpty())
                .sorted(VERSION_ORDER)
                .toList();
        Page<SecretVersion> page = Page.of(
                versions,
                v -> new PageToken(v.createdDate(), v.versionId()),
                PageToken.ORDER,
                token(request.nextToken()),
                maxResults);
        List<SecretVersionsListEntry> entries = page.items().stream()
                .map(v -> new SecretVersionsListEntry(
                        v.versionId(), v.stages().isEmpty() ? null : v.stages(), v.createdDate()))
                .toList();
        return new ListSecretVersionIdsResponse(entries, page.nextToken().orElse(null), secret.arn(), secret.name());
    }

    DeleteSecretResponse deleteSecret(DeleteSecretRequest request) {
        String secretId = secretId(request.secretId());
        boolean force = Boolean.TRUE.equals(request.forceDeleteWithoutRecovery());
        Long window = request.recoveryWindowInDays();
        if (force && window != null) {
            throw new ApiException(
                    ErrorType.INVALID_PARAMETER,
                    "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        }
        if (window != null && (window < 7 || window > 30)) {
            throw new ApiException(
                    ErrorType.INVALID_PARAMETER,
                    "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        Secret deleted = store.delete(secretId, Optional.ofNullable(window).map(Long::intValue), force);
        return new DeleteSecretResponse(
                deleted.arn(),
                deleted.name(),
                deleted.scheduledDeletion().orElseThrow().deletionDate());
    }

    RestoreSecretResponse restoreSecret(RestoreSecretRequest request) {
        Secret restored = store.restore(secretId(request.secretId()));
        return new RestoreSecretResponse(restored.arn(), restored.name());
    }

    EmptyResponse tagResource(TagResourceRequest request) {
        String secretId = secretId(request.secretId());
        store.tag(secretId, tags(required(request.tags(), "tags")));
        return new EmptyResponse();
    }

    EmptyResponse untagResource(UntagResourceRequest request) {
        String secretId = secretId(request.secretId());
        List<String> keys = required(request.tagKeys(), "tagKeys");
        keys.forEach(key -> length(required(key, "tagKeys.member"), "tagKeys.member", 1, 128));
        store.untag(secretId, keys);
        return new EmptyResponse();
    }

    // Shaping

    private static SecretValueEntry valueEntry(SecretStore.Outcome read) {
        Secret secret = read.secret();
        SecretVersion version = read.version().orElseThrow();
        String text = version.value() instanceof SecretValue.Text t ? t.text() : null;
        String binary = version.value() instanceof SecretValue.Binary b ? b.base64() : null;
        return new SecretValueEntry(
                secret.arn(),
                secret.name(),
                version.versionId(),
                text,
                binary,
                version.stages(),
                version.createdDate());
    }

    private static PageToken pageKey(Secret secret) {
        return new PageToken(secret.createdDate(), secret.name());
    }

    /** AWS leaves out tags and version maps a secret has none of. */
    private static List<WireTag> wireTags(Secret secret) {
        return secret.tags().isEmpty()
                ? null
                : secret.tags().stream()
                        .map(t -> new WireTag(t.key(), t.value()))
                        .toList();
    }

    private static <K, V> Map<K, V> nullIfEmpty(Map<K, V> map) {
        return map.isEmpty() ? null : map;
    }

    // Request constraints of the service model

    private String secretId(String secretId) {
        length(required(secretId, "secretId"), "secretId", 1, 2048);
        return secretId;
    }

    /** The ClientRequestToken becomes the VersionId; the SDKs and the CLI always send one, raw callers may not. */
    private static String versionId(String clientRequestToken) {
        if (clientRequestToken == null) {
            return UUID.randomUUID().toString();
        }
        length(clientRequestToken, "clientRequestToken", 32, 64);
        return clientRequestToken;
    }

    private static Optional<SecretValue> value(String secretString, String secretBinary) {
        if (secretString != null && secretBinary != null) {
            throw new ApiException(
                    ErrorType.INVALID_PARAMETER,
                    "You can't specify both a binary secret value and a string secret value in the same secret.");
        }
        if (secretString != null) {
            length(secretString, "secretString", 0, SecretValue.MAX_BYTES);
            return Optional.of(new SecretValue.Text(secretString));
        }
        if (secretBinary != null) {
            SecretValue.Binary binary;
            try {
                binary = SecretValue.Binary.fromBase64(secretBinary);
            } catch (IllegalArgumentException e) {
                throw new ApiException(ErrorType.SERIALIZATION, "SecretBinary is not valid Base64: " + e.getMessage());
            }
            if (binary.byteLength() > SecretValue.MAX_BYTES) {
                throw ApiException.validation(
                        "secretBinary", "Member must have length less than or equal to " + SecretValue.MAX_BYTES);
            }
            return Optional.of(binary);
        }
        return Optional.empty();
    }

    private static List<Tag> tags(List<WireTag> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> keys = new HashSet<>();
        List<Tag> result = new ArrayList<>(tags.size());
        for (WireTag tag : tags) {
            String key = required(tag.key(), "tags.member.key");
            length(key, "tags.member.key", 1, 128);
            String value = tag.value() == null ? "" : tag.value();
            length(value, "tags.member.value", 0, 256);
            if (!keys.add(key)) {
                throw new ApiException(ErrorType.INVALID_PARAMETER, "The tag key " + key + " appears more than once.");
            }
            result.add(new Tag(key, value));
        }
        return result;
    }

    private static List<String> versionStages(List<String> stages) {
        if (stages == null) {
            return List.of();
        }
        if (stages.isEmpty() || stages.size() > 20) {
            throw ApiException.validation("versionStages", "Member must have length between 1 and 20");
        }
        stages.forEach(stage -> length(required(stage, "versionStages.member"), "versionStages.member", 1, 256));
        return List.copyOf(stages);
    }

    private static List<SecretFilter> filters(List<WireFilter> filters) {
        if (filters == null) {
            return List.of();
        }
        if (filters.size() > 10) {
            throw ApiException.validation("filters", "Member must have length less than or equal to 10");
        }
        List<SecretFilter> result = new ArrayList<>(filters.size());
        for (WireFilter filter : filters) {
            String keyName = required(filter.key(), "filters.member.key");
            SecretFilter.Key key = SecretFilter.Key.fromWire(keyName)
                    .orElseThrow(() -> ApiException.validation(
                            "filters.member.key",
                            "Member must satisfy enum value set: [description, name, tag-key, tag-value,"
                                    + " primary-region, owning-service, all]"));
            List<String> values = required(filter.values(), "filters.member.values");
            if (values.isEmpty() || values.size() > 10) {
                throw ApiException.validation("filters.member.values", "Member must have length between 1 and 10");
            }
            for (String value : values) {
                length(required(value, "filters.member.values.member"), "filters.member.values.member", 0, 512);
                if (!FILTER_VALUE.matcher(value).matches()) {
                    throw ApiException.validation(
                            "filters.member.values.member",
                            "Member must satisfy regular expression pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-]*$");
                }
            }
            result.add(new SecretFilter(key, values));
        }
        return result;
    }

    private static boolean sortDescending(String sortOrder) {
        if (sortOrder == null || sortOrder.equals("asc")) {
            return false;
        }
        if (sortOrder.equals("desc")) {
            return true;
        }
        throw ApiException.validation("sortOrder", "Member must satisfy enum value set: [asc, desc]");
    }

    private static Optional<PageToken> token(String nextToken) {
        if (nextToken == null) {
            return Optional.empty();
        }
        length(nextToken, "nextToken", 1, 4096);
        return Optional.of(PageToken.decode(nextToken));
    }

    private static <T> T required(T value, String member) {
        if (value == null) {
            throw new ApiException(
                    ErrorType.VALIDATION,
                    "1 validation error detected: Value null at '" + member
                            + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    private static void length(String value, String member, int min, int max) {
        if (value == null) {
            return;
        }
        if (value.length() < min) {
            throw ApiException.validation(member, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw ApiException.validation(member, "Member must have length less than or equal to " + max);
        }
    }

    private static int range(Integer value, String member, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        if (value < min) {
            throw ApiException.validation(member, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw ApiException.validation(member, "Member must have value less than or equal to " + max);
        }
        return value;
    }
}

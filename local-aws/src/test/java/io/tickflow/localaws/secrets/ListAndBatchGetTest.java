package io.tickflow.localaws.secrets;

import static io.tickflow.localaws.secrets.SdkClients.filter;
import static io.tickflow.localaws.secrets.SdkClients.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.InvalidNextTokenException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;

/** ListSecrets with pagination and filters, and BatchGetSecretValue. */
class ListAndBatchGetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private SecretsManagerEndpoint endpoint;
    private SecretsManagerClient sm;

    @BeforeEach
    void start() {
        endpoint = SecretsManagerEndpoint.start(
                SdkClients.freeLoopbackPort(),
                new SecretStore(SdkClients.REGION, SdkClients.ACCOUNT_ID, clock, SecretPersistence.inMemory()));
        sm = SdkClients.secretsManager(endpoint.endpoint());
    }

    @AfterEach
    void stop() {
        sm.close();
        endpoint.close();
    }

    /** Creates secrets a second apart, so that creation order is the listing order. */
    private List<String> create(String... names) {
        for (String name : names) {
            sm.createSecret(r -> r.name(name).secretString("value of " + name));
            clock.advance(Duration.ofSeconds(1));
        }
        return List.of(names);
    }

    @Test
    void pagesFollowCreationOrderWithoutGapsOrRepeats() {
        List<String> names = create(
                IntStream.rangeClosed(1, 7).mapToObj(i -> "svc/secret-" + i).toArray(String[]::new));

        List<Integer> pageSizes = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListSecretsResponse page = sm.listSecrets(r -> r.maxResults(3).nextToken(next));
            pageSizes.add(page.secretList().size());
            page.secretList().forEach(s -> listed.add(s.name()));
            token = page.nextToken();
        } while (token != null);

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(listed).isEqualTo(names);
        assertThat(sm.listSecretsPaginator(r -> r.maxResults(2).sortOrder(SortOrderType.DESC)).stream()
                        .flatMap(page -> page.secretList().stream())
                        .map(SecretListEntry::name))
                .containsExactlyElementsOf(names.reversed());
    }

    @Test
    void aSecretDeletedBetweenPagesShiftsNothing() {
        create("a", "b", "c", "d", "e");

        ListSecretsResponse first = sm.listSecrets(r -> r.maxResults(2));
        sm.deleteSecret(r -> r.secretId("b").forceDeleteWithoutRecovery(true));
        sm.deleteSecret(r -> r.secretId("c").forceDeleteWithoutRecovery(true));
        ListSecretsResponse second = sm.listSecrets(r -> r.maxResults(2).nextToken(first.nextToken()));

        assertThat(first.secretList()).extracting(SecretListEntry::name).containsExactly("a", "b");
        assertThat(second.secretList()).extracting(SecretListEntry::name).containsExactly("d", "e");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void entriesCarryTheirStagesAndDates() {
        create("described");
        sm.putSecretValue(r -> r.secretId("described").secretString("two"));

        SecretListEntry entry = sm.listSecrets(r -> {}).secretList().getFirst();

        assertThat(entry.arn()).startsWith("arn:aws:secretsmanager:us-east-1:000000000000:secret:described-");
        assertThat(entry.secretVersionsToStages().values())
                .containsExactlyInAnyOrder(List.of("AWSCURRENT"), List.of("AWSPREVIOUS"));
        assertThat(entry.createdDate()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(entry.lastChangedDate()).isEqualTo(Instant.parse("2026-03-01T10:00:01Z"));
    }

    @Test
    void nameFilterMatchesByPrefixAndNegationExcludes() {
        create("prod/db", "prod/api", "dev/db", "production-legacy");

        assertThat(names(sm.listSecrets(r -> r.filters(filter(FilterNameStringType.NAME, "prod/")))))
                .containsExactly("prod/db", "prod/api");
        assertThat(names(sm.listSecrets(r -> r.filters(filter(FilterNameStringType.NAME, "prod", "!prod/")))))
                .containsExactly("production-legacy");
        assertThat(names(sm.listSecrets(r -> r.filters(
                        filter(FilterNameStringType.NAME, "prod/"), filter(FilterNameStringType.NAME, "!prod/api")))))
                .containsExactly("prod/db");
    }

    @Test
    void tagDescriptionAndFreeTextFiltersMatch() {
        sm.createSecret(r -> r.name("ingest/keys")
                .description("Exchange API keys")
                .secretString("v")
                .tags(tag("team", "ingest")));
        sm.createSecret(
                r -> r.name("notify/webhook").description("Webhook signing").secretString("v"));

        assertThat(names(sm.listSecrets(r -> r.filters(filter(FilterNameStringType.TAG_KEY, "tea")))))
                .containsExactly("ingest/keys");
        assertThat(names(sm.listSecrets(r -> r.filters(filter(FilterNameStringType.DESCRIPTION, "webhook")))))
                .containsExactly("notify/webhook");
        assertThat(names(sm.listSecrets(r -> r.filters(filter(FilterNameStringType.ALL, "exchange keys")))))
                .containsExactly("ingest/keys");
    }

    @Test
    void aTokenThisEndpointDidNotIssueIsInvalidNextToken() {
        assertThatThrownBy(() -> sm.listSecrets(r -> r.nextToken("not-a-token")))
                .isInstanceOf(InvalidNextTokenException.class);
    }

    @Test
    void batchGetReportsMissingAndDeletedSecretsBesideTheFoundOnes() {
        create("one", "two", "gone");
        sm.deleteSecret(r -> r.secretId("gone"));

        BatchGetSecretValueResponse batch =
                sm.batchGetSecretValue(r -> r.secretIdList("one", "missing", "two", "gone"));

        assertThat(batch.secretValues())
                .extracting(SecretValueEntry::name, SecretValueEntry::secretString)
                .containsExactly(tuple("one", "value of one"), tuple("two", "value of two"));
        assertThat(batch.errors())
                .extracting(APIErrorType::secretId, APIErrorType::errorCode)
                .containsExactly(
                        tuple("missing", "ResourceNotFoundException"), tuple("gone", "InvalidRequestException"));
    }

    @Test
    void batchGetByFilterPages() {
        create("app/a", "app/b", "app/c", "other");

        BatchGetSecretValueResponse first = sm.batchGetSecretValue(
                r -> r.filters(filter(FilterNameStringType.NAME, "app/")).maxResults(2));
        BatchGetSecretValueResponse second =
                sm.batchGetSecretValue(r -> r.filters(filter(FilterNameStringType.NAME, "app/"))
                        .maxResults(2)
                        .nextToken(first.nextToken()));

        assertThat(first.secretValues()).extracting(SecretValueEntry::name).containsExactly("app/a", "app/b");
        assertThat(second.secretValues()).extracting(SecretValueEntry::name).containsExactly("app/c");
        assertThat(second.nextToken()).isNull();
        assertThatThrownBy(() -> sm.batchGetSecretValue(
                        r -> r.secretIdList("app/a").filters(filter(FilterNameStringType.NAME, "app/"))))
                .isInstanceOf(InvalidParameterException.class);
    }

    private static List<String> names(ListSecretsResponse response) {
        return response.secretList().stream().map(SecretListEntry::name).toList();
    }
}

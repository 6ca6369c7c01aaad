package io.tickflow.notify.adapter.out.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.notify.webhook.WebhookSecrets;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signing secrets in the embedded stack's Secrets Manager, read ahead for a fan-out. */
class SecretsManagerSigningSecretsTest {

    private static final LocalAwsClients AWS = LocalAwsExtension.sharedClients();

    private final String prefix = "test-" + UUID.randomUUID();

    @Test
    void prefetchReadsTheSecretsOfMoreSubscriptionsThanOneRequestNamesForTheirDeliveries() throws IOException {
        SecretsManagerSigningSecrets writer = secrets(Duration.ofMinutes(1));
        List<String> ids = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            String id = "sub-" + UUID.randomUUID();
            ids.add(id);
            created.add(writer.create(id));
        }
        SecretsManagerSigningSecrets reader = secrets(Duration.ofMinutes(1));

        reader.prefetch(ids);
        // Gone from the store: a delivery that finds its secret now found it in what the prefetch read.
        ids.forEach(writer::delete);

        for (int i = 0; i < ids.size(); i++) {
            assertThat(reader.forSubscription(ids.get(i))).isEqualTo(WebhookSecrets.Secrets.of(created.get(i)));
        }
    }

    @Test
    void aSecretThePrefetchCouldNotFindIsLeftForTheDeliveryToReport() throws IOException {
        SecretsManagerSigningSecrets secrets = secrets(Duration.ofMinutes(1));
        String present = "sub-" + UUID.randomUUID();
        String secret = secrets.create(present);
        String absent = "sub-" + UUID.randomUUID();

        secrets.prefetch(List.of(present, absent));

        assertThat(secrets.forSubscription(present)).isEqualTo(WebhookSecrets.Secrets.of(secret));
        assertThatThrownBy(() -> secrets.forSubscription(absent))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(absent);
    }

    @Test
    void prefetchReadsAgainOnlyWhatTheCacheNoLongerHolds() throws IOException {
        SecretsManagerSigningSecrets writer = secrets(Duration.ofMinutes(1));
        String id = "sub-" + UUID.randomUUID();
        writer.create(id);
        SecretsManagerSigningSecrets reader = secrets(Duration.ofMinutes(1));
        WebhookSecrets.Secrets before = reader.forSubscription(id);

        String rotated = writer.rotate(id);
        reader.prefetch(List.of(id));

        assertThat(reader.forSubscription(id))
                .as("still cached: a rotation through another worker arrives within the cache time")
                .isEqualTo(before)
                .isNotEqualTo(WebhookSecrets.Secrets.of(rotated));
    }

    private SecretsManagerSigningSecrets secrets(Duration cacheFor) {
        return new SecretsManagerSigningSecrets(
                AWS.secretsManager(), prefix, Duration.ofHours(24), cacheFor, Clock.systemUTC());
    }
}

package io.tickflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.aws.RequiredResources;
import io.tickflow.common.aws.ResourceKind;
import io.tickflow.common.topology.SecretSpec;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.notify.config.NotificationProperties;
import io.tickflow.testing.ServiceReadinessContract;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** notification-service against the embedded AWS stack, with the configuration it ships with. */
class NotificationServiceApplicationTest extends ServiceReadinessContract {

    private static final String PEPPER = "tickflow.notify.api-key-pepper";

    NotificationServiceApplicationTest() {
        super(
                NotificationServiceApplication.class,
                RequiredResources.builder()
                        .queues("tickflow-alert-ticks", "tickflow-notifications", "tickflow-notifications-dlq")
                        .tables(
                                "tickflow-subscriptions",
                                "tickflow-deliveries",
                                "tickflow-api-keys",
                                "tickflow-alert-state")
                        .build());
    }

    /**
     * The resource prefix also names the secret, without which the service does not start at all, and the listeners'
     * queues must exist for it to start (services never create queues): so the dead-letter queue and a table are
     * pointed elsewhere instead.
     */
    @Override
    protected String[] argumentsThatLeaveResourcesMissing() {
        return new String[] {
            "--tickflow.notify.dead-letter-queue=nowhere-notifications-dlq",
            "--tickflow.notify.deliveries-table=nowhere-deliveries"
        };
    }

    @Override
    protected Map<ResourceKind, Map<String, String>> statusesWhileResourcesAreMissing() {
        return Map.of(
                ResourceKind.QUEUE,
                Map.of(
                        "tickflow-alert-ticks", AVAILABLE,
                        "tickflow-notifications", AVAILABLE,
                        "nowhere-notifications-dlq", DOES_NOT_EXIST),
                ResourceKind.TABLE,
                Map.of(
                        "tickflow-subscriptions", AVAILABLE,
                        "nowhere-deliveries", DOES_NOT_EXIST,
                        "tickflow-api-keys", AVAILABLE,
                        "tickflow-alert-state", AVAILABLE));
    }

    @Test
    void readsItsApiKeyPepperFromSecretsManager() {
        SecretSpec secret = Topology.tickflow().secrets().stream()
                .filter(s -> s.generatedKeys().contains(PEPPER))
                .findFirst()
                .orElseThrow();
        String stored = LocalAwsExtension.sharedClients()
                .secretsManager()
                .getSecretValue(r -> r.secretId(secret.name()))
                .secretString();
        String pepper = JsonMapper.shared().readTree(stored).path(PEPPER).asString();

        assertThat(pepper).isNotBlank();
        assertThat(service().context().getBean(NotificationProperties.class).apiKeyPepper())
                .isEqualTo(pepper);
    }

    @Test
    void defaultResourceNamesAreTheTopologys() {
        NotificationProperties properties = service().context().getBean(NotificationProperties.class);
        Topology topology = Topology.tickflow();

        assertThat(properties.alertQueue()).isEqualTo(topology.queue("alert-ticks"));
        assertThat(properties.notificationsQueue()).isEqualTo(topology.queue("notifications"));
        assertThat(properties.subscriptionsTable()).isEqualTo(topology.table("subscriptions"));
        assertThat(properties.deliveriesTable()).isEqualTo(topology.table("deliveries"));
        assertThat(properties.apiKeysTable()).isEqualTo(topology.table("api-keys"));
        assertThat(properties.alertStateTable()).isEqualTo(topology.table("alert-state"));
        assertThat(properties.deadLetterQueue()).isEqualTo(topology.queue("notifications") + "-dlq");
    }
}

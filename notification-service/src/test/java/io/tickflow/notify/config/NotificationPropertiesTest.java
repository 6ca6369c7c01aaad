package io.tickflow.notify.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class NotificationPropertiesTest {

    /** The binding alone, without the beans that need AWS clients. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.context.properties.EnableConfigurationProperties(NotificationProperties.class)
    static class PropertiesOnly {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "tickflow.notify.alert-queue=t-alert-ticks",
                    "tickflow.notify.notifications-queue=t-notifications",
                    "tickflow.notify.subscriptions-table=t-subscriptions",
                    "tickflow.notify.deliveries-table=t-deliveries",
                    "tickflow.notify.api-keys-table=t-api-keys",
                    "tickflow.notify.alert-state-table=t-alert-state",
                    "tickflow.notify.delivery-timeout=10s",
                    "tickflow.notify.delivery-log-ttl=30d");

    @Test
    void refusesToStartWithoutTheApiKeyPepper() {
        runner.run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("tickflow.notify")
                .hasMessageContaining("apiKeyPepper"));
    }

    @Test
    void bindsThePepper() {
        runner.withPropertyValues("tickflow.notify.api-key-pepper=c2VjcmV0").run(context -> assertThat(
                        context.getBean(NotificationProperties.class).apiKeyPepper())
                .isEqualTo("c2VjcmV0"));
    }

    @Test
    void neverPrintsThePepper() {
        runner.withPropertyValues("tickflow.notify.api-key-pepper=c2VjcmV0").run(context -> assertThat(
                        context.getBean(NotificationProperties.class).toString())
                .doesNotContain("c2VjcmV0")
                .contains("t-deliveries"));
    }
}

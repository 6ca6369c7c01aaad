package io.tickflow.notify.config;

import io.tickflow.common.aws.RequiredResources;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@link NotificationProperties} and declares the resources notification-service is not ready without. Its
 * per-user SNS topics are created and removed with their subscriptions, so none is required here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    @Bean
    RequiredResources requiredResources(NotificationProperties notify) {
        return RequiredResources.builder()
                .queues(notify.alertQueue(), notify.notificationsQueue())
                .tables(notify.subscriptionsTable(), notify.deliveriesTable(), notify.apiKeysTable())
                .build();
    }
}

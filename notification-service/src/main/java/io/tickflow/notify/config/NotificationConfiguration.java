package io.tickflow.notify.config;

import io.tickflow.common.aws.RequiredResources;
import io.tickflow.common.aws.sqs.QueueUrls;
import io.tickflow.notify.adapter.in.web.ApiKeyAuthentication;
import io.tickflow.notify.adapter.out.dynamodb.DynamoDbAlertStateStore;
import io.tickflow.notify.adapter.out.dynamodb.DynamoDbApiKeyStore;
import io.tickflow.notify.adapter.out.dynamodb.DynamoDbDeliveryLog;
import io.tickflow.notify.adapter.out.dynamodb.DynamoDbSubscriptionStore;
import io.tickflow.notify.adapter.out.secrets.SecretsManagerSigningSecrets;
import io.tickflow.notify.adapter.out.sns.SnsTopicChannel;
import io.tickflow.notify.adapter.out.sqs.SqsDeadLetterSource;
import io.tickflow.notify.adapter.out.sqs.SqsDeadLetters;
import io.tickflow.notify.apikey.ApiKeys;
import io.tickflow.notify.delivery.Deliverer;
import io.tickflow.notify.delivery.DeliveryReplay;
import io.tickflow.notify.delivery.DeliverySettings;
import io.tickflow.notify.email.EmailChannel;
import io.tickflow.notify.email.EmailSettings;
import io.tickflow.notify.fanout.AlertStates;
import io.tickflow.notify.fanout.EventFanOut;
import io.tickflow.notify.fanout.PriceAlerts;
import io.tickflow.notify.fanout.SubscriptionDirectory;
import io.tickflow.notify.subscription.SubscriptionStore;
import io.tickflow.notify.subscription.Subscriptions;
import io.tickflow.notify.webhook.WebhookChannel;
import io.tickflow.notify.webhook.WebhookSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Binds {@link NotificationProperties}, wires subscriptions, fan-out and delivery to their adapters, and declares the
 * resources notification-service is not ready without. Subscribers' own SNS topics are theirs, so none is required.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    @Bean
    RequiredResources requiredResources(NotificationProperties notify) {
        return RequiredResources.builder()
                .queues(notify.alertQueue(), notify.notificationsQueue(), notify.deadLetterQueue())
                .tables(
                        notify.subscriptionsTable(),
                        notify.deliveriesTable(),
                        notify.apiKeysTable(),
                        notify.alertStateTable())
                .build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ApiKeys apiKeys(NotificationProperties notify, DynamoDbClient dynamoDb, Clock clock) {
        return new ApiKeys(new DynamoDbApiKeyStore(dynamoDb, notify.apiKeysTable()), notify.apiKeyPepper(), clock);
    }

    @Bean
    FilterRegistrationBean<ApiKeyAuthentication> apiKeyAuthentication(ApiKeys keys) {
        FilterRegistrationBean<ApiKeyAuthentication> registration =
                new FilterRegistrationBean<>(new ApiKeyAuthentication(keys));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    SubscriptionStore subscriptionStore(NotificationProperties notify, DynamoDbClient dynamoDb) {
        return new DynamoDbSubscriptionStore(dynamoDb, notify.subscriptionsTable());
    }

    @Bean
    SecretsManagerSigningSecrets signingSecrets(
            NotificationProperties notify, SecretsManagerClient secrets, Clock clock) {
        return new SecretsManagerSigningSecrets(
                secrets, notify.secretsPrefix(), notify.signingGrace(), notify.signingSecretCache(), clock);
    }

    @Bean
    Subscriptions subscriptions(SubscriptionStore store, SecretsManagerSigningSecrets secrets, Clock clock) {
        return new Subscriptions(store, secrets, clock);
    }

    @Bean(destroyMethod = "close")
    WebhookChannel webhookChannel(NotificationProperties notify, SecretsManagerSigningSecrets secrets, Clock clock) {
        Duration timeout = notify.deliveryTimeout();
        WebhookSettings settings = WebhookSettings.defaults()
                .withTimeouts(Duration.ofSeconds(Math.min(5, timeout.toSeconds() + 1)), timeout, timeout)
                .withAllowedNetworks(notify.allowedNetworks())
                .withMaxConnectionsTotal(notify.webhookConnections());
        return new WebhookChannel(settings, secrets, clock);
    }

    @Bean
    Deliverer deliverer(
            NotificationProperties notify,
            WebhookChannel webhooks,
            SnsClient sns,
            DynamoDbClient dynamoDb,
            SqsAsyncClient sqs,
            Clock clock) {
        NotificationProperties.Smtp smtp = notify.smtp();
        EmailChannel email = new EmailChannel(new EmailSettings(
                smtp.host(),
                smtp.port(),
                smtp.from(),
                notify.deliveryTimeout(),
                notify.deliveryTimeout(),
                smtp.username(),
                smtp.password(),
                smtp.startTls()));
        DeliverySettings defaults = DeliverySettings.defaults();
        DeliverySettings settings = new DeliverySettings(
                new DeliverySettings.Retries(
                        notify.deliveryAttempts(),
                        notify.deliveryBackoff(),
                        defaults.retries().multiplier(),
                        defaults.retries().jitter(),
                        defaults.retries().maxBackoff()),
                new DeliverySettings.Bulkheads(
                        notify.maxConcurrentPerEndpoint(), defaults.bulkheads().maxWait()),
                defaults.circuitBreakers());
        return new Deliverer(
                List.of(webhooks, email, new SnsTopicChannel(sns)),
                new DynamoDbDeliveryLog(
                        dynamoDb, notify.deliveriesTable(), notify.claimLease(), notify.deliveryLogTtl(), clock),
                new SqsDeadLetters(sqs, QueueUrls.lazy(sqs, notify.deadLetterQueue())),
                settings,
                clock);
    }

    @Bean
    DeliveryReplay deliveryReplay(NotificationProperties notify, SqsAsyncClient sqs, Deliverer deliverer) {
        return new DeliveryReplay(
                new SqsDeadLetterSource(sqs, QueueUrls.lazy(sqs, notify.deadLetterQueue())), deliverer);
    }

    @Bean(destroyMethod = "close")
    SubscriptionDirectory subscriptionDirectory(NotificationProperties notify, SubscriptionStore store, Clock clock) {
        return new SubscriptionDirectory(store, notify.subscriptionRefresh(), clock).refreshingEvery();
    }

    @Bean
    EventFanOut eventFanOut(SubscriptionDirectory directory, Deliverer deliverer, Clock clock) {
        return new EventFanOut(directory, deliverer, clock);
    }

    @Bean(destroyMethod = "close")
    AlertStates alertStates(NotificationProperties notify, DynamoDbClient dynamoDb, Clock clock) {
        return new AlertStates(
                        new DynamoDbAlertStateStore(dynamoDb, notify.alertStateTable(), clock),
                        notify.alertStateRefresh(),
                        notify.claimLease(),
                        clock)
                .flushingEvery(notify.alertStateFlush());
    }

    @Bean
    PriceAlerts priceAlerts(SubscriptionDirectory directory, EventFanOut fanOut, AlertStates states) {
        return new PriceAlerts(directory, fanOut, states);
    }
}

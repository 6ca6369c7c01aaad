package io.tickflow.storage.config;

import io.tickflow.common.aws.RequiredResources;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link StorageProperties} and declares the resources storage-service is not ready without. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

    @Bean
    RequiredResources requiredResources(StorageProperties storage) {
        return RequiredResources.builder()
                .queues(storage.queue())
                .topics(storage.eventsTopic())
                .buckets(storage.bucket())
                .tables(storage.quotesTable(), storage.candlesTable())
                .build();
    }
}

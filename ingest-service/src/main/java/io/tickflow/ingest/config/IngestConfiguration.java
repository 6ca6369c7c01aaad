package io.tickflow.ingest.config;

import io.tickflow.common.aws.RequiredResources;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link IngestProperties} and declares the resources ingest-service is not ready without. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

    @Bean
    RequiredResources requiredResources(IngestProperties ingest) {
        return RequiredResources.builder()
                .queues(ingest.queue(), ingest.deadLetterQueue())
                .topics(ingest.ticksTopic())
                .buckets(ingest.bucket())
                .tables(ingest.dedupTable())
                .build();
    }
}

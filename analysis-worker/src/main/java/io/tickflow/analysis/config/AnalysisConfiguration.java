package io.tickflow.analysis.config;

import io.tickflow.common.aws.RequiredResources;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link AnalysisProperties} and declares the resources analysis-worker is not ready without. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalysisProperties.class)
class AnalysisConfiguration {

    @Bean
    RequiredResources requiredResources(AnalysisProperties analysis) {
        return RequiredResources.builder()
                .queues(analysis.queue())
                .topics(analysis.resultsTopic())
                .buckets(analysis.bucket())
                .tables(analysis.jobsTable(), analysis.candlesTable())
                .build();
    }
}

package io.tickflow.analysis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** analysis-worker: runs the strategy studies requested on analysis-requests and publishes their results. */
@SpringBootApplication
public class AnalysisWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnalysisWorkerApplication.class, args);
    }
}

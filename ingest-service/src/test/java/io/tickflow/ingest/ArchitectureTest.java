package io.tickflow.ingest;

import io.tickflow.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainCodeUsesNeitherSpringNorTheAwsSdk() {
        ArchitectureRules.checkDomainCodeOf("io.tickflow.ingest");
    }
}

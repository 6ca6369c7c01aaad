package io.tickflow.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.tickflow.testing.fixture.adapter.SpringAtTheEdge;
import io.tickflow.testing.fixture.domain.PlainDomain;
import io.tickflow.testing.fixture.domain.SdkInTheDomain;
import io.tickflow.testing.fixture.domain.SpringInTheDomain;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTest {

    @Test
    void rejectsSpringOrTheAwsSdkInDomainCode() {
        JavaClasses classes =
                new ClassFileImporter().importClasses(PlainDomain.class, SpringInTheDomain.class, SdkInTheDomain.class);

        assertThatThrownBy(() -> ArchitectureRules.domainCodeUsesNeitherSpringNorTheAwsSdk()
                        .check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(SpringInTheDomain.class.getName())
                .hasMessageContaining(SdkInTheDomain.class.getName())
                .hasMessageNotContaining(PlainDomain.class.getName());
    }

    @Test
    void allowsSpringInAdapters() {
        JavaClasses classes = new ClassFileImporter().importClasses(PlainDomain.class, SpringAtTheEdge.class);

        assertThatCode(() -> ArchitectureRules.domainCodeUsesNeitherSpringNorTheAwsSdk()
                        .check(classes))
                .doesNotThrowAnyException();
    }
}

package io.tickflow.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Domain code knows nothing of Spring or AWS: only adapters ({@code ..adapter..}), wiring ({@code ..config..}, the
 * shared {@code io.tickflow.common.aws}) and the application class may use them.
 *
 * <p>The rule also covers the contracts and topology in {@code common}, which this service depends on and which are
 * plain Java as well. That keeps it from being vacuous while ingest-service has no domain code of its own: the
 * classes it selects are never empty, so ArchUnit's default {@code failOnEmptyShould} stays on.
 */
@AnalyzeClasses(
        packages = {"io.tickflow.ingest", "io.tickflow.common"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainCodeUsesNeitherSpringNorTheAwsSdk = noClasses()
            .that()
            .resideOutsideOfPackages("..adapter..", "..config..", "io.tickflow.common.aws..")
            .and()
            .areNotAnnotatedWith(SpringBootApplication.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "software.amazon..", "io.awspring..");
}

package io.tickflow.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The architecture every service keeps: domain code knows nothing of Spring or AWS. Only adapters
 * ({@code ..adapter..}), wiring ({@code ..config..}, the shared {@code io.tickflow.common.aws}) and the application
 * class may use them.
 */
public final class ArchitectureRules {

    private static final String COMMON = "io.tickflow.common";

    private ArchitectureRules() {}

    /** Nothing outside adapters, configuration and the application class depends on Spring or the AWS SDK. */
    public static ArchRule domainCodeUsesNeitherSpringNorTheAwsSdk() {
        return noClasses()
                .that()
                .resideOutsideOfPackages("..adapter..", "..config..", "io.tickflow.common.aws..")
                .and()
                .areNotAnnotatedWith(SpringBootApplication.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "software.amazon..", "io.awspring..");
    }

    /**
     * Checks the main classes of a service, and the contracts and topology in {@code common} it depends on, against
     * {@link #domainCodeUsesNeitherSpringNorTheAwsSdk()}.
     *
     * <p>{@code common} is plain Java as well, and checking it keeps the rule from being vacuous while a service has
     * no domain code of its own: the classes it selects are never empty, so ArchUnit's default
     * {@code failOnEmptyShould} stays on.
     *
     * @param basePackage the service's package, e.g. {@code io.tickflow.ingest}
     * @throws AssertionError naming each violation
     */
    public static void checkDomainCodeOf(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(basePackage, COMMON);
        domainCodeUsesNeitherSpringNorTheAwsSdk().check(classes);
    }
}

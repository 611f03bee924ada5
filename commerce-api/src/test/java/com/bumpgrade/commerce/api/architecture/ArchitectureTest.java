package com.bumpgrade.commerce.api.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the house, checked on the compiled main classes of all three modules: modules depend one way,
 * no package imports a package that imports it back, the domain stays free of frameworks and I/O, and HTTP
 * routes reach the database only through services and stores.
 */
@AnalyzeClasses(packages = "com.bumpgrade.commerce", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modulesDependOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("api").definedBy("com.bumpgrade.commerce.api..")
            .layer("projections").definedBy("com.bumpgrade.commerce.projections..")
            .layer("domain").definedBy("com.bumpgrade.commerce.domain..")
            .whereLayer("api").mayNotBeAccessedByAnyLayer()
            .whereLayer("projections").mayOnlyBeAccessedByLayers("api")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("projections", "api");

    /** Every package is its own slice: a cycle between any two packages of any module fails. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.bumpgrade.commerce.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainImportsNoFrameworkOrIo = noClasses()
            .that().resideInAPackage("com.bumpgrade.commerce.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "java.net.http..", "jakarta.servlet..",
                    "reactor..", "io.netty..", "okhttp3..", "com.stripe..", "com.google.gson..")
            .because("the domain holds the rules alone; adapters and frameworks live in the api module");

    @ArchTest
    static final ArchRule controllersDoNotTouchJdbc = noClasses()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                    "javax.sql..")
            .because("routes call services and stores; SQL lives in named stores");

    /** The confirmed-write sequence exists once: only the envelope reads or claims idempotency records. */
    @ArchTest
    static final ArchRule onlyTheEnvelopeTouchesIdempotencyRecords = noClasses()
            .that().resideOutsideOfPackage("com.bumpgrade.commerce.api.envelope")
            .should().dependOnClassesThat().haveFullyQualifiedName(
                    "com.bumpgrade.commerce.api.envelope.IdempotencyStore")
            .because("every billing write goes through BillingWriteEnvelope.submit");

    /** "Policy" names a pure domain rule; a class that reacts to events is named for what it does. */
    @ArchTest
    static final ArchRule noPolicyHandlesEvents = noMethods()
            .that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Policy")
            .should().beAnnotatedWith(EventHandler.class);

    @ArchTest
    static final ArchRule noPolicyIsAProcessingGroup = noClasses()
            .that().haveSimpleNameEndingWith("Policy")
            .should().beAnnotatedWith(ProcessingGroup.class);
}

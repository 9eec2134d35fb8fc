package io.kinlink.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Path;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules every domain service follows, checked on its compiled classes: its feature
 * packages form no cycle; nothing depends on a resource (resources call services, services call
 * repositories, never the reverse); resources hold no transactions (services do); repositories
 * call nobody's services; resources are named *Resource and Kafka consumers live in messaging/.
 */
public final class HouseRules {

    private HouseRules() {
    }

    public static List<ArchRule> rules(String rootPackage) {
        return List.of(
                slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles()
                        .as("the packages of " + rootPackage + " form no cycle"),
                noClasses().should().dependOnClassesThat().areAnnotatedWith("jakarta.ws.rs.Path")
                        .as("nothing depends on a resource"),
                noMethods().that().areDeclaredInClassesThat().areAnnotatedWith("jakarta.ws.rs.Path")
                        .should().beAnnotatedWith("jakarta.transaction.Transactional")
                        .as("resources hold no transactions: their services do"),
                noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
                        .should().beAnnotatedWith("jakarta.transaction.Transactional")
                        .as("resources hold no transactions: their services do"),
                noClasses().that().haveSimpleNameEndingWith("Repository")
                        .should().dependOnClassesThat().haveSimpleNameEndingWith("Service")
                        .as("repositories call no service"),
                classes().that().areAnnotatedWith("jakarta.ws.rs.Path").should().haveSimpleNameEndingWith("Resource")
                        .as("resources are named ...Resource"),
                methods().that().areAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")
                        .should().beDeclaredInClassesThat().resideInAPackage("..messaging..")
                        .as("Kafka consumers live in messaging/"));
    }

    /** Checks every rule on the service's compiled classes ({@code target/classes}). */
    public static void check(String rootPackage) {
        JavaClasses classes = new ClassFileImporter().importPath(Path.of("target/classes"));
        rules(rootPackage).forEach(rule -> rule.check(classes));
    }
}

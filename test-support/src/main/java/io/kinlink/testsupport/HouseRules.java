package io.kinlink.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules every domain service follows, checked on its compiled classes: its feature
 * packages form no cycle; resources call services and services call repositories, never the
 * reverse (nothing depends on a resource, repositories call no service) and never around
 * (resources and consumers reach repositories only through services); SQL lives in repositories
 * ({@code ...Repository}) and nowhere else; resources hold no transactions (services do);
 * resources are named {@code ...Resource} and live in rest/, Kafka consumers live in messaging/;
 * and no source file of the module is longer than {@link #MAX_LINES} lines.
 */
public final class HouseRules {

    /** A class longer than this has more than one job: split it by job. */
    public static final int MAX_LINES = 250;

    /**
     * The EntityManager, Panache and JDBC. A call through a Panache repository's inherited methods
     * ({@code codes::findByIdOptional}) names {@code PanacheRepositoryBase}: that is calling a
     * repository, which anyone may.
     */
    private static final DescribedPredicate<JavaClass> PERSISTENCE = JavaClass.Predicates.resideInAnyPackage(
                    "jakarta.persistence..", "io.quarkus.hibernate.orm.panache..", "javax.sql..", "io.agroal..")
            .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameStartingWith("PanacheRepository")))
            .as("the EntityManager, Panache or JDBC");

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
                noClasses().that().haveSimpleNameNotEndingWith("Repository")
                        .and().areNotAnnotatedWith("jakarta.persistence.Entity")
                        .and().areNotAnnotatedWith("jakarta.persistence.Embeddable")
                        .and().areNotAnnotatedWith("jakarta.persistence.MappedSuperclass")
                        .should().dependOnClassesThat(PERSISTENCE)
                        .as("SQL lives in repositories (...Repository), nowhere else: entities aside, only they "
                                + "touch the EntityManager, Panache or JDBC"),
                noClasses().that().resideInAnyPackage(rootPackage + ".rest..", rootPackage + ".messaging..")
                        .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                        .as("resources and consumers reach repositories only through services"),
                noClasses().that().haveSimpleNameEndingWith("Repository")
                        .should().dependOnClassesThat().haveSimpleNameEndingWith("Service")
                        .as("repositories call no service"),
                classes().that().areAnnotatedWith("jakarta.ws.rs.Path").should().haveSimpleNameEndingWith("Resource")
                        .as("resources are named ...Resource"),
                classes().that().areAnnotatedWith("jakarta.ws.rs.Path").should().resideInAPackage(rootPackage + ".rest")
                        .as("resources live in rest/, whatever feature they serve"),
                methods().that().areAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")
                        .should().beDeclaredInClassesThat().resideInAPackage("..messaging..")
                        .as("Kafka consumers live in messaging/"));
    }

    /** Checks every rule on the service's compiled classes ({@code target/classes}) and its sources. */
    public static void check(String rootPackage) {
        JavaClasses classes = new ClassFileImporter().importPath(Path.of("target/classes"));
        rules(rootPackage).forEach(rule -> rule.check(classes));
        checkSourceLengths();
    }

    /** Fails naming every source file under {@code src/main/java} longer than {@link #MAX_LINES} lines. */
    public static void checkSourceLengths() {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                long lines = Files.lines(file).count();
                if (lines > MAX_LINES) {
                    tooLong.add(file + " (" + lines + " lines)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!tooLong.isEmpty()) {
            throw new AssertionError("Longer than " + MAX_LINES + " lines, so doing more than one job: " + tooLong);
        }
    }
}

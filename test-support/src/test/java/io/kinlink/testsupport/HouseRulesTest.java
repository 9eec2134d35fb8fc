package io.kinlink.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/** The house rules pass a small service that keeps them, and name each way a small service breaks them. */
class HouseRulesTest {

    private static final String FIXTURES = "io.kinlink.testsupport.fixture.";

    @Test
    void a_service_that_keeps_the_rules_passes_every_one() {
        assertEquals(Set.of(), broken(FIXTURES + "kept"));
    }

    @Test
    void each_broken_rule_is_named() {
        assertEquals(new TreeSet<>(Set.of(
                "the packages of " + FIXTURES + "broken form no cycle",
                "nothing depends on a resource",
                "resources hold no transactions: their services do",
                "SQL lives in repositories (...Repository), nowhere else: entities aside, only they touch the "
                        + "EntityManager, Panache or JDBC",
                "resources and consumers reach repositories only through services",
                "repositories call no service",
                "resources are named ...Resource",
                "resources live in rest/, whatever feature they serve",
                "Kafka consumers live in messaging/")), broken(FIXTURES + "broken"));
    }

    private static Set<String> broken(String rootPackage) {
        JavaClasses classes = new ClassFileImporter().importPackages(rootPackage);
        Set<String> broken = new TreeSet<>();
        for (ArchRule rule : HouseRules.rules(rootPackage)) {
            if (rule.evaluate(classes).hasViolation()) {
                broken.add(rule.getDescription());
            }
        }
        return broken;
    }
}

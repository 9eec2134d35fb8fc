package io.kinlink.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;

/**
 * Every record a service answers with is written as exactly its components (no "suedAt" beside
 * "issuedAt"): each service's {@code ResponseShapesTest} extends this with its root package.
 */
public abstract class AnswerRecordsCheck {

    @Inject
    ObjectMapper mapper;

    /** The service's root package, such as {@code io.kinlink.member}. */
    protected abstract String rootPackage();

    @Test
    void every_answer_record_is_written_as_exactly_its_components() throws Exception {
        List<String> checked = ResponseShapes.assertComponentsOnly(mapper, Path.of("target/classes"), rootPackage());
        assertTrue(checked.size() > 5, "found the service's answer records: " + checked);
    }

    /** The generated writers that Quarkus REST would use instead read issuedAt() as "suedAt": they stay off. */
    @Test
    void answers_are_written_by_jackson_itself_not_by_generated_writers() {
        assertEquals(Optional.of(false), ConfigProvider.getConfig().getOptionalValue(
                "quarkus.rest.jackson.optimization.enable-reflection-free-serializers", Boolean.class));
    }
}

package io.kinlink.testsupport;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Checks that every record a service may write as JSON has exactly its components as properties.
 * The trap it catches: an accessor such as {@code issuedAt()} read as the boolean-style getter
 * {@code is...} of a property "suedAt", or a helper {@code isSomething()} that leaks into the answer.
 * Request bodies (records a resource method takes) and records with {@code @AssertTrue} checks are
 * read, not written, and are left out.
 */
public final class ResponseShapes {

    private ResponseShapes() {
    }

    /**
     * @param classes the service's compiled classes ({@code target/classes})
     * @return the names of the records checked, so a test can assert it looked at something
     */
    public static List<String> assertComponentsOnly(ObjectMapper mapper, Path classes, String rootPackage)
            throws IOException {
        List<Class<?>> all = classesUnder(classes, rootPackage);
        Set<Class<?>> requests = requestBodies(all);
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Class<?> type : all) {
            if (!type.isRecord() || requests.contains(type)) {
                continue;
            }
            Set<String> components = new TreeSet<>();
            for (RecordComponent component : type.getRecordComponents()) {
                components.add(component.getName());
            }
            Set<String> written = new TreeSet<>();
            for (BeanPropertyDefinition property : mapper.getSerializationConfig()
                    .introspect(mapper.constructType(type)).findProperties()) {
                if (property.couldSerialize()) {
                    written.add(property.getName());
                }
            }
            checked.add(type.getName());
            if (!components.containsAll(written)) {
                Set<String> stray = new TreeSet<>(written);
                stray.removeAll(components);
                wrong.add(type.getName() + " writes " + stray + " besides its components " + components);
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError("Records written with properties that are not their components:\n"
                    + String.join("\n", wrong));
        }
        return checked;
    }

    /** Records that resources take (bodies), and records with validation methods: read, never written. */
    private static Set<Class<?>> requestBodies(List<Class<?>> all) {
        Set<Class<?>> requests = new HashSet<>();
        for (Class<?> type : all) {
            boolean resource = annotated(type.getAnnotations(), "jakarta.ws.rs.Path");
            for (Method method : type.getDeclaredMethods()) {
                if (resource) {
                    for (Parameter parameter : method.getParameters()) {
                        if (parameter.getType().isRecord()) {
                            requests.add(parameter.getType());
                        }
                    }
                }
                if (annotated(method.getAnnotations(), "jakarta.validation.constraints.AssertTrue")) {
                    requests.add(type);
                }
            }
        }
        return requests;
    }

    private static boolean annotated(Annotation[] annotations, String name) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<Class<?>> classesUnder(Path classes, String rootPackage) throws IOException {
        Path root = classes.resolve(rootPackage.replace('.', '/'));
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    found.add(Class.forName(name, false, Thread.currentThread().getContextClassLoader()));
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    // generated or synthetic: nothing a resource returns
                }
            }
        }
        return found;
    }
}

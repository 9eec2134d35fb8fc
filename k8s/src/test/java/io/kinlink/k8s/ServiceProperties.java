package io.kinlink.k8s;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * The configuration a service reads, as the environment variable names that set it: the keys of
 * its application.properties, the properties of its {@code @ConfigMapping} interfaces (read from its
 * compiled classes, nested groups and maps included), and the framework settings a deployment
 * gives (datasource, HTTP port, the Kafka client's {@code kafka.*}, the JWT public key).
 */
final class ServiceProperties {

    /** What Quarkus and its extensions read besides the service's own keys. */
    private static final List<String> FRAMEWORK = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_HTTP_PORT", "MP_JWT_VERIFY_PUBLICKEY", "KAFKA_BOOTSTRAP_SERVERS",
            "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_TYPE",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "QUARKUS_LOG_CONSOLE_JSON_ENABLED",
            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");

    private final Set<String> exact = new TreeSet<>();
    private final List<Pattern> patterns = new java.util.ArrayList<>();

    ServiceProperties(String service) throws IOException {
        Path module = Manifests.root().resolveSibling(service);
        exact.addAll(FRAMEWORK);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        properties.stringPropertyNames().forEach(name -> exact.add(env(name.replaceFirst("^%[a-z]+\\.", ""))));
        Path edge = Manifests.root().resolveSibling("http-edge").resolve("target/classes");
        mappings(module.resolve("target/classes"), service.equals("gateway") ? List.of(edge) :
                List.of(Manifests.root().resolveSibling("platform").resolve("target/classes"), edge));
    }

    boolean reads(String environmentVariable) {
        return exact.contains(environmentVariable)
                || patterns.stream().anyMatch(pattern -> pattern.matcher(environmentVariable).matches());
    }

    private void mappings(Path classes, List<Path> more) throws IOException {
        List<URL> urls = new java.util.ArrayList<>(List.of(classes.toUri().toURL()));
        for (Path path : more) {
            urls.add(path.toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader())) {
            for (Path root : Stream.concat(Stream.of(classes), more.stream()).toList()) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                        Class<?> type;
                        try {
                            type = Class.forName(name, false, loader);
                        } catch (ClassNotFoundException | LinkageError e) {
                            continue;
                        }
                        ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
                        if (mapping != null) {
                            group(type, env(mapping.prefix()));
                        }
                    }
                }
            }
        }
    }

    /** The properties of one group, under {@code prefix} (in environment form, a regex). */
    private void group(Class<?> type, String prefix) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() > 0 || Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            WithName named = method.getAnnotation(WithName.class);
            String property = prefix + "_" + env(named != null ? named.value() : kebab(method.getName()));
            Class<?> returned = method.getReturnType();
            Type generic = method.getGenericReturnType();
            if (returned == java.util.Map.class && generic instanceof ParameterizedType map
                    && map.getActualTypeArguments()[1] instanceof Class<?> value && value.isInterface()) {
                group(value, property + "_[A-Z0-9_]+");
            } else if (returned.isInterface() && !returned.getName().startsWith("java.")) {
                group(returned, property);
            } else {
                patterns.add(Pattern.compile(property + (returned == java.util.Map.class ? "_[A-Z0-9_]+" : "")));
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** A property name as its environment variable (MicroProfile Config's rule). */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}

package io.kinlink.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at this JVM's real Kafka broker and PostgreSQL server (see
 * {@link Infrastructure}), in a database of its own named by the {@code database} argument.
 * Secrets the service needs are generated for the run, so none lives in the repository.
 */
public class KinlinkInfraResource implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, String> SECRETS = RandomKeys.serviceSecrets();

    private String database = "kinlink";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infrastructure = Infrastructure.shared();
        DatabaseServer server = infrastructure.databaseServer();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", server.ensureDatabase(database));
        config.put("quarkus.datasource.username", server.username());
        config.put("quarkus.datasource.password", server.password());
        config.put("kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers());
        config.put("kinlink.pii.encryption-key", SECRETS.get("KINLINK_PII_ENCRYPTION_KEY"));
        config.put("kinlink.pii.lookup-key", SECRETS.get("KINLINK_PII_LOOKUP_KEY"));
        config.put("kinlink.referral.click-hash-key", SECRETS.get("KINLINK_REFERRAL_CLICK_HASH_KEY"));
        config.put("mp.jwt.verify.publickey", TestIdentity.publicKey());
        config.put("kinlink.auth.signing-key", SECRETS.get(RandomKeys.AUTH_SIGNING_KEY));
        config.put("kinlink.auth.bootstrap-admin.username", "admin");
        config.put("kinlink.auth.bootstrap-admin.password", TestIdentity.adminPassword());
        return config;
    }

    /** Requests of the test act as an operator, as the gateway would forward them, unless a test says otherwise. */
    @Override
    public void inject(TestInjector testInjector) {
        TestIdentity.actAsOperatorByDefault();
    }

    @Override
    public void stop() {
        // The servers are shared by every test of this JVM and stop with it.
    }
}

package io.kinlink.member.branch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * At start: adds the configured branches the directory lacks, and announces the branches no other
 * service has heard of (those a migration took from existing data). A malformed entry stops the start.
 */
@ApplicationScoped
public class InitialBranches {

    /** The ids operators may give branches; the API's path parameter uses the same. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    private static final Pattern ID_PATTERN = Pattern.compile(ID);

    private final Branches branches;
    private final BranchSettings settings;
    private final Clock clock;

    public InitialBranches(Branches branches, BranchSettings settings, Clock clock) {
        this.branches = branches;
        this.settings = settings;
        this.clock = clock;
    }

    void seed(@Observes StartupEvent started) {
        List<Branch> configured = parse(settings.initial().orElse(""), clock.instant());
        QuarkusTransaction.requiringNew().run(() -> {
            configured.forEach(branches::seed);
            branches.announceUnannounced();
        });
    }

    static List<Branch> parse(String entries, Instant at) {
        List<Branch> parsed = new ArrayList<>();
        for (String entry : entries.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] fields = entry.split("\\|", -1);
            if (fields.length < 3 || fields.length > 5 || !ID_PATTERN.matcher(fields[0].strip()).matches()
                    || fields[1].isBlank() || fields[2].isBlank()) {
                throw new IllegalArgumentException("kinlink.branches.initial: \"" + entry.strip()
                        + "\" is not id|中文名|English name|city|address with an id of letters, digits, - and _");
            }
            parsed.add(new Branch(fields[0].strip(), fields[1].strip(), fields[2].strip(), optional(fields, 3),
                    optional(fields, 4), true, at, "configuration"));
        }
        return parsed;
    }

    private static String optional(String[] fields, int index) {
        return index < fields.length && !fields[index].isBlank() ? fields[index].strip() : null;
    }
}

package io.kinlink.rewards.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.kinlink.platform.input.StrictJson;
import io.kinlink.platform.problem.DomainException;
import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Operators' changes to the rules: each a new version, checked before it is stored. */
@ApplicationScoped
public class RuleAdmin {

    private static final Pattern CAMPAIGN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,59}");
    /** Reads parameters strictly: unknown fields and numbers of the wrong kind are errors, not guesses. */
    private static final ObjectMapper STRICT = StrictJson.apply(new ObjectMapper())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final RuleRepository rules;
    private final Validator validator;
    private final RuleTemplateRepository templates;
    private final Clock clock;
    private final WelcomeGiftAnnouncer welcomeGifts;

    RuleAdmin(RuleRepository rules, Validator validator, RuleTemplateRepository templates, Clock clock,
                     WelcomeGiftAnnouncer welcomeGifts) {
        this.welcomeGifts = welcomeGifts;
        this.rules = rules;
        this.validator = validator;
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional
    public RuleVersion addVersion(String ruleId, NewRuleVersion request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        checkId(ruleId, request.kind(), errors);
        Object params = readParams(request, errors);
        Instant now = clock.instant();
        Instant from = request.effectiveFrom() == null ? now : request.effectiveFrom();
        if (request.effectiveTo() != null && !request.effectiveTo().isAfter(from)) {
            errors.add(new Problem.FieldError("effectiveTo", "must be after effectiveFrom"));
        }
        List<RuleVersion> earlier = rules.versionsOf(ruleId);
        if (!earlier.isEmpty() && earlier.get(0).kind() != request.kind()) {
            errors.add(new Problem.FieldError("kind", "rule " + ruleId + " is a " + earlier.get(0).kind()));
        }
        if (!errors.isEmpty()) {
            throw new RuleRejected(errors);
        }
        RuleVersion stored = rules.append(new RuleVersion(ruleId, 0, request.kind(), request.params().toString(), from,
                request.effectiveTo(), now, request.note()));
        if (params instanceof RuleKind.WelcomeParams welcome) {
            welcomeGifts.announce(stored, welcome);
        }
        return stored;
    }

    @Transactional
    public List<RuleVersion> versionsOf(String ruleId) {
        List<RuleVersion> versions = rules.versionsOf(ruleId);
        if (versions.isEmpty()) {
            throw new NotFoundProblem("rule-not-found", "No rule " + ruleId);
        }
        return versions;
    }

    /** The latest version of every rule. */
    @Transactional
    public List<RuleVersion> latest() {
        return rules.all().stream()
                .collect(Collectors.groupingBy(RuleVersion::ruleId,
                        Collectors.maxBy(Comparator.comparingInt(RuleVersion::version))))
                .values().stream().flatMap(Optional::stream)
                .sorted(Comparator.comparing(RuleVersion::ruleId)).toList();
    }

    private static void checkId(String ruleId, RuleKind kind, List<Problem.FieldError> errors) {
        if (kind == RuleKind.CAMPAIGN_MULTIPLIER) {
            boolean standingId = Arrays.stream(RuleKind.values()).anyMatch(k -> ruleId.equals(k.fixedId()));
            if (standingId || !CAMPAIGN_ID.matcher(ruleId).matches()) {
                errors.add(new Problem.FieldError("ruleId", "a campaign needs its own id of 3 to 60 lower-case "
                        + "letters, digits and dashes"));
            }
        } else if (!kind.fixedId().equals(ruleId)) {
            errors.add(new Problem.FieldError("kind", kind + " is the rule " + kind.fixedId()));
        }
    }

    private Object readParams(NewRuleVersion request, List<Problem.FieldError> errors) {
        if (!request.params().isObject()) {
            errors.add(new Problem.FieldError("params", "must be an object with the parameters of " + request.kind()));
            return null;
        }
        Object params;
        try {
            params = STRICT.treeToValue(request.params(), request.kind().paramsType());
        } catch (UnrecognizedPropertyException unknown) {
            errors.add(new Problem.FieldError("params." + unknown.getPropertyName(),
                    "is not a parameter of " + request.kind()));
            return null;
        } catch (JsonMappingException wrong) {
            String path = wrong.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce("params", (a, b) -> b.startsWith("[") ? a + b : a + "." + b);
            errors.add(new Problem.FieldError(path, "has the wrong type or format"));
            return null;
        } catch (IllegalArgumentException | JsonProcessingException unreadable) {
            errors.add(new Problem.FieldError("params", "does not fit " + request.kind()));
            return null;
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(params);
        violations.forEach(v -> errors.add(new Problem.FieldError("params." + v.getPropertyPath(), v.getMessage())));
        checkTemplate(params, errors);
        return params;
    }

    private void checkTemplate(Object params, List<Problem.FieldError> errors) {
        UUID template = params instanceof RuleKind.CouponParams coupon ? coupon.couponTemplateId()
                : params instanceof RuleKind.MilestoneParams milestone ? milestone.couponTemplateId()
                : params instanceof RuleKind.WelcomeParams welcome ? welcome.couponTemplateId() : null;
        if (template != null && !templates.exists(template)) {
            errors.add(new Problem.FieldError("params.couponTemplateId", "no such coupon template"));
        }
    }

    /** A rule version that does not hold together: 400 with every field at fault. */
    static final class RuleRejected extends DomainException {

        RuleRejected(List<Problem.FieldError> errors) {
            super("validation-failed", "Invalid request", "The rule has invalid fields",
                    errors.stream().sorted(Comparator.comparing(Problem.FieldError::field)).toList());
        }

        @Override
        public int status() {
            return 400;
        }
    }
}

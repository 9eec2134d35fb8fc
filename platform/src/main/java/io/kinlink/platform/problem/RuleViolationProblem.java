package io.kinlink.platform.problem;

import java.util.List;

/** Well-formed, but a business rule forbids it (self-referral, insufficient balance): 422. */
public class RuleViolationProblem extends DomainException {

    public RuleViolationProblem(String slug, String detail) {
        super(slug, "Rule violated", detail, List.of());
    }

    public RuleViolationProblem(String slug, String detail, List<Problem.FieldError> errors) {
        super(slug, "Rule violated", detail, errors);
    }

    @Override
    public int status() {
        return 422;
    }
}

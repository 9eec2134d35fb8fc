package io.kinlink.platform.input;

import java.time.Instant;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link BusinessTime} against the configured {@link BusinessTimeWindow}; one instance per constraint. */
@Dependent
public class BusinessTimeValidator implements ConstraintValidator<BusinessTime, Instant> {

    private final BusinessTimeWindow window;
    private boolean planned;

    public BusinessTimeValidator(BusinessTimeWindow window) {
        this.window = window;
    }

    @Override
    public void initialize(BusinessTime annotation) {
        planned = annotation.planned();
    }

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Instant latest = planned ? window.latestPlanned() : window.latestHappened();
        if (!value.isBefore(window.earliest()) && !value.isAfter(latest)) {
            return true;
        }
        context.unwrap(HibernateConstraintValidatorContext.class)
                .addMessageParameter("earliest", window.earliest().toString())
                .addMessageParameter("latest", planned ? "now + " + window.planningHorizon() : "now");
        return false;
    }
}

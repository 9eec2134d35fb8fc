package io.kinlink.platform.input;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A time the business could have: not before the programme's earliest date
 * ({@code kinlink.business-time.earliest}, 2000-01-01 by default) and not after now plus the allowed
 * clock skew of a till ({@code kinlink.business-time.max-ahead}, 5 minutes) or, for {@code planned}
 * times such as a campaign's end or a report's upper bound, plus {@code kinlink.business-time.planning-horizon}
 * (10 years). A purchase dated year -4000 would otherwise make every membership-year report walk 6,000 years.
 */
@Documented
@Constraint(validatedBy = BusinessTimeValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface BusinessTime {

    String message() default "must lie between {earliest} and {latest}";

    boolean planned() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

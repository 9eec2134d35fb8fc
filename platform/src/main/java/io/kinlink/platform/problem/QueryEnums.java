package io.kinlink.referral.rest;

import java.util.Arrays;
import java.util.Locale;

import io.kinlink.platform.problem.InvalidRequestProblem;

/** Reads an enum from a query parameter; an unknown value is a 400 naming the parameter and the choices, not a 404. */
final class QueryEnums {

    private QueryEnums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequestProblem(parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}

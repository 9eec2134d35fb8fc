package io.kinlink.platform.problem;

import java.util.Arrays;
import java.util.Locale;

/** Reads an enum from a query parameter; an unknown value is a 400 naming the parameter and the choices, not a 404. */
public final class QueryEnums {

    private QueryEnums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequestProblem(parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}

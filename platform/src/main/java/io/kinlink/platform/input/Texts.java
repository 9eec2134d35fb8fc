package io.kinlink.platform.input;

/** What no text a client sends may contain, for bodies, path segments and query parameters alike. */
public final class Texts {

    private Texts() {
    }

    /** Why {@code text} is refused, or null when it is acceptable. */
    public static String refusal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))
                    || Character.isLowSurrogate(c)) {
                return "must not contain unpaired surrogates";
            }
        }
        return null;
    }
}

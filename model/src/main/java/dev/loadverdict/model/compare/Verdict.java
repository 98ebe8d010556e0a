package dev.loadverdict.model.compare;

import java.util.Locale;

/** The answer of a comparison as a whole. */
public enum Verdict {
    /** No regression reached warning. */
    PASS,
    /** At least one regression reached warning, none critical. */
    WARN,
    /** At least one regression is critical. */
    FAIL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict of(Severity worst) {
        return switch (worst) {
            case NONE -> PASS;
            case WARNING -> WARN;
            case CRITICAL -> FAIL;
        };
    }
}

package dev.loadverdict.model.compare;

import java.util.Locale;

/** How serious a finding is, in increasing order. */
public enum Severity {
    NONE, WARNING, CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}

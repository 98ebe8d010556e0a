package dev.loadverdict.model;

/** The unit a metric's values are expressed in. */
public enum Unit {
    /** Milliseconds. */
    MILLISECONDS("ms"),
    /** A ratio expressed in percent (0–100); differences are percentage points ("pp"). */
    PERCENT("%"),
    /** Requests per second. */
    REQUESTS_PER_SECOND("req/s");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    /** The short symbol printed after a value, e.g. {@code ms}. */
    public String symbol() {
        return symbol;
    }

    /** The symbol of a difference between two values: {@code pp} for percentages, else {@link #symbol()}. */
    public String deltaSymbol() {
        return this == PERCENT ? "pp" : symbol;
    }
}

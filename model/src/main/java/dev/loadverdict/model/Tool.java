package dev.loadverdict.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The load-testing tool that produced a run. */
public enum Tool {
    LOCUST("locust"),
    K6("k6"),
    GATLING("gatling"),
    JMETER("jmeter"),
    /** loadverdict's generic input format for custom harnesses. */
    GENERIC("generic");

    private final String id;

    Tool(String id) {
        this.id = id;
    }

    /** The lower-case name used in JSON and on the command line. */
    public String id() {
        return id;
    }

    public static Optional<Tool> fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
    }
}

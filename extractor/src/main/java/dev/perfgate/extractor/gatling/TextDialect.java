package dev.perfgate.extractor.gatling;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generations of Gatling's tab-separated {@code simulation.log}, each with its field positions (0-based, in the
 * record's fields; -1 = the generation has no such field). Chosen once per file from its RUN record.
 *
 * <pre>
 * 1.2–1.4  RUN date runId desc simClass          ACTION scen user name t1 t2 t3 t4 OK|KO msg     SCENARIO scen user START|END ts
 * 2.0–2.1  simClass simId RUN start desc 2.0     scen user REQUEST groups name t1 t2 t3 t4 OK|KO msg   scen user USER START|END ts ts
 * 2.2–2.3  RUN simClass userId simId start desc 2.0   REQUEST scen user groups name start end OK|KO msg
 *          GROUP scen user groups start end cumulated OK|KO                                   USER scen user START|END ts ts
 * 3.0–3.3  RUN simClass simId start desc 3.x     REQUEST user groups name start end OK|KO msg    GROUP user groups start end cum OK|KO
 * 3.4–3.12 same RUN                              REQUEST groups name start end OK|KO msg         GROUP groups start end cum OK|KO
 *                                                USER scen START|END ts
 * </pre>
 * The last field of RUN is the log-format version ({@code 2.0}) in 2.x and Gatling's version in 3.x. Requests with
 * four timestamps (1.x, 2.0–2.1) last from the first to the last. The message field may be missing on OK lines.
 */
enum TextDialect {
    //   generation type  user  at RUN: class start desc version | REQUEST: groups name start end status message | GROUP: groups start end cumulated status | USER event
    V1("1.x", "ACTION", "SCENARIO", 0, 4, -1, 3, -1, -1, 3, 4, 7, 8, 9, -1, -1, -1, -1, -1, 3),
    V2_0("2.0-2.1", "REQUEST", "USER", 2, 0, 3, 4, 5, 3, 4, 5, 8, 9, 10, -1, -1, -1, -1, -1, 3),
    V2_2("2.2-2.3", "REQUEST", "USER", 0, 1, 4, 5, 6, 3, 4, 5, 6, 7, 8, 3, 4, 5, 6, 7, 3),
    V3_0("3.0-3.3", "REQUEST", "USER", 0, 1, 3, 4, 5, 2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6, 3),
    V3_4("3.4-3.12", "REQUEST", "USER", 0, 1, 3, 4, 5, 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 2);

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)(?:[.\\-].*)?$");
    private static final Pattern V1_DATE = Pattern.compile("^\\d{14}$");

    final String generation;
    final String requestType;
    final String userType;
    /** Where the record type is. */
    final int type;
    /** RUN: simulation class, start (epoch ms; -1: none), description, version (-1: none). */
    final int runClass;
    final int runStart;
    final int runDescription;
    final int runVersion;
    /** REQUEST: groups (-1: none in 1.x), name, first and last timestamp, status, message. */
    final int requestGroups;
    final int requestName;
    final int requestStart;
    final int requestEnd;
    final int requestStatus;
    final int requestMessage;
    /** GROUP (-1: the generation writes none): groups, start, end, cumulated response time, status. */
    final int groupGroups;
    final int groupStart;
    final int groupEnd;
    final int groupCumulated;
    final int groupStatus;
    /** USER/SCENARIO: START or END. */
    final int userEvent;

    @SuppressWarnings("checkstyle:ParameterNumber")
    TextDialect(String generation, String requestType, String userType, int type, int runClass, int runStart,
                int runDescription, int runVersion, int requestGroups, int requestName, int requestStart,
                int requestEnd, int requestStatus, int requestMessage, int groupGroups, int groupStart, int groupEnd,
                int groupCumulated, int groupStatus, int userEvent) {
        this.generation = generation;
        this.requestType = requestType;
        this.userType = userType;
        this.type = type;
        this.runClass = runClass;
        this.runStart = runStart;
        this.runDescription = runDescription;
        this.runVersion = runVersion;
        this.requestGroups = requestGroups;
        this.requestName = requestName;
        this.requestStart = requestStart;
        this.requestEnd = requestEnd;
        this.requestStatus = requestStatus;
        this.requestMessage = requestMessage;
        this.groupGroups = groupGroups;
        this.groupStart = groupStart;
        this.groupEnd = groupEnd;
        this.groupCumulated = groupCumulated;
        this.groupStatus = groupStatus;
        this.userEvent = userEvent;
    }

    /** The record's type, or null when it has no field there. */
    String typeOf(String[] fields) {
        return fields.length > type ? fields[type] : null;
    }

    /** The field layout a RUN record's shape says, or empty when the line is no RUN record (of a known generation). */
    static Optional<TextDialect> ofRun(String[] f) {
        if (f.length >= 5 && f[0].equals("RUN") && V1_DATE.matcher(f[1]).matches()) {
            return Optional.of(V1);
        }
        if (f.length == 6 && f[2].equals("RUN") && f[5].strip().equals("2.0")) {
            return Optional.of(V2_0);
        }
        if (f.length == 7 && f[0].equals("RUN") && f[6].strip().startsWith("2.")) {
            return Optional.of(V2_2);
        }
        if (f.length == 6 && f[0].equals("RUN")) {
            Matcher m = VERSION.matcher(f[5].strip());
            if (m.matches() && m.group(1).equals("3")) {
                int minor = Integer.parseInt(m.group(2));
                return Optional.of(minor < 4 ? V3_0 : V3_4);
            }
        }
        return Optional.empty();
    }

    /** Whether the line looks like a RUN record at all (so a text log of an unknown version can be told apart). */
    static boolean looksLikeRun(String[] f) {
        return (f.length >= 5 && f[0].equals("RUN")) || (f.length >= 5 && f.length <= 7 && f[2].equals("RUN"));
    }

    /** What the version field says, for the run's metadata: Gatling's version (3.x) or the log format (2.x). */
    String toolVersion(String[] run) {
        return switch (this) {
            case V1 -> "1.x";
            case V2_0, V2_2 -> "2.x (log format " + run[runVersion].strip() + ")";
            default -> run[runVersion].strip();
        };
    }

    @Override
    public String toString() {
        return "Gatling " + generation + " text log";
    }
}

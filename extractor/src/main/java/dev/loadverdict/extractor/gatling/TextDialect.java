package dev.loadverdict.extractor.gatling;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The record layouts of Gatling's tab-separated {@code simulation.log}, with their field positions (0-based; -1 =
 * the layout has no such field). Chosen once per file: from the RUN record's shape ({@link RunShape}) and version
 * field, or, where those disagree (hand-made and edited files), from the first REQUEST record's shape.
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
 * {@link #V2_1_TYPE_FIRST} (2.0–2.1 requests with the record type first) is only ever inferred: it is the layout of
 * Gatling's own 2.1-era test fixture.
 */
enum TextDialect {
    //   generation type  user  at REQUEST: groups name start end status message | GROUP: groups start end cumulated status | USER event
    V1("1.x", "ACTION", "SCENARIO", 0, -1, 3, 4, 7, 8, 9, -1, -1, -1, -1, -1, 3),
    V2_0("2.0-2.1", "REQUEST", "USER", 2, 3, 4, 5, 8, 9, 10, -1, -1, -1, -1, -1, 3),
    V2_1_TYPE_FIRST("2.0-2.1 (record type first)", "REQUEST", "USER", 0, 3, 4, 5, 8, 9, 10, -1, -1, -1, -1, -1, 3),
    V2_2("2.2-2.3", "REQUEST", "USER", 0, 3, 4, 5, 6, 7, 8, 3, 4, 5, 6, 7, 3),
    V3_0("3.0-3.3", "REQUEST", "USER", 0, 2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6, 3),
    V3_4("3.4-3.12", "REQUEST", "USER", 0, 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 2);

    /** Major and minor of at most four digits each: a longer number is no Gatling version (and would overflow an int). */
    private static final Pattern VERSION = Pattern.compile("^(\\d{1,4})\\.(\\d{1,4})(?:[.\\-].*)?$");
    /** The last Gatling minor version that wrote a text log. */
    private static final int LAST_TEXT_MINOR = 12;
    /** Inference tries these, most recent first. */
    private static final List<TextDialect> INFERABLE = List.of(V3_4, V3_0, V2_2, V2_1_TYPE_FIRST);

    final String generation;
    final String requestType;
    final String userType;
    /** Where the record type is. */
    final int type;
    /** REQUEST: groups (-1: none in 1.x), name, first and last timestamp, status, message. */
    final int requestGroups;
    final int requestName;
    final int requestStart;
    final int requestEnd;
    final int requestStatus;
    final int requestMessage;
    /** GROUP (-1: the layout has none): groups, start, end, cumulated response time, status. */
    final int groupGroups;
    final int groupStart;
    final int groupEnd;
    final int groupCumulated;
    final int groupStatus;
    /** USER/SCENARIO: START or END. */
    final int userEvent;

    @SuppressWarnings("checkstyle:ParameterNumber")
    TextDialect(String generation, String requestType, String userType, int type, int requestGroups, int requestName,
                int requestStart, int requestEnd, int requestStatus, int requestMessage, int groupGroups,
                int groupStart, int groupEnd, int groupCumulated, int groupStatus, int userEvent) {
        this.generation = generation;
        this.requestType = requestType;
        this.userType = userType;
        this.type = type;
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

    /** What a RUN record's version field says about the log. */
    enum Version {
        /** 1.x: no version field. */
        NONE,
        /** 2.x: the log format, {@code 2.0}. */
        LOG_FORMAT_2,
        /** Gatling 3.0 to 3.3. */
        GATLING_3_0,
        /** Gatling 3.4 to 3.12. */
        GATLING_3_4,
        /** Anything else: a version that never wrote a text log (3.13+ write binary logs) or no version at all. */
        UNKNOWN;

        static Version of(RunShape shape, String[] run) {
            if (shape.version < 0) {
                return NONE;
            }
            Matcher m = VERSION.matcher(run[shape.version].strip());
            if (!m.matches()) {
                return UNKNOWN;
            }
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            if (major == 2) {
                return LOG_FORMAT_2;
            }
            if (major != 3 || minor > LAST_TEXT_MINOR) {
                return UNKNOWN;
            }
            return minor < 4 ? GATLING_3_0 : GATLING_3_4;
        }
    }

    /** The layout a RUN record's shape and version field agree on, or empty when they disagree. */
    static Optional<TextDialect> declared(RunShape shape, Version version) {
        return Optional.ofNullable(switch (shape) {
            case DATED -> V1;
            case TYPE_THIRD -> version == Version.LOG_FORMAT_2 ? V2_0 : null;
            case SEVEN -> version == Version.LOG_FORMAT_2 ? V2_2 : null;
            case SIX -> version == Version.GATLING_3_0 ? V3_0 : version == Version.GATLING_3_4 ? V3_4 : null;
        });
    }

    /** The layout the first REQUEST record among {@code lines} fits, when one does. */
    static Optional<TextDialect> inferred(List<String> lines) {
        for (String line : lines) {
            if (!line.startsWith("REQUEST\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            return INFERABLE.stream().filter(d -> d.fits(f)).findFirst();
        }
        return Optional.empty();
    }

    /** Whether a REQUEST record has this layout's shape: status, timestamps and field count where expected. */
    private boolean fits(String[] f) {
        return (f.length == requestStatus + 1 || f.length == requestStatus + 2) && requestType.equals(typeOf(f))
                && (f[requestStatus].equals("OK") || f[requestStatus].equals("KO"))
                && isNumber(f[requestStart]) && isNumber(f[requestEnd]);
    }

    static boolean isNumber(String value) {
        int n = value.length();
        if (n == 0 || n > 18) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** What the version field says, for the run's metadata: Gatling's version (3.x) or the log format (2.x). */
    static String toolVersion(RunShape shape, Version version, String[] run) {
        return switch (version) {
            case NONE -> "1.x";
            case LOG_FORMAT_2 -> "2.x (log format " + run[shape.version].strip() + ")";
            default -> run[shape.version].strip();
        };
    }

    @Override
    public String toString() {
        return "Gatling " + generation + " text log";
    }

    /** Where a RUN record keeps its fields, by its shape. */
    enum RunShape {
        /** 1.x: {@code RUN date(yyyyMMddHHmmss) runId desc simClass}. */
        DATED(4, -1, -1),
        /** 2.0–2.1: {@code simClass simId RUN start desc 2.0}. */
        TYPE_THIRD(0, 3, 5),
        /** 2.2–2.3: {@code RUN simClass userDefinedId simId start desc 2.0}. */
        SEVEN(1, 4, 6),
        /** 3.x: {@code RUN simClass simId start desc version}. */
        SIX(1, 3, 5);

        private static final Pattern DATE = Pattern.compile("^\\d{14}$");

        final int simulation;
        /** The start, epoch ms; -1 in 1.x, whose date is local time without a zone. */
        final int start;
        final int version;

        RunShape(int simulation, int start, int version) {
            this.simulation = simulation;
            this.start = start;
            this.version = version;
        }

        static Optional<RunShape> of(String[] f) {
            boolean first = f[0].equals("RUN");
            if (first && f.length >= 5 && DATE.matcher(f[1]).matches()) {
                return Optional.of(DATED);
            }
            if (f.length == 6 && f.length > 2 && f[2].equals("RUN")) {
                return Optional.of(TYPE_THIRD);
            }
            if (first && f.length == 7) {
                return Optional.of(SEVEN);
            }
            if (first && f.length == 6) {
                return Optional.of(SIX);
            }
            return Optional.empty();
        }
    }
}

package dev.loadverdict.extractor.jmeter;

import java.util.List;

/**
 * The fields of a JMeter sample result, in the order JMeter's {@code CSVSaveService} writes them, each with
 * its CSV header name, its attribute in XML results ({@code <httpSample t="…" lb="…">}), and the element
 * name XStream uses when it writes a sample result field by field (non-standard sample elements such as
 * the WebDriver plugin's {@code SampleResultWithSubs}). Which fields a file holds is configured
 * ({@code jmeter.save.saveservice.*}), so any subset may appear; CSV headers are matched by name, ignoring
 * case, surrounding blanks and quotes.
 */
enum JtlColumn {
    /** Epoch ms (or a formatted date) of the sample's start. */
    TIMESTAMP("timeStamp", "ts", "startTime"),
    /** Response time, whole ms. */
    ELAPSED("elapsed", "t", "elapsedTime"),
    LABEL("label", "lb", "label"),
    RESPONSE_CODE("responseCode", "rc", "responseCode"),
    RESPONSE_MESSAGE("responseMessage", "rm", "responseMessage"),
    THREAD_NAME("threadName", "tn", "threadName"),
    DATA_TYPE("dataType", "dt", "dataType"),
    SUCCESS("success", "s", "success"),
    /** The first failed assertion's message (XML keeps it in an {@code assertionResult} child). */
    FAILURE_MESSAGE("failureMessage", null, null),
    BYTES("bytes", "by", "bytes"),
    SENT_BYTES("sentBytes", "sby", "sentBytes"),
    GROUP_THREADS("grpThreads", "ng", "groupThreads"),
    ALL_THREADS("allThreads", "na", "allThreads"),
    /** The request URL; XML keeps it in a {@code java.net.URL} child. {@code null} when there is none. */
    URL("URL", null, null),
    FILENAME("Filename", null, "resultFileName"),
    LATENCY("Latency", "lt", "latency"),
    ENCODING("Encoding", "de", "dataEncoding"),
    /** How many samples a (batched) row stands for. */
    SAMPLE_COUNT("SampleCount", "sc", "sampleCount"),
    /** How many of them failed. */
    ERROR_COUNT("ErrorCount", "ec", "errorCount"),
    HOSTNAME("Hostname", "hn", "hostname"),
    IDLE_TIME("IdleTime", "it", "idleTime"),
    CONNECT("Connect", "ct", "connectTime");

    /**
     * JMeter 5.0+ default columns, also the order of a CSV written without a header ({@code
     * jmeter.save.saveservice.print_field_names=false}).
     */
    static final List<JtlColumn> DEFAULT_5 = List.of(TIMESTAMP, ELAPSED, LABEL, RESPONSE_CODE, RESPONSE_MESSAGE,
            THREAD_NAME, DATA_TYPE, SUCCESS, FAILURE_MESSAGE, BYTES, SENT_BYTES, GROUP_THREADS, ALL_THREADS, URL,
            LATENCY, IDLE_TIME, CONNECT);
    /** JMeter 3.1–4.0 defaults: as 5.0 without {@code URL}. */
    static final List<JtlColumn> DEFAULT_3_1 = List.of(TIMESTAMP, ELAPSED, LABEL, RESPONSE_CODE, RESPONSE_MESSAGE,
            THREAD_NAME, DATA_TYPE, SUCCESS, FAILURE_MESSAGE, BYTES, SENT_BYTES, GROUP_THREADS, ALL_THREADS,
            LATENCY, IDLE_TIME, CONNECT);
    /** Old JMeter 2.x defaults (10 columns). */
    static final List<JtlColumn> DEFAULT_2 = List.of(TIMESTAMP, ELAPSED, LABEL, RESPONSE_CODE, RESPONSE_MESSAGE,
            THREAD_NAME, DATA_TYPE, SUCCESS, BYTES, LATENCY);
    /**
     * The columns every JMeter default set since 2.x starts with; a header-less file of any other width is
     * read by these alone.
     */
    static final List<JtlColumn> COMMON_PREFIX = DEFAULT_2.subList(0, 8);

    private final String header;
    private final String attribute;
    private final String field;

    JtlColumn(String header, String attribute, String field) {
        this.header = header;
        this.attribute = attribute;
        this.field = field;
    }

    /** The CSV header name JMeter writes. */
    String header() {
        return header;
    }

    /** The XML attribute, or null when XML results keep the value elsewhere. */
    String attribute() {
        return attribute;
    }

    /** The element name in field-by-field XStream output, or null. */
    String field() {
        return field;
    }

    /** The column a CSV header cell names, or null. */
    static JtlColumn ofHeader(String cell) {
        String name = cell.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        for (JtlColumn c : values()) {
            if (c.header.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    /** The column an XML attribute holds, or null. */
    static JtlColumn ofAttribute(String name) {
        for (JtlColumn c : values()) {
            if (name.equals(c.attribute)) {
                return c;
            }
        }
        return null;
    }

    /** The column a field-by-field element holds, or null. */
    static JtlColumn ofField(String name) {
        for (JtlColumn c : values()) {
            if (name.equals(c.field)) {
                return c;
            }
        }
        return null;
    }

    /** The default column set of a header-less file with {@code width} columns. */
    static List<JtlColumn> headerless(int width) {
        return switch (width) {
            case 17 -> DEFAULT_5;
            case 16 -> DEFAULT_3_1;
            case 10 -> DEFAULT_2;
            default -> COMMON_PREFIX;
        };
    }
}

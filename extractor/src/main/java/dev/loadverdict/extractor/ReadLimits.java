package dev.loadverdict.extractor;

/**
 * Every limit a reader puts on a result file, in one place, as Jackson's {@code StreamReadConstraints} does for
 * JSON. A result file is untrusted input: without these, one enormous line, string or count in a damaged or
 * hostile file would fill memory or loop for hours. Each limit lies far above what the tools write, so a real
 * run never meets one.
 *
 * <p>Beyond a size or count limit the file fails with one line naming the file and, where known, its line or
 * byte offset (an {@code InputException}, exit 3); beyond a name or failure-kind limit the value is shortened or
 * counted together with others, never dropped. Memory then depends on the number of endpoints, which is capped,
 * never on the size of the file. The user's table of these limits is {@code docs/formats.md}, section
 * "Limits"; a test keeps the two in agreement.
 */
public final class ReadLimits {

    /**
     * The longest line or record, in characters (bytes for the readers that split bytes: k6 NDJSON and JTL CSV):
     * a line of NDJSON or of Gatling's text log, and a CSV record of JMeter, Locust, k6 or the generic samples,
     * line breaks inside quoted fields included. Beyond it the file fails naming the line (for a CSV record, the
     * lines it spans); gzip is undone while streaming, so a bomb of one endless line stops here too.
     */
    public static final int MAX_LINE = 1 << 20;

    /**
     * The longest attribute value of a JMeter XML (JTL) file, in characters; beyond it the file fails naming the
     * line. Element text such as saved response data is streamed in segments and never held whole.
     */
    public static final int MAX_XML_ATTRIBUTE = 1 << 20;

    /** The most attributes of one element of a JMeter XML file; beyond it the file fails naming the line. */
    public static final int MAX_XML_ATTRIBUTES = 1_000;

    /** The deepest nesting of elements in a JMeter XML file; beyond it the file fails naming the line. */
    public static final int MAX_XML_DEPTH = 1_000;

    /**
     * The longest string in a JSON aggregate file (k6 summary, Gatling stats, JMeter statistics, Locust JSON,
     * generic document), in characters; beyond it the file fails.
     */
    public static final int MAX_JSON_STRING = 1 << 20;

    /** The largest k6 summary, in bytes: it is read whole into memory, so beyond this the file fails. */
    public static final long MAX_K6_SUMMARY_BYTES = 64L << 20;

    /**
     * The most entries of an aggregate file: endpoint rows of Locust's stats CSV, endpoints of its failures CSV,
     * entries of JMeter's statistics.json, Gatling's stats.json and Locust's JSON report. Beyond it the file fails
     * naming the line.
     */
    public static final int MAX_ENTRIES = 100_000;

    /**
     * The longest string of Gatling's binary log, in bytes; beyond it the file fails naming the byte offset of the
     * record.
     */
    public static final int MAX_GATLING_STRING_BYTES = 1 << 20;

    /**
     * The most distinct strings (names and messages) Gatling's binary log may cache; a real log caches each once,
     * so beyond it the file fails naming the byte offset of the record.
     */
    public static final int MAX_GATLING_STRINGS = 1 << 20;

    /**
     * The most scenarios, or assertions, the RUN record of Gatling's binary log may declare; beyond it the file
     * fails naming the byte offset of the record.
     */
    public static final int MAX_GATLING_SCENARIOS = 100_000;

    /**
     * The deepest group hierarchy of one record of Gatling's binary log; beyond it the file fails naming the byte
     * offset of the record.
     */
    public static final int MAX_GATLING_GROUP_DEPTH = 1_000;

    /**
     * The most samples one JMeter row may stand for ({@code SampleCount} of a batched sample, which is expanded
     * sample by sample); beyond it the file fails naming the line.
     */
    public static final long MAX_SAMPLE_COUNT = 1_000_000;

    /**
     * The longest latency read, in milliseconds (about 11.6 days): JMeter's {@code elapsed}, k6's
     * {@code http_req_duration}, the response times of Locust's JSON report. Longer is no request but a damaged or
     * hostile file (in microseconds it would also overflow the sums), so beyond it the file fails naming the line.
     */
    public static final long MAX_LATENCY_MS = 1_000_000_000L;

    /** The most failure kinds kept per endpoint; the rest are counted as {@code (other failure kinds)}. */
    public static final int MAX_FAILURE_KINDS = 50;

    /**
     * The longest endpoint name, in characters. A longer one is shortened to its beginning, {@code …} and eight
     * hex digits of its SHA-256, so distinct names stay distinct; the same holds for the three limits below.
     */
    public static final int MAX_ENDPOINT_NAME = 500;

    /** The longest service name, in characters; shortened as {@link #MAX_ENDPOINT_NAME} says. */
    public static final int MAX_SERVICE_NAME = 200;

    /** The longest request method, in characters; shortened as {@link #MAX_ENDPOINT_NAME} says. */
    public static final int MAX_METHOD_NAME = 50;

    /** The longest failure kind (an error message), in characters; shortened as {@link #MAX_ENDPOINT_NAME} says. */
    public static final int MAX_FAILURE_KIND_NAME = 500;

    /**
     * The most warnings kept for one file (problems that do not stop the reading): a damaged file can have one on
     * every line, so the rest are counted in one more line instead of printed.
     */
    public static final int MAX_WARNINGS_PER_FILE = 50;

    private ReadLimits() {
    }
}

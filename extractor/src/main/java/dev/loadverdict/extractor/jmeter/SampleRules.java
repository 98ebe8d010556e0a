package dev.loadverdict.extractor.jmeter;

import java.nio.charset.StandardCharsets;

/**
 * How loadverdict counts JMeter samples, the same way for CSV and XML results, and what it takes from a
 * sample's text fields.
 *
 * <h2>Counting rule (matches JMeter's HTML dashboard defaults)</h2>
 * JMeter's dashboard ({@code org.apache.jmeter.report.processor.StatisticsSummaryConsumer}, JMeter 3.0 to
 * 5.6) reads every CSV row as a sample of its own label; with the default empty
 * {@code jmeter.reportgenerator.sample_filter} no row is filtered by name. So:
 * <ul>
 *   <li>every row counts for its own label, including the sub-results JMeter writes after their parent
 *       ({@code label-0}, {@code label-1} for redirects and embedded resources) and transaction-controller
 *       samples;</li>
 *   <li>an <em>empty</em> transaction-controller sample (response message starting with
 *       {@value #EMPTY_TRANSACTION}) counts nowhere;</li>
 *   <li>the totals ({@code Total} in the dashboard; the service and run totals here) leave out
 *       transaction-controller samples (response message starting with {@value #TRANSACTION}), because the
 *       requests they contain are counted themselves. Sub-results stay in the totals, as in the
 *       dashboard. When a file holds nothing but transaction-controller samples, they make the totals.</li>
 * </ul>
 * Without a response message (the column switched off) a transaction controller cannot be recognised and
 * counts like any sample.
 *
 * <p>XML results nest sub-samples inside their parent instead of writing them as rows; see
 * {@link JtlXmlFormat} for how nesting maps onto this rule.
 */
final class SampleRules {

    /** The response message of a transaction controller's sample starts with this. */
    static final String TRANSACTION = "Number of samples in transaction";
    /** ... and of one that contained no sample at all. */
    static final String EMPTY_TRANSACTION = "Number of samples in transaction : 0";

    private static final String NON_HTTP_CODE = "Non HTTP response code";

    private SampleRules() {
    }

    static boolean isTransaction(String responseMessage) {
        return responseMessage != null && responseMessage.startsWith(TRANSACTION);
    }

    static boolean isEmptyTransaction(String responseMessage) {
        return responseMessage != null && responseMessage.startsWith(EMPTY_TRANSACTION);
    }

    /**
     * Why a sample failed: the assertion failure message when there is one; else a non-HTTP response code
     * alone ({@code Non HTTP response code: java.net.UnknownHostException}: its message repeats host names,
     * which would split one kind into many); else code and message ({@code 500 Internal Server Error}).
     * Null when the sample says nothing.
     */
    static String failureKind(String failureMessage, String responseCode, String responseMessage) {
        if (failureMessage != null && !failureMessage.isBlank()) {
            return failureMessage.strip();
        }
        String code = responseCode == null ? "" : responseCode.strip();
        if (code.startsWith(NON_HTTP_CODE)) {
            return code;
        }
        String message = responseMessage == null ? "" : responseMessage.strip();
        String kind = code.isEmpty() ? message : message.isEmpty() ? code : code + " " + message;
        return kind.isEmpty() ? null : kind;
    }

    /**
     * The thread group of a JMeter thread name: JMeter names threads {@code "<group> <g>-<t>"}
     * ({@code Thread Group 1-5}), so the group is the text before the last {@code " N-M"}. A name of
     * another shape is its own group; an empty name has none (null).
     */
    static String threadGroup(String threadName) {
        if (threadName == null || threadName.isEmpty()) {
            return null;
        }
        byte[] bytes = threadName.getBytes(StandardCharsets.UTF_8);
        int end = threadGroupEnd(bytes, 0, bytes.length);
        return end == bytes.length ? threadName : new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * Where the thread-group part of the UTF-8 text {@code text[start, end)} ends (see {@link #threadGroup}):
     * before a trailing {@code " digits-digits"}, else at {@code end}. Spaces and digits are ASCII, so the
     * result is a character boundary.
     */
    static int threadGroupEnd(byte[] text, int start, int end) {
        int i = end - 1;
        int threadDigits = 0;
        while (i > start && isDigit(text[i])) {
            i--;
            threadDigits++;
        }
        if (threadDigits == 0 || i <= start || text[i] != '-') {
            return end;
        }
        i--;
        int groupDigits = 0;
        while (i > start && isDigit(text[i])) {
            i--;
            groupDigits++;
        }
        return groupDigits > 0 && i > start && text[i] == ' ' ? i : end;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}

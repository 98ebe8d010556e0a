package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.model.InputException;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.ArrayDeque;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Streams the samples out of a JMeter XML result file with StAX. DTDs are refused and external entities
 * never resolved. Only the attributes, the URL and the first failed assertion's message of each sample
 * are kept; response data and headers are skipped without being held. A file that ends before
 * {@code </testResults>} (JMeter stopped, or the file read while still written) yields its complete
 * samples and a warning.
 */
final class XmlSamples {

    static final String ROOT = "testResults";
    private static final int MAX_TEXT = 1 << 14;
    private static final int LABEL_CACHE_LIMIT = 1 << 12;
    private static final Map<String, JtlColumn> ATTRIBUTES = new HashMap<>();

    static {
        for (JtlColumn c : JtlColumn.values()) {
            if (c.attribute() != null) {
                ATTRIBUTES.put(c.attribute(), c);
            }
        }
    }

    private final String file;
    private final boolean countNested;
    private final SampleRecorder recorder;
    private final Map<LabelKey, RequestLabels> labels = new HashMap<>();
    private final RawLabels rawLabels = new RawLabels();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private long skipped;
    /** Whether a nested sample was recorded since the scanner last stood between top-level elements. */
    boolean nestedRecorded;
    private long firstSkippedLine;

    XmlSamples(String file, boolean countNested, SampleRecorder recorder) {
        this.file = file;
        this.countNested = countNested;
        this.recorder = recorder;
    }

    /** Reads every sample of the document into the recorder. */
    void read(Reader input) {
        EofTrackingReader reader = new EofTrackingReader(input);
        XMLStreamReader xml;
        try {
            xml = factory().createXMLStreamReader(reader);
        } catch (XMLStreamException e) {
            throw new InputException(file, OptionalLong.empty(), "cannot be read as XML: " + e.getMessage(), e);
        }
        boolean rootClosed = false;
        try {
            while (xml.hasNext() && !rootClosed) {
                switch (xml.next()) {
                    case XMLStreamConstants.DTD -> throw new InputException(file, xml.getLocation().getLineNumber(),
                            "has a DOCTYPE declaration; JMeter never writes one and loadverdict refuses DTDs in result"
                                    + " files, so no entity in it is expanded or fetched");
                    case XMLStreamConstants.START_ELEMENT -> start(xml);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text(xml);
                    case XMLStreamConstants.END_ELEMENT -> rootClosed = end();
                    default -> {
                        // comments, processing instructions: nothing to read
                    }
                }
            }
        } catch (XMLStreamException e) {
            broken(e, xml, reader);
        } catch (WstxLazyException e) {
            // Woodstox parses text lazily: an error in it (an undeclared entity) surfaces when the text is read,
            // unchecked (found by fuzzing)
            broken(e.getCause() instanceof XMLStreamException x ? x : new XMLStreamException(e.getMessage()), xml, reader);
        } finally {
            close(xml);
        }
        if (skipped > 0) {
            recorder.warn(firstSkippedLine, "skipped " + skipped + " element(s) under <" + ROOT
                    + "> that are no samples (no label)");
        }
    }

    /**
     * Reads the samples with {@link JtlXmlScanner} as far as it vouches for the input: null when it read the whole
     * document, else where it stopped (see {@link JtlXmlScanner.Stop}).
     */
    JtlXmlScanner.Stop readFast(InputStream input) {
        return new JtlXmlScanner(input, this).scan();
    }

    /**
     * Reads one part of a file cut at line starts with {@link JtlXmlScanner#part}: whether the scanner vouched for all
     * of it (false: the file is to be read whole).
     */
    boolean readPart(InputStream input, boolean first, boolean last) {
        return JtlXmlScanner.part(input, this, first, last).scan() == null;
    }

    /** Starts a part of a file that begins inside the root element, between two top-level elements. */
    void insideRoot() {
        stack.push(new Frame(Kind.ROOT, -1));
    }

    /**
     * The rest of the input from where the scanner stopped, as StAX is to read it: the root's start tag, as many line
     * feeds as the skipped part has (so that StAX numbers lines as in the whole file), then the text from the stop on.
     * Null when the skipped part has a carriage return not followed by a line feed (a line break that StAX counts and a
     * line feed count would not).
     *
     * @param bytes the input from its start; it is read up to the stop
     */
    static Reader resume(InputStream bytes, JtlXmlScanner.Stop stop) throws IOException {
        long lineFeeds = lineFeeds(bytes, stop.offset());
        if (lineFeeds < 0) {
            return null;
        }
        String root = new String(stop.rootTag(), StandardCharsets.UTF_8);
        long rootFeeds = root.chars().filter(c -> c == '\n').count();
        Reader rest = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        return new PrefixedReader(root, lineFeeds - rootFeeds, rest);
    }

    /**
     * The line feeds in the first {@code length} bytes, or -1 when they hold a carriage return without a line feed
     * after it, or end early. One loop for all of it: the launcher's JIT settings compile a method called often late.
     */
    private static long lineFeeds(InputStream bytes, long length) throws IOException {
        byte[] chunk = new byte[1 << 20];
        long lineFeeds = 0;
        long left = length;
        byte last = 0;
        while (left > 0) {
            int n = bytes.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (n < 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (last == '\r' && b != '\n') {
                    return -1;
                }
                lineFeeds += b == '\n' ? 1 : 0;
                last = b;
            }
            left -= n;
        }
        // the stop comes after a '>', so a return right before it is alone
        return last == '\r' ? -1 : lineFeeds;
    }

    /** Text, then {@code lineFeeds} line feeds, then a reader. */
    private static final class PrefixedReader extends FilterReader {
        private final String text;
        private int at;
        private long lineFeeds;

        PrefixedReader(String text, long lineFeeds, Reader rest) {
            super(rest);
            this.text = text;
            this.lineFeeds = lineFeeds;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (at < text.length()) {
                int n = Math.min(length, text.length() - at);
                text.getChars(at, at + n, buffer, offset);
                at += n;
                return n;
            }
            if (lineFeeds > 0) {
                int n = (int) Math.min(length, lineFeeds);
                Arrays.fill(buffer, offset, offset + n, '\n');
                lineFeeds -= n;
                return n;
            }
            return super.read(buffer, offset, length);
        }
    }

    /** Broken XML, an error naming the line; or, at the end of the file, a truncated one, a warning. */
    private void broken(XMLStreamException e, XMLStreamReader xml, EofTrackingReader reader) {
        // a limit Woodstox enforces comes without a location: where the reader stands is where it broke
        long line = e.getLocation() != null ? e.getLocation().getLineNumber() : xml.getLocation().getLineNumber();
        // truncated: the parser ran out of input inside the document, on (or right after) its last line
        if (stack.isEmpty() || !reader.reachedEnd() || line < reader.lastLine() - 1) {
            throw new InputException(file, line > 0 ? OptionalLong.of(line) : OptionalLong.empty(),
                    "broken XML: " + message(e), e);
        }
        recorder.warn(line, "truncated: the file ends before </" + ROOT + "> (" + message(e)
                + "), probably because JMeter was stopped or still writing it; its complete samples were read");
    }

    /**
     * Woodstox, with limits the JDK's parser lacks: an attribute value holds at most {@value ReadLimits#MAX_XML_ATTRIBUTE}
     * characters (the JDK's parser would hold a 2 GiB one in memory); at most {@value ReadLimits#MAX_XML_ATTRIBUTES}
     * attributes an element and {@value ReadLimits#MAX_XML_DEPTH} levels of nesting. Text, such as saved response data, is delivered in segments and never held whole.
     */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, ReadLimits.MAX_XML_ATTRIBUTE);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, ReadLimits.MAX_XML_ATTRIBUTES);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, ReadLimits.MAX_XML_DEPTH);
        return factory;
    }

    private void start(XMLStreamReader xml) {
        start(xml.getLocalName(), xml.getLocation().getLineNumber(), new StaxTag(xml));
    }

    /**
     * Handles a start tag named {@code name} on {@code line} (-1 when the reader does not count lines); {@code tag}
     * gives its attributes.
     */
    void start(String name, long line, StartTag tag) {
        if (stack.isEmpty()) {
            if (!name.equals(ROOT)) {
                throw new InputException(file, line, "the root element is <" + name + ">, not JMeter's <" + ROOT + ">");
            }
            stack.push(new Frame(Kind.ROOT, line));
            return;
        }
        Frame top = stack.peek();
        switch (top.kind) {
            case ROOT -> stack.push(tag.sample(line));
            case SAMPLE -> {
                if (name.equals("httpSample") || name.equals("sample") || tag.hasLabel()) {
                    top.hasChildSamples = true;
                    stack.push(tag.sample(line));
                } else if (top.fieldStyle && JtlColumn.ofField(name) != null) {
                    stack.push(Frame.text(top, JtlColumn.ofField(name).ordinal(), line));
                } else if (name.equals("java.net.URL")) {
                    stack.push(Frame.text(top, JtlColumn.URL.ordinal(), line));
                } else if (name.equals("assertionResult")) {
                    stack.push(new Frame(Kind.ASSERTION, line));
                } else {
                    stack.push(new Frame(Kind.OTHER, line));
                }
            }
            case ASSERTION -> stack.push(switch (name) {
                case "failure" -> Frame.text(top, Frame.ASSERTION_FAILURE, line);
                case "error" -> Frame.text(top, Frame.ASSERTION_ERROR, line);
                case "failureMessage" -> Frame.text(top, Frame.ASSERTION_MESSAGE, line);
                default -> new Frame(Kind.OTHER, line);
            });
            default -> stack.push(new Frame(Kind.OTHER, line));
        }
    }

    /** What {@link #start} needs of a start tag's attributes. */
    interface StartTag {
        /** Whether the tag has an {@code lb} attribute. */
        boolean hasLabel();

        /** A sample frame holding the tag's attributes. */
        Frame sample(long line);
    }

    /** The start tag StAX stands on. */
    private record StaxTag(XMLStreamReader xml) implements StartTag {
        @Override
        public boolean hasLabel() {
            return xml.getAttributeValue(null, "lb") != null;
        }

        @Override
        public Frame sample(long line) {
            Frame frame = new Frame(Kind.SAMPLE, line);
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                JtlColumn column = ATTRIBUTES.get(xml.getAttributeLocalName(i));
                if (column != null) {
                    frame.values[column.ordinal()] = xml.getAttributeValue(i);
                }
            }
            frame.fieldStyle = frame.values[JtlColumn.LABEL.ordinal()] == null;
            return frame;
        }
    }

    private void text(XMLStreamReader xml) {
        text(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
    }

    /** Text of the innermost open element: kept when it is one whose text is a value (at most {@value #MAX_TEXT} chars). */
    void text(char[] chars, int start, int length) {
        Frame top = stack.peek();
        if (top != null && top.kind == Kind.TEXT && top.text.length() < MAX_TEXT) {
            top.text.append(chars, start, Math.min(length, MAX_TEXT - top.text.length()));
        }
    }

    /** Whether the innermost open element is one whose text is kept. */
    boolean keepsText() {
        Frame top = stack.peek();
        return top != null && top.kind == Kind.TEXT;
    }

    /** Handles an end tag; true when it closes the root. */
    boolean end() {
        Frame frame = stack.pop();
        switch (frame.kind) {
            case ROOT -> {
                return true;
            }
            case TEXT -> {
                Frame target = frame.target;
                if (!target.has(frame.slot)) {
                    target.values[frame.slot] = frame.text.toString();
                }
            }
            case ASSERTION -> {
                // JMeter's CSV failureMessage column holds the first failed assertion's message: the same here
                Frame sample = stack.peek();
                String failureMessage = frame.values[Frame.ASSERTION_MESSAGE];
                boolean failed = "true".equals(strip(frame.values[Frame.ASSERTION_FAILURE]))
                        || "true".equals(strip(frame.values[Frame.ASSERTION_ERROR]));
                if (failed && failureMessage != null && !failureMessage.isBlank()
                        && sample.values[JtlColumn.FAILURE_MESSAGE.ordinal()] == null) {
                    sample.values[JtlColumn.FAILURE_MESSAGE.ordinal()] = failureMessage;
                }
            }
            case SAMPLE -> complete(frame, stack.peek().kind == Kind.ROOT);
            default -> {
                // nothing kept
            }
        }
        return false;
    }

    private void complete(Frame sample, boolean topLevel) {
        if (!topLevel && !countNested) {
            return;
        }
        if (!sample.has(JtlColumn.LABEL.ordinal())) {
            if (sample.line < 0) {
                throw new JtlXmlScanner.Unsupported("a sample without label, whose line the warning names");
            }
            if (skipped++ == 0) {
                firstSkippedLine = sample.line;
            }
            return;
        }
        if (sample.startsWith(JtlColumn.RESPONSE_MESSAGE, SampleRules.EMPTY_TRANSACTION)) {
            return;
        }
        long elapsed = number(sample, JtlColumn.ELAPSED, true);
        long start = number(sample, JtlColumn.TIMESTAMP, true);
        boolean ok = outcome(sample);
        long threads = number(sample, JtlColumn.ALL_THREADS, false);
        if (threads >= 0) {
            recorder.threads(threads);
        }
        long count = number(sample, JtlColumn.SAMPLE_COUNT, false);
        long errors = number(sample, JtlColumn.ERROR_COUNT, false);
        boolean containedCounted = countNested || !sample.hasChildSamples;
        boolean outsideTotals = containedCounted && sample.startsWith(JtlColumn.RESPONSE_MESSAGE, SampleRules.TRANSACTION);
        String kind = ok ? null : SampleRules.failureKind(sample.get(JtlColumn.FAILURE_MESSAGE),
                sample.get(JtlColumn.RESPONSE_CODE), sample.get(JtlColumn.RESPONSE_MESSAGE));
        recorder.record(labels(sample), start, elapsed, ok, kind, outsideTotals, count < 0 ? 1 : count, errors,
                sample.line);
        nestedRecorded |= !topLevel;
    }

    /** The sample's {@code s}: true or false, ignoring case and surrounding blanks; else an error. */
    private boolean outcome(Frame sample) {
        int exact = sample.bool(JtlColumn.SUCCESS);
        if (exact >= 0) {
            return exact == 1;
        }
        String outcome = strip(sample.get(JtlColumn.SUCCESS));
        if (!"true".equalsIgnoreCase(outcome) && !"false".equalsIgnoreCase(outcome)) {
            throw new InputException(file, sample.line, "sample '" + Messages.shorten(sample.get(JtlColumn.LABEL)) + "': "
                    + name(JtlColumn.SUCCESS) + (outcome == null ? " is missing"
                    : " is neither true nor false: \"" + Messages.shorten(outcome) + "\""));
        }
        return "true".equalsIgnoreCase(outcome);
    }

    private RequestLabels labels(Frame sample) {
        String url = sample.has(JtlColumn.URL.ordinal()) ? strip(sample.get(JtlColumn.URL)) : null;
        String u = url == null || url.isEmpty() || url.equals("null") ? null : url;
        if (sample.raw != null && !sample.fieldStyle) { // label and thread name are attributes, not fields
            RequestLabels cached = rawLabels.get(sample, u);
            if (cached != null) {
                return cached;
            }
            return rawLabels.put(sample, u, labels(sample.get(JtlColumn.LABEL), u, sample.get(JtlColumn.THREAD_NAME)));
        }
        return labels(sample.get(JtlColumn.LABEL), u, sample.get(JtlColumn.THREAD_NAME));
    }

    private RequestLabels labels(String label, String u, String threadName) {
        LabelKey key = new LabelKey(label, u, SampleRules.threadGroup(threadName));
        RequestLabels cached = labels.get(key);
        if (cached != null) {
            return cached;
        }
        RequestLabels fresh = new RequestLabels(null, key.label, key.url, key.group, null, Map.of());
        if (labels.size() < LABEL_CACHE_LIMIT) {
            labels.put(key, fresh);
        }
        return fresh;
    }

    /** A whole-number field, or -1 when it is absent and not required. */
    private long number(Frame sample, JtlColumn column, boolean required) {
        long digits = sample.digits(column);
        if (digits >= 0) {
            return digits;
        }
        String text = strip(sample.get(column));
        if (text == null || text.isEmpty()) {
            if (required) {
                throw new InputException(file, sample.line, "sample '" + Messages.shorten(sample.get(JtlColumn.LABEL)) + "' has no "
                        + name(column) + ": JMeter was configured not to save it, and loadverdict needs the start and"
                        + " response time of every sample (see jmeter.save.saveservice.* in jmeter.properties)");
            }
            return -1;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InputException(file, sample.line, "sample '" + Messages.shorten(sample.get(JtlColumn.LABEL)) + "': "
                    + name(column) + " is not a whole number: \"" + Messages.shorten(text) + "\"");
        }
    }

    private static String name(JtlColumn column) {
        return column.attribute() != null ? "'" + column.attribute() + "' (" + column.header() + ")"
                : "'" + column.header() + "'";
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }


    private static String message(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int detail = m.indexOf("Message: ");
        m = (detail >= 0 ? m.substring(detail + "Message: ".length()) : m).strip();
        int location = m.indexOf("\n at [row,col"); // Woodstox appends where; the message names the line already
        return (location >= 0 ? m.substring(0, location) : m).strip();
    }

    private static void close(XMLStreamReader xml) {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing the parser releases no resource of ours: the caller closes the reader
        }
    }

    enum Kind { ROOT, SAMPLE, ASSERTION, TEXT, OTHER }

    /**
     * An open element and what is kept of it: a sample's values by {@link JtlColumn} ordinal, an assertion's
     * three values, or the text collected for one value of the frame below. A sample read by {@link JtlXmlScanner}
     * keeps its start tag's bytes instead and decodes a value when it is asked for as a string.
     */
    static final class Frame {
        static final int ASSERTION_FAILURE = 0;
        static final int ASSERTION_ERROR = 1;
        static final int ASSERTION_MESSAGE = 2;
        private static final int COLUMNS = JtlColumn.values().length;

        final Kind kind;
        final long line;
        final String[] values;
        boolean fieldStyle;
        boolean hasChildSamples;
        Frame target;
        int slot;
        StringBuilder text;
        /** The scanner's start tag bytes, null for StAX. */
        byte[] raw;
        /** Where each attribute value lies in {@link #raw}: from at 2 × ordinal, to after it, for those present. */
        int[] ranges;
        /** The columns (bit by ordinal) the start tag has. */
        long present;
        /** Whether a value was decoded into {@link #values}. */
        private boolean decoded;
        /** The columns (bit by ordinal) whose raw value holds a reference or a non-ASCII byte. */
        long escaped;

        Frame(Kind kind, long line) {
            this.kind = kind;
            this.line = line;
            this.values = kind == Kind.SAMPLE ? new String[COLUMNS]
                    : kind == Kind.ASSERTION ? new String[3] : null;
        }

        /** A sample frame of the scanner, over {@code raw}; {@code reused}, emptied, when given. */
        static Frame raw(Frame reused, byte[] raw, int[] ranges, long present, long escaped) {
            Frame frame = reused != null ? reused : new Frame(Kind.SAMPLE, -1);
            if (frame.decoded) {
                Arrays.fill(frame.values, null);
                frame.decoded = false;
            }
            frame.hasChildSamples = false;
            frame.raw = raw;
            frame.ranges = ranges;
            frame.present = present;
            frame.escaped = escaped;
            frame.fieldStyle = (present & 1L << JtlColumn.LABEL.ordinal()) == 0;
            return frame;
        }

        /** Collects the text of an element into {@code target.values[slot]}. */
        static Frame text(Frame target, int slot, long line) {
            Frame frame = new Frame(Kind.TEXT, line);
            frame.target = target;
            frame.slot = slot;
            frame.text = new StringBuilder();
            return frame;
        }

        boolean has(int slot) {
            return values[slot] != null || inRaw(slot);
        }

        private boolean inRaw(int slot) {
            return raw != null && slot < COLUMNS && (present >>> slot & 1) != 0;
        }

        String get(JtlColumn c) {
            int o = c.ordinal();
            String value = values[o];
            if (value == null && inRaw(o)) {
                value = JtlXmlScanner.decode(raw, ranges[2 * o], ranges[2 * o + 1], (escaped >>> o & 1) != 0);
                values[o] = value;
                decoded = true;
            }
            return value;
        }

        /** Whether the value is there and starts with the ASCII {@code prefix}. */
        boolean startsWith(JtlColumn c, String prefix) {
            int o = c.ordinal();
            if (values[o] == null && inRaw(o) && (escaped >>> o & 1) == 0) {
                return JtlXmlScanner.startsWith(raw, ranges[2 * o], ranges[2 * o + 1], prefix);
            }
            String value = get(c);
            return value != null && value.startsWith(prefix);
        }

        /** The value read straight from the bytes when it is 1 to 18 ASCII digits; else -1. */
        long digits(JtlColumn c) {
            int o = c.ordinal();
            return values[o] == null && inRaw(o) ? JtlXmlScanner.digits(raw, ranges[2 * o], ranges[2 * o + 1]) : -1;
        }

        /** 1 for exactly {@code true}, 0 for exactly {@code false} in the bytes; else -1. */
        int bool(JtlColumn c) {
            int o = c.ordinal();
            return values[o] == null && inRaw(o) ? JtlXmlScanner.bool(raw, ranges[2 * o], ranges[2 * o + 1]) : -1;
        }
    }

    private record LabelKey(String label, String url, String group) {
    }

    /** Remembers whether the input was read to its end and how many lines it has, to tell truncation from damage. */
    private static final class EofTrackingReader extends FilterReader {
        private boolean end;
        private long newlines;

        EofTrackingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            end |= c < 0;
            if (c == '\n') {
                newlines++;
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            end |= n < 0;
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\n') {
                    newlines++;
                }
            }
            return n;
        }

        boolean reachedEnd() {
            return end;
        }

        /** The number of the input's last line (a final line break starts an empty last line). */
        long lastLine() {
            return newlines + 1;
        }
    }
}

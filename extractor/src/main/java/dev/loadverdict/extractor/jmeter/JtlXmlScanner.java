package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.model.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the XML that JMeter writes, straight from its UTF-8 bytes, into {@link XmlSamples}' handling of start tags,
 * text and end tags, with no string made for a value that is not needed and numbers read from the bytes.
 *
 * <p><b>Why not only StAX</b>: with Woodstox a 256 MB JTL took 4.4-5.4 s (about 59 MB/s); the profile showed most of
 * the time in Woodstox's attribute and name parsing and the strings made for every attribute of every sample
 * (JMeter writes about ten a sample), not in what loadverdict does with them. No StAX parser can hand out attribute
 * values without making strings.
 *
 * <p><b>A strict subset, else StAX</b>: the scanner accepts only documents it understands completely and whose
 * reading by StAX it knows to the letter: an optional XML 1.0 declaration (UTF-8), then {@code <testResults>}
 * holding elements with attributes and text; references only to the five predefined entities and to characters
 * allowed in XML 1.0; names of ASCII letters, digits, {@code _ - .}; no namespace prefix. It throws
 * {@link Unsupported} at anything else: a DOCTYPE, a comment, a processing instruction, CDATA, a character XML
 * forbids, {@code ]]>} in text, tab or line breaks in an attribute value (StAX normalises them), a malformed or
 * unusual UTF-8 sequence in a value it decodes, a duplicate attribute, a tag over {@value #MAX_TAG} bytes, more
 * than {@value ReadLimits#MAX_XML_ATTRIBUTES} attributes, nesting near {@value ReadLimits#MAX_XML_DEPTH} levels,
 * mismatched or missing end tags, the end of the input inside the document (a truncated file), and anything
 * {@link XmlSamples} reports (an error, or a warning that names a line, which the scanner does not count). StAX
 * then reads on from the end of the last top-level element the scanner completed ({@link Stop}), after the root's
 * start tag and as many line feeds as the skipped part holds, so that it reports the same lines; or, when a nested
 * sample of the unfinished element was recorded already or the skipped part has a lone carriage return, StAX reads
 * the whole file again into a fresh recorder. Either way the samples, errors and warnings are those of StAX alone. A
 * truncated file (JMeter stopped) is thus read by the scanner up to its last complete sample. Whatever the scanner
 * accepts is well-formed XML, so there is nothing to expand and nothing to fetch.
 */
final class JtlXmlScanner implements XmlSamples.StartTag {

    /** The input is outside the subset the scanner vouches for; read it with StAX. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    private static final int BUFFER = 1 << 16;
    /** The longest start tag read: below Woodstox's limit of one attribute value ({@link ReadLimits#MAX_XML_ATTRIBUTE}). */
    static final int MAX_TAG = 1 << 19;
    /** The most bytes of one text kept (at least {@link XmlSamples}' limit in characters: a character takes at most 12). */
    private static final int MAX_KEPT_TEXT = 12 * (1 << 14) + 16;
    private static final int COLUMNS = JtlColumn.values().length;
    /** The name of the root element, the only one a part after the first starts in. */
    private static final byte[] ROOT = XmlSamples.ROOT.getBytes(StandardCharsets.US_ASCII);
    /** Bytes that end a run of plain bytes in an attribute value: quotes, {@code & <}, controls, non-ASCII. */
    private static final boolean[] VALUE_STOP = new boolean[256];
    /** Bytes that end a run of plain bytes in text: {@code < & >}, controls but tab and line feed, 0xEF. */
    private static final boolean[] TEXT_STOP = new boolean[256];
    private static final boolean[] NAME_START = new boolean[256];
    private static final boolean[] NAME = new boolean[256];
    /** The column of an attribute name of one to three ASCII bytes, by {@link #key}; -1 for none. */
    private static final int[] ATTRIBUTE_KEYS = new int[256];
    private static final int[] ATTRIBUTE_COLUMNS = new int[256];

    static {
        for (int b = 0; b < 256; b++) {
            VALUE_STOP[b] = b < 0x20 || b >= 0x80 || b == '"' || b == '\'' || b == '&' || b == '<';
            TEXT_STOP[b] = (b < 0x20 && b != '\t' && b != '\n') || b == 0xEF || b == '<' || b == '&' || b == '>';
            NAME_START[b] = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_';
            NAME[b] = NAME_START[b] || b >= '0' && b <= '9' || b == '-' || b == '.';
        }
        Arrays.fill(ATTRIBUTE_KEYS, -1);
        for (JtlColumn c : JtlColumn.values()) {
            if (c.attribute() != null) {
                byte[] name = c.attribute().getBytes(StandardCharsets.US_ASCII);
                int key = key(name, 0, name.length);
                int slot = slot(key);
                while (ATTRIBUTE_KEYS[slot] >= 0) {
                    slot = (slot + 1) & 255;
                }
                ATTRIBUTE_KEYS[slot] = key;
                ATTRIBUTE_COLUMNS[slot] = c.ordinal();
            }
        }
    }

    private final InputStream in;
    private final XmlSamples samples;
    /** Whether the input is a part of a file that starts inside the root, at a top-level element (see {@link #part}). */
    private final boolean insideRoot;
    /** Whether the input is a part of a file that ends at a cut, between top-level elements (see {@link #part}). */
    private final boolean endsAtCut;
    /** How many bytes of the input lie before {@code buffer[0]}. */
    private long consumed;
    /**
     * Where the input's last stretch of the root's start and complete top-level elements ends (see {@link #stop}), -1
     * before the root's start tag is read; and that tag.
     */
    private long topLevel = -1;
    private byte[] rootTag;
    private byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    /** The names of the open elements, innermost last. */
    private byte[][] open = new byte[16][];
    private int depth;
    private final Names names = new Names();
    /**
     * The tag being read: its bytes {@code buffer[tagStart, tagEnd)}, where its values lie, which columns it has and
     * which of them are escaped (bits by ordinal).
     */
    private int tagStart;
    private int tagEnd;
    private final int[] ranges = new int[2 * COLUMNS];
    private long present;
    private long escaped;
    private boolean selfClosing;
    /** The frame of every self-closing sample (completed at once, so never two at a time). */
    private XmlSamples.Frame selfClosed;
    /** Names of attributes that are no column, as pairs of from and to in the buffer, to find duplicates. */
    private int[] others = new int[16];
    private int otherCount;
    /** The raw bytes of the text being kept for the innermost element. */
    private byte[] kept = new byte[256];
    private int keptLength;

    JtlXmlScanner(InputStream in, XmlSamples samples) {
        this(in, samples, false, false);
    }

    private JtlXmlScanner(InputStream in, XmlSamples samples, boolean insideRoot, boolean endsAtCut) {
        this.in = in;
        this.samples = samples;
        this.insideRoot = insideRoot;
        this.endsAtCut = endsAtCut;
    }

    /**
     * A scanner of one part of a file cut at line starts (see {@code SplitReading}). A part after the first starts in
     * the state the whole file's reading is in between two top-level elements: inside {@code <testResults>}, no other
     * element open, no text kept. A part before the last must end in that state too, with every byte read, so the
     * reading of the part before a cut vouches for the state the part after it assumed; it may not close the root (the
     * whole file's reading stops there, and would not read the parts after). Anything else is {@link Unsupported}, and
     * the file is read whole instead.
     */
    static JtlXmlScanner part(InputStream in, XmlSamples samples, boolean first, boolean last) {
        return new JtlXmlScanner(in, samples, !first, !last);
    }

    /**
     * Where the scanner stopped at something it does not vouch for: {@code offset} bytes into the input lie the root's
     * start tag {@code rootTag} and complete top-level elements, all of them read into the recorder; StAX can read on
     * from there (see {@link XmlSamples#resume}). An offset of -1: the recorder must be dropped and the whole input read
     * with StAX (the stop came before the root's start tag, or after a nested sample of an unfinished top-level
     * element was recorded).
     */
    record Stop(long offset, byte[] rootTag, String why) {
    }

    /** Reads the document to the end of its root element: null, or where and why it stopped. */
    Stop scan() {
        try {
            read();
            return null;
        } catch (Unsupported | InputException e) {
            boolean clean = topLevel >= 0 && !samples.nestedRecorded;
            return new Stop(clean ? topLevel : -1, rootTag, e.getMessage());
        }
    }

    /** Reads the document to the end of its root element, or its part (see {@link #part}) to its end. */
    private void read() {
        fill(0);
        if (insideRoot) {
            samples.insideRoot();
            open[depth++] = ROOT;
            text();
        } else {
            root();
        }
        while (true) {
            if (!ensure(2)) {
                if (endsAtCut && depth == 1 && pos == limit) {
                    return; // the part ends between top-level elements
                }
                throw new Unsupported("the input ends inside the document");
            }
            byte next = buffer[pos + 1];
            boolean rootClosed;
            if (next == '/') {
                rootClosed = endTag();
            } else if (NAME_START[next & 0xFF]) {
                rootClosed = startTag();
            } else {
                throw new Unsupported("a comment, processing instruction, CDATA section or stray '<'");
            }
            if (rootClosed) {
                if (endsAtCut) {
                    throw new Unsupported("the root ends before the part does");
                }
                return;
            }
            text();
        }
    }

    /** Reads the declaration, if any, and what comes before the root's start tag; stops at that tag. */
    private void root() {
        declaration();
        skipBlanks();
        if (pos >= limit) {
            throw new Unsupported("no root element");
        }
        if (buffer[pos] != '<' || !ensure(2) || !NAME_START[buffer[pos + 1] & 0xFF]) {
            throw new Unsupported("a comment, processing instruction, DOCTYPE or text before the root");
        }
    }

    // ---- the declaration

    private static final byte[] XML_DECLARATION = "<?xml".getBytes(StandardCharsets.US_ASCII);

    /** Skips {@code <?xml version="1.0" encoding="UTF-8" standalone="…"?>} at the start (encoding and standalone optional). */
    private void declaration() {
        if (!ensure(6) || !Arrays.equals(buffer, pos, pos + 5, XML_DECLARATION, 0, 5) || !blank(buffer[pos + 5])) {
            return;
        }
        int end = indexOf((byte) '>', pos, Math.min(limit, pos + 200));
        if (end < 0 || buffer[end - 1] != '?') {
            throw new Unsupported("an unusual XML declaration");
        }
        String text = new String(buffer, pos, end + 1 - pos, StandardCharsets.ISO_8859_1);
        if (!text.matches("<\\?xml\\s+version\\s*=\\s*(\"1\\.0\"|'1\\.0')"
                + "(\\s+encoding\\s*=\\s*(\"(?i:utf-8)\"|'(?i:utf-8)'))?"
                + "(\\s+standalone\\s*=\\s*(\"(yes|no)\"|'(yes|no)'))?\\s*\\?>")) {
            throw new Unsupported("an XML declaration other than version 1.0 in UTF-8");
        }
        pos = end + 1;
    }

    // ---- tags

    /** Reads the start tag at {@code pos} and hands it over; true when it is the root's and closes it too. */
    private boolean startTag() {
        while (!scanStartTag()) {
            if (!more()) {
                throw new Unsupported("the input ends inside a tag");
            }
        }
        int nameStart = tagStart + 1;
        int nameEnd = nameStart;
        while (NAME[buffer[nameEnd] & 0xFF]) {
            nameEnd++;
        }
        byte[] name = names.bytes(buffer, nameStart, nameEnd);
        if (depth >= ReadLimits.MAX_XML_DEPTH - 2) {
            throw new Unsupported("nesting near the depth limit");
        }
        pos = tagEnd;
        if (depth == 0) {
            rootTag = Arrays.copyOfRange(buffer, tagStart, tagEnd);
        }
        samples.start(names.string, -1, this);
        if (selfClosing) {
            boolean rootClosed = samples.end();
            if (depth == 1) {
                atTopLevel();
            }
            return rootClosed;
        }
        if (depth == open.length) {
            open = Arrays.copyOf(open, 2 * depth);
        }
        open[depth++] = name;
        if (depth == 1) {
            atTopLevel();
        }
        return false;
    }

    /** Notes that the input up to {@code pos} holds the root's start and complete top-level elements only. */
    private void atTopLevel() {
        topLevel = consumed + pos;
        samples.nestedRecorded = false;
    }

    /**
     * Reads the start tag at {@code pos} into {@link #ranges}: false when the buffer ends before the tag does.
     */
    private boolean scanStartTag() {
        byte[] b = buffer;
        int end = limit;
        tagStart = pos;
        present = 0;
        escaped = 0;
        otherCount = 0;
        int attributes = 0;
        int i = pos + 1;
        while (i < end && NAME[b[i] & 0xFF]) {
            i++;
        }
        while (true) {
            int beforeBlanks = i;
            while (i < end && blank(b[i])) {
                i++;
            }
            if (i >= end) {
                return false;
            }
            byte c = b[i];
            if (c == '>') {
                selfClosing = false;
                tagEnd = i + 1;
                return true;
            }
            if (c == '/') {
                if (i + 1 >= end) {
                    return false;
                }
                if (b[i + 1] != '>') {
                    throw new Unsupported("'/' not closing a tag");
                }
                selfClosing = true;
                tagEnd = i + 2;
                return true;
            }
            if (i == beforeBlanks || !NAME_START[c & 0xFF]) {
                throw new Unsupported("an attribute not after white space, or an unusual attribute name");
            }
            if (++attributes >= ReadLimits.MAX_XML_ATTRIBUTES) {
                throw new Unsupported("too many attributes");
            }
            int nameStart = i;
            while (i < end && NAME[b[i] & 0xFF]) {
                i++;
            }
            int nameEnd = i;
            while (i < end && blank(b[i])) {
                i++;
            }
            if (i >= end) {
                return false;
            }
            if (b[i] != '=') {
                throw new Unsupported("an attribute without '='");
            }
            i++;
            while (i < end && blank(b[i])) {
                i++;
            }
            if (i >= end) {
                return false;
            }
            byte quote = b[i];
            if (quote != '"' && quote != '\'') {
                throw new Unsupported("an unquoted attribute value");
            }
            int valueStart = ++i;
            boolean escapes = false;
            while (true) {
                while (i < end && !VALUE_STOP[b[i] & 0xFF]) {
                    i++;
                }
                if (i >= end) {
                    return false;
                }
                byte v = b[i];
                if (v == quote) {
                    break;
                }
                if (v == '"' || v == '\'') {
                    i++;
                } else if (v == '&') {
                    int after = reference(b, i, end, null);
                    if (after < 0) {
                        return false;
                    }
                    escapes = true;
                    i = after;
                } else if (v < 0) {
                    if (!plainNonAscii(b, i, end)) {
                        return false;
                    }
                    escapes = true;
                    i++;
                } else {
                    throw new Unsupported("'<', a tab, line break or control character in an attribute value");
                }
            }
            attribute(b, nameStart, nameEnd, valueStart, i, escapes);
            i++;
            if (i - pos > MAX_TAG) {
                throw new Unsupported("a tag longer than " + MAX_TAG + " bytes");
            }
        }
    }

    /** Notes one attribute: a column's value, or another name (checked against the other names for duplicates). */
    private void attribute(byte[] b, int nameStart, int nameEnd, int valueStart, int valueEnd, boolean escapes) {
        int column = column(b, nameStart, nameEnd);
        if (column >= 0) {
            if ((present & 1L << column) != 0) {
                throw new Unsupported("a duplicate attribute");
            }
            present |= 1L << column;
            ranges[2 * column] = valueStart;
            ranges[2 * column + 1] = valueEnd;
            if (escapes) {
                escaped |= 1L << column;
            }
            return;
        }
        if (nameEnd - nameStart >= 5 && b[nameStart] == 'x' && b[nameStart + 1] == 'm' && b[nameStart + 2] == 'l'
                && b[nameStart + 3] == 'n' && b[nameStart + 4] == 's') {
            throw new Unsupported("a namespace declaration");
        }
        for (int k = 0; k < otherCount; k += 2) {
            if (Arrays.equals(b, others[k], others[k + 1], b, nameStart, nameEnd)) {
                throw new Unsupported("a duplicate attribute");
            }
        }
        if (otherCount == others.length) {
            others = Arrays.copyOf(others, 2 * otherCount);
        }
        others[otherCount++] = nameStart;
        others[otherCount++] = nameEnd;
    }

    /** Reads the end tag at {@code pos}; true when it closes the root. */
    private boolean endTag() {
        int i;
        while (true) {
            i = pos + 2;
            while (i < limit && NAME[buffer[i] & 0xFF]) {
                i++;
            }
            int nameEnd = i;
            while (i < limit && blank(buffer[i])) {
                i++;
            }
            if (i < limit) {
                if (buffer[i] != '>' || depth == 0) {
                    throw new Unsupported("a malformed or unexpected end tag");
                }
                byte[] name = open[depth - 1];
                if (!Arrays.equals(buffer, pos + 2, nameEnd, name, 0, name.length)) {
                    throw new Unsupported("an end tag that does not match its start tag");
                }
                break;
            }
            if (i - pos > MAX_TAG || !more()) {
                throw new Unsupported("a long end tag, or the input ends inside one");
            }
        }
        pos = i + 1;
        depth--;
        boolean rootClosed = samples.end();
        if (depth == 1) {
            atTopLevel();
        }
        return rootClosed;
    }

    // ---- text

    /** Reads the text up to the next {@code <}, keeping it when the innermost element's text is a value. */
    private void text() {
        boolean keep = samples.keepsText();
        keptLength = 0;
        while (true) {
            byte[] b = buffer;
            int end = limit;
            int i = pos;
            while (true) {
                while (i < end && !TEXT_STOP[b[i] & 0xFF]) {
                    i++;
                }
                if (i >= end) {
                    break;
                }
                byte c = b[i];
                if (c == '<') {
                    break;
                }
                int after;
                if (c == '&') {
                    after = reference(b, i, end, null);
                } else if (c == '>') {
                    if (i - 2 < 0 || b[i - 1] == ']' && b[i - 2] == ']') {
                        throw new Unsupported("']]>' in text");
                    }
                    after = i + 1;
                } else if (c == '\r') {
                    after = i + 1;
                } else if (c == (byte) 0xEF) {
                    after = plainNonAscii(b, i, end) ? i + 1 : -1;
                } else {
                    throw new Unsupported("a control character in text");
                }
                if (after < 0) {
                    break; // a reference or sequence the buffer cuts: read on with more
                }
                i = after;
            }
            if (keep) {
                keep(b, pos, i);
            }
            pos = i;
            if (i < end && b[i] == '<') {
                if (keep) {
                    String text = decode(kept, 0, keptLength, true);
                    samples.text(text.toCharArray(), 0, text.length());
                }
                return;
            }
            if (!more()) {
                if (endsAtCut && depth == 1 && pos == limit) {
                    // all of the part is read, and it ends between top-level elements (pos == limit only defends:
                    // a part ends with a line feed, so bytes a reference left unread would be refused next anyway)
                    return;
                }
                throw new Unsupported("the input ends inside the document");
            }
        }
    }

    private void keep(byte[] b, int from, int to) {
        int length = to - from;
        if (keptLength + length > MAX_KEPT_TEXT) {
            throw new Unsupported("a long text kept as a value");
        }
        if (keptLength + length > kept.length) {
            kept = Arrays.copyOf(kept, Math.max(2 * kept.length, keptLength + length));
        }
        System.arraycopy(b, from, kept, keptLength, length);
        keptLength += length;
    }

    // ---- the tag's attributes, for XmlSamples

    @Override
    public boolean hasLabel() {
        return (present & 1L << JtlColumn.LABEL.ordinal()) != 0;
    }

    @Override
    public XmlSamples.Frame sample(long line) {
        if (selfClosing) {
            // completed before the next tag is read: one frame serves them all, over the buffer itself
            selfClosed = XmlSamples.Frame.raw(selfClosed, buffer, ranges, present, escaped);
            return selfClosed;
        }
        byte[] raw = Arrays.copyOfRange(buffer, tagStart, tagEnd);
        int[] shifted = ranges.clone();
        for (int k = 0; k < shifted.length; k++) {
            shifted[k] -= tagStart;
        }
        return XmlSamples.Frame.raw(null, raw, shifted, present, escaped);
    }

    // ---- values

    /**
     * The text of {@code raw[from, to)}: {@code escaped} when it may hold references, non-ASCII bytes or (in text)
     * carriage returns, which become line feeds as in any XML parser. Throws {@link Unsupported} when decoding finds
     * a malformed UTF-8 sequence or U+FFFD itself, where the reader's replacement and the scanner might differ.
     */
    static String decode(byte[] raw, int from, int to, boolean escaped) {
        if (!escaped) {
            return new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
        }
        StringBuilder text = new StringBuilder(to - from);
        int run = from;
        for (int i = from; i < to; i++) {
            byte c = raw[i];
            if (c == '&' || c == '\r') {
                utf8(raw, run, i, text);
                if (c == '&') {
                    i = reference(raw, i, to, text) - 1;
                } else {
                    text.append('\n');
                    if (i + 1 < to && raw[i + 1] == '\n') {
                        i++;
                    }
                }
                run = i + 1;
            }
        }
        utf8(raw, run, to, text);
        return text.toString();
    }

    private static void utf8(byte[] raw, int from, int to, StringBuilder text) {
        if (from < to) {
            String part = new String(raw, from, to - from, StandardCharsets.UTF_8);
            if (part.indexOf('\uFFFD') >= 0) {
                throw new Unsupported("malformed UTF-8, or U+FFFD");
            }
            text.append(part);
        }
    }

    /**
     * Checks the reference at {@code b[i] == '&'}: one of the five predefined entities or a character XML 1.0
     * allows, appended to {@code text} when given. Returns where it ends, -1 when {@code end} cuts it.
     */
    private static int reference(byte[] b, int i, int end, StringBuilder text) {
        int semicolon = -1;
        for (int k = i + 1; k < end && k <= i + 12; k++) {
            if (b[k] == ';') {
                semicolon = k;
                break;
            }
        }
        if (semicolon < 0) {
            if (end - i > 12) {
                throw new Unsupported("an unusual reference");
            }
            return -1;
        }
        int c = referenced(b, i + 1, semicolon);
        if (text != null) {
            text.appendCodePoint(c);
        }
        return semicolon + 1;
    }

    /** The character of the reference {@code &…;} whose inside is {@code b[from, to)}. */
    private static int referenced(byte[] b, int from, int to) {
        int length = to - from;
        if (length >= 2 && b[from] == '#') {
            boolean hex = b[from + 1] == 'x';
            int digits = from + (hex ? 2 : 1);
            if (to - digits < 1 || to - digits > 8) {
                throw new Unsupported("an unusual character reference");
            }
            int c = 0;
            for (int k = digits; k < to; k++) {
                int d = Character.digit(b[k], hex ? 16 : 10);
                if (d < 0 || b[k] < 0) {
                    throw new Unsupported("an unusual character reference");
                }
                c = c * (hex ? 16 : 10) + d;
            }
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
            if (!allowed) {
                throw new Unsupported("a reference to a character XML forbids");
            }
            return c;
        }
        if (is(b, from, to, "amp")) {
            return '&';
        } else if (is(b, from, to, "lt")) {
            return '<';
        } else if (is(b, from, to, "gt")) {
            return '>';
        } else if (is(b, from, to, "quot")) {
            return '"';
        } else if (is(b, from, to, "apos")) {
            return '\'';
        }
        throw new Unsupported("a reference to an entity that is not predefined");
    }

    private static boolean is(byte[] b, int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if (b[from + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the non-ASCII byte at {@code b[i]} may be passed over: false when {@code end} comes too soon to tell;
     * throws at U+FFFE and U+FFFF (EF BF BE, EF BF BF), which decode from any UTF-8 and which XML forbids.
     */
    private static boolean plainNonAscii(byte[] b, int i, int end) {
        if (b[i] != (byte) 0xEF) {
            return true;
        }
        if (i + 2 >= end) {
            return false;
        }
        if (b[i + 1] == (byte) 0xBF && (b[i + 2] == (byte) 0xBE || b[i + 2] == (byte) 0xBF)) {
            throw new Unsupported("U+FFFE or U+FFFF, which XML forbids");
        }
        return true;
    }

    /** Whether the plain ASCII bytes {@code raw[from, to)} start with {@code prefix}. */
    static boolean startsWith(byte[] raw, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (raw[from + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The number when {@code raw[from, to)} is 1 to 18 ASCII digits, else -1. */
    static long digits(byte[] raw, int from, int to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int k = from; k < to; k++) {
            int d = raw[k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** 1 when {@code raw[from, to)} is {@code true}, 0 when {@code false}, else -1. */
    static int bool(byte[] raw, int from, int to) {
        if (to - from == 4 && startsWith(raw, from, to, "true")) {
            return 1;
        }
        return to - from == 5 && startsWith(raw, from, to, "false") ? 0 : -1;
    }

    // ---- input

    private static boolean blank(byte b) {
        return b == ' ' || b == '\n' || b == '\t' || b == '\r';
    }

    private void skipBlanks() {
        while (true) {
            while (pos < limit && blank(buffer[pos])) {
                pos++;
            }
            if (pos < limit || !more()) {
                return;
            }
        }
    }

    private int indexOf(byte target, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == target) {
                return i;
            }
        }
        return -1;
    }

    /** Whether at least {@code n} bytes from {@code pos} are in the buffer, reading more when needed. */
    private boolean ensure(int n) {
        while (limit - pos < n) {
            if (!more()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads more input after {@code limit}, keeping the bytes from {@code pos} (and the two before it, which text
     * looks back at for {@code ]]>}): false at the end of the input.
     */
    private boolean more() {
        if (eof) {
            return false;
        }
        int keep = Math.max(0, pos - 2);
        consumed += keep;
        if (keep > 0) {
            System.arraycopy(buffer, keep, buffer, 0, limit - keep);
            pos -= keep;
            limit -= keep;
        } else if (limit == buffer.length) {
            if (buffer.length > MAX_TAG + BUFFER) {
                throw new Unsupported("a tag longer than " + MAX_TAG + " bytes");
            }
            buffer = Arrays.copyOf(buffer, 2 * buffer.length);
        }
        return fill(limit) || !eof;
    }

    /** Reads into the buffer from {@code from}; false when nothing more came. */
    private boolean fill(int from) {
        try {
            int n = in.read(buffer, from, buffer.length - from);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit = from + n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An attribute name's column, or -1. */
    private static int column(byte[] b, int from, int to) {
        if (to - from > 3) {
            return -1;
        }
        int key = key(b, from, to);
        int slot = slot(key);
        while (ATTRIBUTE_KEYS[slot] >= 0) {
            if (ATTRIBUTE_KEYS[slot] == key) {
                return ATTRIBUTE_COLUMNS[slot];
            }
            slot = (slot + 1) & 255;
        }
        return -1;
    }

    private static int key(byte[] b, int from, int to) {
        int key = 0;
        for (int k = from; k < to; k++) {
            key = key << 8 | (b[k] & 0xFF);
        }
        return key;
    }

    private static int slot(int key) {
        return (key * 0x9E3779B1 >>> 24) & 255;
    }

    /** Element names seen, so that each is one array and one string however often it comes. */
    private static final class Names {
        private static final int SLOTS = 256;
        private final byte[][] bytes = new byte[SLOTS][];
        private final String[] strings = new String[SLOTS];
        private int size;
        /** The string of the name {@link #bytes} returned last. */
        String string;

        byte[] bytes(byte[] b, int from, int to) {
            int h = 1;
            for (int k = from; k < to; k++) {
                h = 31 * h + b[k];
            }
            int slot = (h ^ h >>> 16) & (SLOTS - 1);
            while (bytes[slot] != null) {
                if (Arrays.equals(bytes[slot], 0, bytes[slot].length, b, from, to)) {
                    string = strings[slot];
                    return bytes[slot];
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
            byte[] name = Arrays.copyOfRange(b, from, to);
            string = new String(name, StandardCharsets.ISO_8859_1);
            if (size < SLOTS / 2) {
                bytes[slot] = name;
                strings[slot] = string;
                size++;
            }
            return name;
        }
    }
}

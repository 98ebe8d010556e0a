package dev.loadverdict.extractor.gatling;

import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.BytesCache;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads Gatling's binary {@code simulation.log} (Gatling 3.13 and later), streamed: raw records, so percentiles
 * are exact and the run can be cut to a time window. Our own decoder of the layout Gatling's
 * {@code LogFileDataWriter} writes (see {@code docs/formats.md}):
 *
 * <ul>
 *   <li>big-endian {@code int}/{@code long}; a <em>string</em> is an {@code int} byte length, then (when &gt; 0)
 *       the bytes of Java's internal string value and one coder byte (0 = Latin-1, 1 = UTF-16, in the writing
 *       JVM's byte order, little-endian on every platform Gatling runs on); a <em>cached string</em> is an
 *       {@code int} index: positive = a new string follows and gets that index (1, 2, 3, … in order), negative =
 *       the earlier string {@code -index};</li>
 *   <li>records: a type byte, then 0 RUN (version, simulation class, start epoch ms as {@code long}, description,
 *       scenario names, assertions), 1 REQUEST (group hierarchy, name, start and end, OK flag, message),
 *       2 USER (scenario index, start flag, time), 3 GROUP (hierarchy, start, end, cumulated response time, OK
 *       flag), 4 ERROR (message, time). Every time after RUN is an {@code int} ms offset from the RUN start.</li>
 * </ul>
 *
 * Samples, groups, users and metadata as for the text log ({@link GatlingTextLogFormat}, {@link GatlingRecorder});
 * the version is the RUN record's (which may be a snapshot label such as {@code 3.12.1} on a 3.13 layout).
 *
 * <p><b>Limits</b>: a string longer than {@value ReadLimits#MAX_GATLING_STRING_BYTES} bytes, more than {@value ReadLimits#MAX_GATLING_STRINGS}
 * distinct cached strings (a hostile or corrupt file; real logs cache each distinct name and message once), an
 * out-of-order cache index, an unknown record type or a negative response time fail the file naming the byte
 * offset of the record. A file that ends inside a record (a run killed mid-write) keeps the complete records and
 * warns with the offset where the incomplete one starts.
 *
 * <p><b>Detection</b>: first byte 0 (RUN), then a string that is a plausible Gatling version ({@code 3.13.1}).
 */
final class GatlingBinaryLogFormat implements ResultFormat {

    private static final Pattern VERSION = Pattern.compile("^\\d+\\.\\d+[0-9A-Za-z.\\-+]*$");

    private static final byte RUN = 0;
    private static final byte REQUEST = 1;
    private static final byte USER = 2;
    private static final byte GROUP = 3;
    private static final byte ERROR = 4;

    @Override
    public String displayName() {
        return "Gatling simulation.log (binary, 3.13+)";
    }

    @Override
    public boolean rawSamples() {
        return true;
    }

    @Override
    public MatchStrength detect(Head head) {
        String t = head.text();
        // byte 0 (RUN), int length (three zero bytes and a small one), the version in ASCII, then its coder byte 0.
        if (t.length() < 8 || t.charAt(0) != 0 || t.charAt(1) != 0 || t.charAt(2) != 0 || t.charAt(3) != 0) {
            return MatchStrength.NO_MATCH;
        }
        int length = t.charAt(4);
        if (length < 3 || length > 40 || t.length() < 6 + length) {
            return MatchStrength.NO_MATCH;
        }
        String version = t.substring(5, 5 + length);
        return VERSION.matcher(version).matches() && t.charAt(5 + length) == 0 ? MatchStrength.FULL_MATCH
                : MatchStrength.NO_MATCH;
    }

    @Override
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        GatlingRecorder recorder = new GatlingRecorder(context, displayPath);
        try (BigEndianInput in = new BigEndianInput(InputFiles.openBytes(path, displayPath))) {
            new Decoder(in, recorder, displayPath).read();
        } catch (IOException e) {
            throw new InputException(displayPath, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
        return recorder.finish();
    }

    /** One pass over the records. */
    private static final class Decoder {
        private final BigEndianInput in;
        private final GatlingRecorder recorder;
        private final String file;
        private final List<String> cache = new ArrayList<>();
        /** The depth of the last hierarchy read; its cache indices are in {@link #key}, after the depth. */
        private int depth;
        /** A hash of {@link #key}, made as it is written (the hierarchy and name are a few ints: no second pass). */
        private long keyHash;
        /** The cache indices of the last hierarchy and name read, then the name's: the key of their labels. */
        private byte[] key = new byte[64];
        private int keyLength;
        private final BytesCache<RequestLabels> requestLabels = new BytesCache<>();
        private final BytesCache<RequestLabels> groupLabels = new BytesCache<>();
        /** The cache index (from 1) of the string {@link #cachedString} read last. */
        private int lastIndex;
        private List<String> scenarios;
        private long start;
        private long recordOffset;

        Decoder(BigEndianInput in, GatlingRecorder recorder, String file) {
            this.in = in;
            this.recorder = recorder;
            this.file = file;
        }

        void read() throws IOException {
            while (true) {
                recordOffset = in.position();
                int type = in.read();
                if (type == -1) {
                    break;
                }
                try {
                    record(type);
                } catch (EOFException e) {
                    recorder.warnAtByte(recordOffset, "truncated: the file ends inside a record (type " + type
                            + "), probably cut off when the run was stopped; the " + (in.position() - recordOffset)
                            + " byte(s) of it skipped");
                    break;
                }
            }
            if (scenarios == null) {
                throw new InputException(file, "no RUN record: not a Gatling binary simulation.log");
            }
        }

        private void record(int type) throws IOException {
            if (scenarios == null && type != RUN) {
                throw fail("expected the RUN record first, found record type " + type);
            }
            switch (type) {
                case RUN -> run();
                case REQUEST -> request();
                case USER -> user();
                case GROUP -> group();
                case ERROR -> {
                    cachedString();
                    in.readInt();
                }
                default -> throw fail("unknown record type " + type + " (not a Gatling 3.13+ binary log, or corrupt)");
            }
        }

        private void run() throws IOException {
            if (scenarios != null) {
                throw fail("a second RUN record");
            }
            String version = string();
            String simulation = string();
            start = in.readLong();
            string(); // description
            int n = count(ReadLimits.MAX_GATLING_SCENARIOS, "scenarios");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                names.add(string());
            }
            int assertions = count(ReadLimits.MAX_GATLING_SCENARIOS, "assertions");
            for (int i = 0; i < assertions; i++) {
                skip(count(ReadLimits.MAX_GATLING_STRING_BYTES, "assertion bytes"));
            }
            scenarios = names;
            recorder.run(start, version, simulation);
        }

        private void request() throws IOException {
            hierarchy();
            String name = cachedString();
            addToKey(lastIndex);
            long begin = start + in.readInt();
            long end = start + in.readInt();
            boolean ok = flag();
            String message = cachedString();
            if (end < begin) {
                throw fail("REQUEST '" + name + "' ends " + (begin - end) + " ms before it starts");
            }
            int hash = keyHash();
            RequestLabels labels = requestLabels.get(key, 0, keyLength, hash);
            if (labels == null) {
                labels = GatlingRecorder.requestLabels(groups(), name);
                requestLabels.put(key, 0, keyLength, hash, labels);
            }
            recorder.request(labels, begin, end, ok, message);
        }

        private void user() throws IOException {
            int scenario = in.readInt();
            boolean isStart = flag();
            in.readInt();
            if (scenario < 0 || scenario >= scenarios.size()) {
                throw fail("USER record of scenario " + scenario + "; the RUN record names " + scenarios.size());
            }
            if (isStart) {
                recorder.userStart();
            } else {
                recorder.userEnd();
            }
        }

        private void group() throws IOException {
            hierarchy();
            long begin = start + in.readInt();
            in.readInt(); // end
            int cumulated = in.readInt();
            boolean ok = flag();
            if (cumulated < 0) {
                throw fail("GROUP with a negative cumulated response time " + cumulated);
            }
            if (depth == 0) {
                return; // no hierarchy: not a group execution to time
            }
            int hash = keyHash();
            RequestLabels labels = groupLabels.get(key, 0, keyLength, hash);
            if (labels == null) {
                labels = GatlingRecorder.groupLabels(groups());
                groupLabels.put(key, 0, keyLength, hash, labels);
            }
            recorder.group(labels, begin, cumulated, ok);
        }

        /** Reads a group hierarchy: starts the key with its depth and its strings' cache indices. */
        private void hierarchy() throws IOException {
            int n = count(ReadLimits.MAX_GATLING_GROUP_DEPTH, "groups");
            depth = n;
            keyLength = 0;
            keyHash = 0;
            addToKey(n);
            for (int i = 0; i < n; i++) {
                cachedString();
                addToKey(lastIndex);
            }
        }

        /** The last hierarchy's group names, outermost first. */
        private List<String> groups() {
            List<String> names = new ArrayList<>(depth);
            for (int i = 0; i < depth; i++) {
                int at = Integer.BYTES * (i + 1);
                int index = (key[at] & 0xFF) << 24 | (key[at + 1] & 0xFF) << 16 | (key[at + 2] & 0xFF) << 8
                        | (key[at + 3] & 0xFF);
                names.add(cache.get(index - 1));
            }
            return List.copyOf(names);
        }

        private int keyHash() {
            return (int) (keyHash ^ keyHash >>> 32);
        }

        private void addToKey(int value) {
            keyHash = (keyHash ^ value) * 0x9E3779B97F4A7C15L;
            keyHash ^= keyHash >>> 29;
            if (keyLength + Integer.BYTES > key.length) {
                key = Arrays.copyOf(key, key.length * 2);
            }
            key[keyLength] = (byte) (value >>> 24);
            key[keyLength + 1] = (byte) (value >>> 16);
            key[keyLength + 2] = (byte) (value >>> 8);
            key[keyLength + 3] = (byte) value;
            keyLength += Integer.BYTES;
        }

        private boolean flag() throws IOException {
            int b = in.readUnsignedByte();
            if (b > 1) {
                throw fail("a flag byte is " + b + ", not 0 or 1");
            }
            return b == 1;
        }

        private String cachedString() throws IOException {
            int index = in.readInt();
            if (index > 0) {
                if (index != cache.size() + 1) {
                    throw fail("cached string " + index + " out of order (expected " + (cache.size() + 1) + ")");
                }
                if (cache.size() >= ReadLimits.MAX_GATLING_STRINGS) {
                    throw fail("more than " + ReadLimits.MAX_GATLING_STRINGS + " distinct names and messages; refusing to hold"
                            + " more (a corrupt or hostile file)");
                }
                String value = string();
                cache.add(value);
                lastIndex = index;
                return value;
            }
            if (index == 0 || -(long) index > cache.size()) {
                throw fail("reference to cached string " + (-(long) index) + ", but " + cache.size() + " are known");
            }
            lastIndex = -index;
            return cache.get(-index - 1);
        }

        private String string() throws IOException {
            int length = in.readInt();
            if (length == 0) {
                return "";
            }
            if (length < 0 || length > ReadLimits.MAX_GATLING_STRING_BYTES) {
                throw fail("a string of " + length + " bytes (at most " + ReadLimits.MAX_GATLING_STRING_BYTES + " are accepted)");
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            int coder = in.readUnsignedByte();
            return switch (coder) {
                case 0 -> new String(bytes, StandardCharsets.ISO_8859_1);
                case 1 -> {
                    if (length % 2 != 0) {
                        throw fail("a UTF-16 string of an odd number of bytes (" + length + ")");
                    }
                    yield new String(bytes, StandardCharsets.UTF_16LE);
                }
                default -> throw fail("string coder byte " + coder + " (expected 0 Latin-1 or 1 UTF-16)");
            };
        }

        private int count(int max, String what) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > max) {
                throw fail("a count of " + n + " " + what + " (at most " + max + " are accepted)");
            }
            return n;
        }

        private void skip(int n) throws IOException {
            in.skipNBytes(n);
        }

        private InputException fail(String message) {
            return new InputException(file, "record at byte " + recordOffset + ": " + message);
        }
    }

    /**
     * Big-endian numbers and bytes from a buffer that is refilled as needed, counting the bytes read (for messages
     * that name a byte offset): {@link java.io.DataInputStream} over a buffered stream reads each byte through
     * synchronised calls, which made it half of the time spent on a log. The end of the input inside a value is an
     * {@link EOFException}, as there.
     */
    private static final class BigEndianInput implements AutoCloseable {
        private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private long before; // bytes of the input before buffer[0]

        BigEndianInput(InputStream in) {
            this.in = in;
        }

        long position() {
            return before + position;
        }

        /** Whether {@code n} (at most the buffer's size) bytes are in the buffer, reading more as needed. */
        private boolean fill(int n) throws IOException {
            if (limit - position >= n) {
                return true;
            }
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            before += position;
            limit -= position;
            position = 0;
            while (limit < n) {
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    return false;
                }
                limit += read;
            }
            return true;
        }

        /** The next byte (0-255), or -1 at the end of the input. */
        int read() throws IOException {
            int p = position;
            if (p < limit) { // the common case, small enough to inline everywhere
                position = p + 1;
                return buffer[p] & 0xFF;
            }
            return fill(1) ? buffer[position++] & 0xFF : -1;
        }

        int readUnsignedByte() throws IOException {
            int b = read();
            if (b < 0) {
                throw new EOFException();
            }
            return b;
        }

        int readInt() throws IOException {
            int p = position;
            if (limit - p >= Integer.BYTES) { // the common case, small enough to inline everywhere
                position = p + Integer.BYTES;
                return (int) INTS.get(buffer, p);
            }
            return readIntAcrossRefill();
        }

        private int readIntAcrossRefill() throws IOException {
            if (!fill(Integer.BYTES)) {
                position = limit; // the bytes there were are read, as DataInputStream counts them
                throw new EOFException();
            }
            int p = position;
            position += Integer.BYTES;
            return (int) INTS.get(buffer, p);
        }

        long readLong() throws IOException {
            return (long) readInt() << 32 | (readInt() & 0xFFFFFFFFL);
        }

        void readFully(byte[] bytes) throws IOException {
            int done = 0;
            while (done < bytes.length) {
                if (!fill(1)) {
                    throw new EOFException();
                }
                int n = Math.min(bytes.length - done, limit - position);
                System.arraycopy(buffer, position, bytes, done, n);
                position += n;
                done += n;
            }
        }

        void skipNBytes(long n) throws IOException {
            long left = n;
            while (left > 0) {
                if (!fill(1)) {
                    throw new EOFException();
                }
                int step = (int) Math.min(left, limit - position);
                position += step;
                left -= step;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

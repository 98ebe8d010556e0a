// loadverdict extraction benchmark. Run through bench/run.sh, which builds the jar and passes it on the class path:
//   java -Xmx256m -cp cli/target/loadverdict.jar bench/Bench.java generate jtl|ndjson|history|gatling-binary|repeat:HEAD:TAIL SIZE_MB SOURCE OUT
//   java -Xmx256m -cp cli/target/loadverdict.jar bench/Bench.java extract FILE [--one-thread]
//   java -cp cli/target/loadverdict.jar bench/Bench.java gunzip FILE.gz
//   java -Xmx1g -cp cli/target/loadverdict.jar bench/Bench.java tokenize FILE [DELIMITER]
// 'generate' repeats the data rows of a real tool output file (corpus or fixture, plain or .gz), shifting each copy's
// timestamps by the span of the source ('history': a Locust stats history, epoch seconds first), until the file
// reaches SIZE_MB ('repeat:HEAD:TAIL' repeats the lines between the first HEAD and the last TAIL as they are, for
// formats whose timestamps need not move). 'extract' runs loadverdict's extractor
// in-process on FILE twice, cold (the JVM's first extraction, as a command line runs it) and warm (the code compiled),
// and prints for each the wall time, MB/s, rows/s, the peak heap in use and the largest live heap after a GC;
// --one-thread reads on one thread (no splitting). 'tokenize' times the byte-level CSV tokenizer alone (DelimitedReader,
// which every delimited format goes through) on one thread over the first 256 MB of FILE held in memory: five passes,
// MB/s and ns a record of each.

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extraction;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.Splitting;
import dev.loadverdict.extractor.internal.DelimitedReader;
import dev.loadverdict.extractor.internal.FormatDetector;
import dev.loadverdict.extractor.internal.SplitReading;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

public class Bench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(args[1], Long.parseLong(args[2]) << 20, Path.of(args[3]), Path.of(args[4]));
            case "gunzip" -> gunzip(Path.of(args[1]));
            case "tokenize" -> tokenize(Path.of(args[1]), args.length > 2 ? args[2].charAt(0) : ',');
            case "extract" -> extract(Path.of(args[1]), args.length > 2 && args[2].equals("--one-thread")
                    ? Splitting.NONE : Splitting.DEFAULT);
            default -> throw new IllegalArgumentException("generate, extract, gunzip or tokenize");
        }
    }

    // ---------------------------------------------------------------------------------------------------- generate

    static void generate(String kind, long bytes, Path source, Path out) throws IOException {
        if (kind.equals("gatling-binary")) {
            generateGatlingBinary(bytes, source, out);
            return;
        }
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(source.toString().endsWith(".gz")
                ? new java.util.zip.GZIPInputStream(Files.newInputStream(source)) : Files.newInputStream(source),
                StandardCharsets.UTF_8))) {
            lines = r.lines().toList();
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        long written = 0;
        long rows = 0;
        if (kind.startsWith("repeat:")) {
            // repeat:HEAD:TAIL: the first HEAD lines once, the lines between repeated as they are, the last TAIL once
            String[] counts = kind.split(":");
            int head = Integer.parseInt(counts[1]);
            int tail = Integer.parseInt(counts[2]);
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (String line : lines.subList(0, head)) {
                    w.write(line);
                    w.write('\n');
                }
                List<String> body = lines.subList(head, lines.size() - tail);
                while (written < bytes) {
                    for (String line : body) {
                        w.write(line);
                        w.write('\n');
                        written += line.length() + 1;
                        rows++;
                    }
                }
                for (String line : lines.subList(lines.size() - tail, lines.size())) {
                    w.write(line);
                    w.write('\n');
                }
            }
            System.out.printf(Locale.ROOT, "generated %s: %,d rows, %,d MB from %s%n", out, rows, Files.size(out) >> 20,
                    source.getFileName());
            return;
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            List<String> data = new ArrayList<>();
            boolean firstFieldTime = kind.equals("jtl") || kind.equals("history"); // epoch ms, or Locust's epoch s
            if (firstFieldTime) {
                w.write(lines.get(0));
                w.write('\n');
                data.addAll(lines.subList(1, lines.size()));
            } else {
                data.addAll(lines);
            }
            long span = span(kind, data) + (kind.equals("history") ? 1 : 1000);
            Map<String, OffsetDateTime> parsed = new HashMap<>();
            for (int copy = 0; written < bytes; copy++) {
                long shiftMs = copy * span;
                for (String line : data) {
                    String shifted = firstFieldTime ? shiftJtl(line, shiftMs) : shiftNdjson(line, shiftMs, parsed);
                    w.write(shifted);
                    w.write('\n');
                    written += shifted.length() + 1;
                    rows++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "generated %s: %,d rows, %,d MB from %s%n", out, rows, Files.size(out) >> 20,
                source.getFileName());
    }

    /**
     * A binary simulation.log (Gatling 3.13+, layout in docs/formats.md) whose records after RUN are repeated as they
     * are, except that a repeated string-cache entry becomes a reference to the first one (a repeated definition would
     * be out of order): the log of a longer run of the same requests, the same times.
     */
    static void generateGatlingBinary(long bytes, Path source, Path out) throws IOException {
        byte[] log = Files.readAllBytes(source);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(log);
        if (in.get() != 0) {
            throw new IOException(source + ": no RUN record first");
        }
        skipString(in); // version
        skipString(in); // simulation
        in.getLong(); // start
        skipString(in); // description
        for (int n = in.getInt(); n > 0; n--) {
            skipString(in); // scenario
        }
        for (int n = in.getInt(); n > 0; n--) {
            in.position(in.position() + in.getInt()); // assertion
        }
        int recordsFrom = in.position();
        long records = 0;
        try (var w = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
            w.write(log, 0, recordsFrom);
            for (int copy = 0; w.size() < bytes || copy == 0; copy++) {
                in.position(recordsFrom);
                while (in.hasRemaining()) {
                    int type = in.get();
                    w.writeByte(type);
                    switch (type) {
                        case 1 -> { // REQUEST: groups, name, start, end, OK, message
                            hierarchy(in, w, copy);
                            cached(in, w, copy);
                            w.writeInt(in.getInt());
                            w.writeInt(in.getInt());
                            w.writeByte(in.get());
                            cached(in, w, copy);
                            records++;
                        }
                        case 2 -> { // USER: scenario, start flag, time
                            w.writeInt(in.getInt());
                            w.writeByte(in.get());
                            w.writeInt(in.getInt());
                        }
                        case 3 -> { // GROUP: groups, start, end, cumulated, OK
                            hierarchy(in, w, copy);
                            w.writeInt(in.getInt());
                            w.writeInt(in.getInt());
                            w.writeInt(in.getInt());
                            w.writeByte(in.get());
                        }
                        case 4 -> { // ERROR: message, time
                            cached(in, w, copy);
                            w.writeInt(in.getInt());
                        }
                        default -> throw new IOException(source + ": record type " + type);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "generated %s: %,d requests, %,d MB from %s%n", out, records, Files.size(out) >> 20,
                source.getFileName());
    }

    private static void skipString(java.nio.ByteBuffer in) {
        int length = in.getInt();
        if (length > 0) {
            in.position(in.position() + length + 1); // bytes and coder
        }
    }

    private static void hierarchy(java.nio.ByteBuffer in, java.io.DataOutputStream w, int copy) throws IOException {
        int n = in.getInt();
        w.writeInt(n);
        for (int i = 0; i < n; i++) {
            cached(in, w, copy);
        }
    }

    /** A cached string: in the first copy as it is; later a new entry becomes a reference to it. */
    private static void cached(java.nio.ByteBuffer in, java.io.DataOutputStream w, int copy) throws IOException {
        int index = in.getInt();
        if (index <= 0) {
            w.writeInt(index);
            return;
        }
        int from = in.position();
        skipString(in);
        if (copy == 0) {
            w.writeInt(index);
            w.write(in.array(), from, in.position() - from);
        } else {
            w.writeInt(-index);
        }
    }

    static long span(String kind, List<String> data) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (String line : data) {
            long t = kind.equals("ndjson") ? ndjsonTime(line) : jtlTime(line);
            if (t != Long.MIN_VALUE) {
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
        }
        return max - min;
    }

    static long jtlTime(String line) {
        int comma = line.indexOf(',');
        try {
            return Long.parseLong(line.substring(0, comma));
        } catch (RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }

    static String shiftJtl(String line, long shiftMs) {
        long t = jtlTime(line);
        return t == Long.MIN_VALUE ? line : (t + shiftMs) + line.substring(line.indexOf(','));
    }

    static long ndjsonTime(String line) {
        int at = line.indexOf("\"time\":\"");
        if (at < 0) {
            return Long.MIN_VALUE;
        }
        int end = line.indexOf('"', at + 8);
        return OffsetDateTime.parse(line.substring(at + 8, end)).toInstant().toEpochMilli();
    }

    static String shiftNdjson(String line, long shiftMs, Map<String, OffsetDateTime> parsed) {
        int at = line.indexOf("\"time\":\"");
        if (at < 0) {
            return line;
        }
        int end = line.indexOf('"', at + 8);
        OffsetDateTime time = parsed.computeIfAbsent(line.substring(at + 8, end), OffsetDateTime::parse);
        return line.substring(0, at + 8) + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.plusNanos(shiftMs * 1_000_000))
                + line.substring(end);
    }

    // ----------------------------------------------------------------------------------------------------- extract

    /** Decompresses FILE with the JDK's GZIPInputStream, discarding the bytes: the fastest a .gz can be read here. */
    static void gunzip(Path file) throws IOException {
        for (String pass : List.of("cold", "warm")) {
            long t0 = System.nanoTime();
            long bytes = 0;
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "JDK GZIPInputStream alone (%s): %.0f MB uncompressed in %.2f s = %.0f MB/s%n",
                    pass, bytes / 1048576.0, seconds, bytes / 1048576.0 / seconds);
        }
    }

    static void tokenize(Path file, char delimiter) throws IOException {
        byte[] bytes;
        try (var in = Files.newInputStream(file)) {
            bytes = in.readNBytes(256 << 20);
        }
        for (int pass = 1; pass <= 5; pass++) {
            long t0 = System.nanoTime();
            long records = 0;
            long fields = 0;
            try (DelimitedReader row = new DelimitedReader(new java.io.ByteArrayInputStream(bytes), file.toString(),
                    delimiter, "CSV file")) {
                while (row.next()) {
                    records++;
                    fields += row.size();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "tokenize %s (pass %d, one thread, in memory): %.0f MB, %,d records, %,d fields"
                            + " in %.3f s = %.0f MB/s, %.1f ns a record%n", file.getFileName(), pass,
                    bytes.length / 1048576.0, records, fields, seconds, bytes.length / 1048576.0 / seconds,
                    seconds * 1e9 / records);
        }
    }

    static void extract(Path file, Splitting splitting) throws IOException {
        long[] counted = countLines(file);
        long rows = counted[0];
        double mb = counted[1] / 1048576.0; // uncompressed
        AtomicLong maxLiveAfterGc = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                    maxLiveAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        for (String pass : List.of("cold", "warm")) {
            System.gc();
            maxLiveAfterGc.set(0);
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long merged = SplitReading.filesMerged();
            long t0 = System.nanoTime();
            Extraction extraction = new Extractor(FormatDetector.standard(), splitting)
                    .extract(List.of(file.toString()), ExtractOptions.defaults());
            long nanos = System.nanoTime() - t0;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            double seconds = nanos / 1e9;
            long requests = extraction.run().total().map(t -> t.requests()).orElse(-1L);
            System.out.printf(Locale.ROOT, "extract %s (%s, %s): %.0f MB%s, %,d lines, %,d requests in %.2f s = %.0f MB/s,"
                            + " %,.0f rows/s; max heap %d MB, peak heap in use %d MB, largest live heap after GC %d MB%n",
                    file.getFileName(), pass, SplitReading.filesMerged() > merged ? "read in parts on "
                            + splitting.threads() + " threads" : "one thread", mb,
                    file.toString().endsWith(".gz") ? " uncompressed" : "", rows, requests, seconds, mb / seconds,
                    rows / seconds, Runtime.getRuntime().maxMemory() >> 20, peak >> 20, maxLiveAfterGc.get() >> 20);
        }
    }

    /** The file's lines and (uncompressed) bytes; of a directory (a Locust run's files), those of its files. */
    static long[] countLines(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            long[] sum = new long[2];
            try (var files = Files.list(file)) {
                for (Path f : files.toList()) {
                    long[] one = countLines(f);
                    sum[0] += one[0];
                    sum[1] += one[1];
                }
            }
            return sum;
        }
        try (var in = new java.io.BufferedInputStream(file.toString().endsWith(".gz")
                ? new java.util.zip.GZIPInputStream(Files.newInputStream(file), 1 << 16) : Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            long lines = 0;
            long bytes = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
            return new long[] {lines, bytes};
        }
    }
}

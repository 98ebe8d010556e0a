package dev.loadverdict.extractor;

import dev.loadverdict.codec.RunJson;
import dev.loadverdict.extractor.internal.FormatDetector;
import dev.loadverdict.extractor.internal.SplitReading;
import dev.loadverdict.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file read in parts on several threads gives exactly the run it gives on one thread: the same counts, histograms,
 * time series, warnings, or the same error. Parts are forced down to one byte ({@link Splitting#minPartBytes}), so
 * every file is cut, wherever the cuts fall: inside quoted fields with line breaks, inside a k6 request's samples,
 * into damaged lines. Where a cut cannot be proven to lie between records, or a part cannot be merged exactly, the file
 * must be read again on one thread; the test checks both that the results agree and that clean files really are
 * merged from parts.
 */
class SplitReadingTest {

    private static final Extractor ONE_THREAD = new Extractor(FormatDetector.standard(), Splitting.NONE);
    private static final Path MULTILINE = Path.of("src/test/resources/dev/loadverdict/extractor/split/"
            + "perfplugin-multiline-quoted-label.jtl");
    private static final Path CORPUS = Path.of("../../shared/corpus");

    static Extractor inParts(int parts) {
        return new Extractor(FormatDetector.standard(), new Splitting(parts, 1));
    }

    /** What an extraction gives: the run as JSON and the warnings, or the error. */
    static String outcome(Extractor extractor, Path input, ExtractOptions options) {
        try {
            Extraction extraction = extractor.extract(List.of(input.toString()), options);
            return RunJson.write(extraction.run()) + "\nwarnings: " + extraction.warnings();
        } catch (InputException e) {
            return "error: " + e.getMessage();
        }
    }

    static void assertSameInParts(Path input, ExtractOptions options, int... partCounts) {
        String expected = outcome(ONE_THREAD, input, options);
        for (int parts : partCounts) {
            assertThat(outcome(inParts(parts), input, options)).as("%s in %d parts", input, parts).isEqualTo(expected);
        }
    }

    /** Every fixture case, and the shared corpus's JMeter CSV and XML, k6 NDJSON and Gatling text logs when it is there. */
    static Stream<Path> inputs() throws IOException {
        List<Path> all = new ArrayList<>(FixturesTest.cases().toList());
        all.add(MULTILINE);
        for (String dir : List.of("jmeter/jtl-csv-default", "jmeter/jtl-csv-noheader", "jmeter/jtl-csv-other-columns",
                "jmeter/jtl-xml", "k6/ndjson-out-json", "gatling/simulation-log-1.x", "gatling/simulation-log-2.0-2.1",
                "gatling/simulation-log-2.2-2.3", "gatling/simulation-log-3.0-3.3", "gatling/simulation-log-3.4-3.12",
                "gatling/simulation-log-hand-crafted", "gatling/simulation-log-hand-edited")) {
            Path folder = CORPUS.resolve(dir);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    all.addAll(files.sorted().toList());
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void partsGiveTheRunOfOneThread(Path input) {
        assertSameInParts(input, ExtractOptions.defaults(), 2, 3, 5, 8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void partsGiveTheRunOfOneThreadInAWindow(Path input) {
        // a ramp-down cut takes two passes over the file, each of them in parts
        RelativeWindow window = new RelativeWindow(Duration.ofSeconds(1), Duration.ofSeconds(1), Optional.empty(),
                Optional.empty());
        assertSameInParts(input, ExtractOptions.defaults().withWindow(window), 2, 7);
    }

    @Test
    void cutsInsideQuotedLineBreaksFallBackToOneThreadAndOthersMerge(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(MULTILINE, StandardCharsets.UTF_8);
        long before = SplitReading.filesMerged();
        for (int copies = 1; copies <= 30; copies++) {
            StringBuilder text = new StringBuilder(lines.get(0)).append('\n');
            for (int copy = 0; copy < copies; copy++) {
                for (String line : lines.subList(1, lines.size())) {
                    text.append(line).append('\n');
                }
            }
            Path jtl = dir.resolve("multiline-" + copies + ".jtl");
            Files.writeString(jtl, text);
            long size = Files.size(jtl);
            for (long parts = 2; parts <= 4; parts++) {
                String expected = outcome(ONE_THREAD, jtl, ExtractOptions.defaults());
                Extractor split = new Extractor(FormatDetector.standard(), new Splitting(2, size / parts));
                assertThat(outcome(split, jtl, ExtractOptions.defaults())).as("%s in %d parts", jtl, parts)
                        .isEqualTo(expected);
            }
        }
        // some of the ways to cut the files have every cut between records, and those were merged
        assertThat(SplitReading.filesMerged()).isGreaterThan(before);
    }

    @Test
    void cleanFilesAreReallyReadInParts(@TempDir Path dir) throws IOException {
        Path ndjson = dir.resolve("data.json");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                FixturesTest.ROOT.resolve("k6/1.0/jsonvsprotobuf-ndjson/data.json.gz")))) {
            Files.copy(in, ndjson);
        }
        for (Path input : List.of(FixturesTest.ROOT.resolve("jmeter/5.1/default17-htmlreport/results.csv"),
                FixturesTest.ROOT.resolve("jmeter/5.6/shop-e2e-csv/results.jtl"), ndjson,
                FixturesTest.ROOT.resolve("gatling/3.11/shop-e2e-log/simulation.log"),
                FixturesTest.ROOT.resolve("gatling/1.x/repo-action-node1/simulation.log"))) {
            String expected = outcome(ONE_THREAD, input, ExtractOptions.defaults());
            long before = SplitReading.filesMerged();
            assertThat(outcome(inParts(4), input, ExtractOptions.defaults())).isEqualTo(expected);
            assertThat(SplitReading.filesMerged()).as("%s merged from parts", input).isEqualTo(before + 1);
        }
    }

    /**
     * Gatling counts users in file order and never below zero: ENDs before any START (a log whose records were moved)
     * leave one thread's count at zero, so a part that starts among them cannot count on from the parts before it.
     */
    @Test
    void gatlingUsersEndingBeforeTheyStartAreCountedAsOneThreadCountsThem(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(FixturesTest.ROOT.resolve("gatling/3.11/shop-e2e-log/simulation.log"));
        List<String> moved = new ArrayList<>(lines.subList(0, 1)); // RUN
        List<String> ends = lines.stream().filter(l -> l.startsWith("USER\t") && l.contains("\tEND\t")).toList();
        for (int i = 0; i < 200; i++) {
            moved.addAll(ends); // a third of the file, so that parts start among them
        }
        lines.stream().skip(1).filter(l -> !ends.contains(l)).forEach(moved::add);
        Path log = dir.resolve("simulation.log");
        Files.write(log, moved);
        long before = SplitReading.filesMerged();
        assertSameInParts(log, ExtractOptions.defaults(), 2, 3, 5, 8);
        assertThat(SplitReading.filesMerged()).as("cuts among the ENDs are not merged").isLessThan(before + 4);
    }

    /**
     * Without {@code http_reqs} lines (the cuts' preferred places) cuts fall between a request's
     * {@code http_req_duration} and its {@code http_req_failed}: such a part is not merged.
     */
    @Test
    void k6CutsInsideARequestsSamplesFallBackToOneThread(@TempDir Path dir) throws IOException {
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                FixturesTest.ROOT.resolve("k6/1.0/jsonvsprotobuf-ndjson/data.json.gz")))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder kept = new StringBuilder();
        text.lines().filter(l -> !l.contains("\"metric\":\"http_reqs\"")).forEach(l -> kept.append(l).append('\n'));
        Path ndjson = dir.resolve("without-http-reqs.json");
        Files.writeString(ndjson, kept);
        for (int parts = 2; parts <= 40; parts++) {
            assertSameInParts(ndjson, ExtractOptions.defaults(), parts);
        }
    }

    /**
     * An XML JTL is cut before lines that start a top-level sample. A part that starts or ends anywhere else (inside a
     * sample's nested elements, inside a top-level sample never closed, a comment whose lines look like samples), a root
     * closed before the file's end (the rest is never read) or a file cut off before its root's end (read whole, with
     * its warning) gives what one thread gives.
     */
    @Test
    void xmlCutsAnywhereGiveWhatOneThreadGives(@TempDir Path dir) throws IOException {
        String nested = Files.readString(FixturesTest.ROOT.resolve("jmeter/2.13/xml-nested-transactions/results.jtl"));
        int rootEnd = nested.lastIndexOf("</testResults>");
        String body = nested.substring(nested.indexOf('\n', nested.indexOf("<testResults")) + 1, rootEnd);
        String head = nested.substring(0, nested.indexOf('\n', nested.indexOf("<testResults")) + 1);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("nested.jtl", head + body.repeat(3) + "</testResults>\n");
        // every line indented: no preferred cut, so cuts fall inside samples
        files.put("indented.jtl", head + body.repeat(3).replace("\n<", "\n <") + "</testResults>\n");
        // samples after the root's end, which one thread never reads, and a second end
        files.put("after-root.jtl", head + body + "</testResults>\n" + body.repeat(2) + "</testResults>\n");
        files.put("cut-off.jtl", head + body.repeat(3));
        // cut off inside a comment that ends like a whole file
        files.put("cut-off-in-comment.jtl", head + body.repeat(3) + "<!-- </testResults>\n");
        // a top-level sample never closed: one thread fails at the root's end tag, whichever part it falls in
        StringBuilder unclosed = new StringBuilder(head);
        for (int i = 0; i < 40; i++) {
            unclosed.append(i == 20 ? "<httpSample t=\"5\" ts=\"1440785666000\" s=\"true\" lb=\"x\">\n" : "")
                    .append("<httpSample t=\"5\" ts=\"").append(1440785666000L + i).append("\" s=\"true\" lb=\"a\"/>\n");
        }
        files.put("unclosed.jtl", unclosed + "</testResults>\n");
        // a comment between samples whose lines look like samples (a cut's preferred place)
        files.put("comment.jtl", head + body + "<!--\n" + "<sample t=\"1\" ts=\"1440785666575\" s=\"true\" lb=\"x\"/>\n"
                .repeat(200) + "-->\n" + body + "</testResults>\n");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path jtl = dir.resolve(file.getKey());
            Files.writeString(jtl, file.getValue());
            for (int parts = 2; parts <= 24; parts++) {
                long before = SplitReading.filesMerged();
                assertSameInParts(jtl, ExtractOptions.defaults(), parts);
                assertSameInParts(jtl, ExtractOptions.defaults().withSubSamples(true), parts);
                if (parts <= 4 && file.getKey().equals("nested.jtl")) {
                    // 15 top-level samples: each cut finds one to start at
                    assertThat(SplitReading.filesMerged()).as("%s in %d parts merged", jtl, parts).isEqualTo(before + 2);
                } else if (file.getKey().startsWith("after-root") || file.getKey().startsWith("cut-off")) {
                    assertThat(SplitReading.filesMerged()).as("%s in %d parts merged", jtl, parts).isEqualTo(before);
                }
            }
        }
    }

    @Test
    void aGzipFileIsReadOnOneThread() {
        Path gz = FixturesTest.ROOT.resolve("k6/1.0/jsonvsprotobuf-ndjson/data.json.gz");
        long before = SplitReading.filesMerged();
        assertSameInParts(gz, ExtractOptions.defaults(), 4);
        assertThat(SplitReading.filesMerged()).isEqualTo(before);
    }

    /**
     * Damaged copies of every JMeter CSV and XML, k6 NDJSON and Gatling text input: cut off, a line dropped, a stray
     * quote, delimiter or line feed put in, a byte overwritten (with XML's markup among the bytes). Whatever the damage, parts give what one thread gives: the same run and
     * warnings, or the same error with the same line.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("damageable")
    void damagedFilesGiveWhatOneThreadGives(Path source, @TempDir Path dir) throws IOException {
        byte[] original = bytesOf(source);
        Random random = new Random(source.toString().hashCode());
        for (int variant = 0; variant < 24; variant++) {
            byte[] damaged = damage(original, random, variant);
            Path file = dir.resolve(variant + "-" + source.getFileName().toString().replace(".gz", ""));
            Files.write(file, damaged);
            assertSameInParts(file, ExtractOptions.defaults(), 2, 3, 7);
        }
    }

    static Stream<Path> damageable() throws IOException {
        return inputs().flatMap(p -> {
            try (Stream<Path> files = Files.isDirectory(p) ? Files.list(p) : Stream.of(p)) {
                return files.filter(f -> {
                    String name = f.getFileName().toString();
                    return name.endsWith(".jtl") || name.endsWith(".csv") && p.toString().contains("jmeter")
                            || name.endsWith(".ndjson") || name.equals("data.json.gz")
                            || name.endsWith(".log") && isGatlingText(f);
                }).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).distinct();
    }

    /** A Gatling text log (the binary one is read on one thread). */
    private static boolean isGatlingText(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1);
            return head.length == 1 && head[0] != 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytesOf(Path source) throws IOException {
        if (source.getFileName().toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(source))) {
                return in.readAllBytes();
            }
        }
        return Files.readAllBytes(source);
    }

    static byte[] damage(byte[] original, Random random, int variant) {
        int at = original.length == 0 ? 0 : random.nextInt(original.length);
        return switch (variant % 6) {
            case 0 -> java.util.Arrays.copyOf(original, at); // cut off
            case 1 -> insert(original, at, (byte) '"');
            case 2 -> insert(original, at, (byte) '\n');
            case 3 -> insert(original, at, (byte) ',');
            case 4 -> dropLine(original, at);
            default -> {
                byte[] copy = original.clone();
                if (copy.length > 0) {
                    copy[at] = (byte) "\"\n,{}x\r\t<>&/".charAt(random.nextInt(12));
                }
                yield copy;
            }
        };
    }

    private static byte[] insert(byte[] original, int at, byte b) {
        byte[] out = new byte[original.length + 1];
        System.arraycopy(original, 0, out, 0, at);
        out[at] = b;
        System.arraycopy(original, at, out, at + 1, original.length - at);
        return out;
    }

    private static byte[] dropLine(byte[] original, int at) {
        int start = at;
        while (start > 0 && original[start - 1] != '\n') {
            start--;
        }
        int end = at;
        while (end < original.length && original[end] != '\n') {
            end++;
        }
        end = Math.min(original.length, end + 1);
        byte[] out = new byte[original.length - (end - start)];
        System.arraycopy(original, 0, out, 0, start);
        System.arraycopy(original, end, out, start, original.length - end);
        return out;
    }
}

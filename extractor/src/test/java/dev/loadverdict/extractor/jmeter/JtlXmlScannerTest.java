package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.codec.RunJson;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.TimeWindow;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.config.MappingRule;
import dev.loadverdict.model.config.Naming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JtlXmlScanner} reads what StAX reads: every real XML JTL (the fixtures, and the corpus when present) and
 * damaged copies of them give the same result, warnings and errors through {@link JtlXmlFormat} (scanner, and StAX
 * where the scanner gives up) as through StAX alone; and the scanner itself reads the clean files.
 */
class JtlXmlScannerTest {

    /** Exercises what the scanner decodes: references, UTF-8, CRLF, single quotes, children, batches, fields. */
    static final String VARIED = "<?xml version='1.0' encoding='utf-8' standalone=\"yes\"?>\r\n"
            + "<testResults version=\"1.2\">\r\n"
            + "<httpSample t=\"511\" lt=\"201\" ts=\"1132022311148\" s=\"true\" lb=\"Caf&#233; &amp; cr&#xE8;me\" rc=\"200\""
            + " rm=\"OK\" tn=\"Thread Group 1-1\" dt=\"text\" by='12' hn=\"h\u00f6st\"/>\r\n"
            + "<httpSample t = \"20\"\tts=\"1132022311200\" s=\"TRUE\" lb='\u041c\u0430\u0433\u0430\u0437\u0438\u043d \"q\"'"
            + " rc=\"200\" rm=\"OK\" tn=\"\u0413\u0440\u0443\u043f\u043f\u0430 2-7\" na=\"5\"/>\r\n"
            + "<httpSample t=\"30\" ts=\"1132022311300\" s=\" false \" lb=\"Pay\" rc=\"500\" rm=\"Server &lt;Error&gt;\""
            + " tn=\"Thread Group 1-2\" sc=\"3\" ec=\"2\">\r\n"
            + "  <assertionResult><name>a</name><failure>true</failure><error>false</error>"
            + "<failureMessage>Expected &quot;ok&quot;\r\nbut got &apos;no&apos; \u20ac &#x1F600;</failureMessage>"
            + "</assertionResult>\r\n"
            + "  <responseData class=\"java.lang.String\">&lt;html&gt; ] ]] > a]&gt; \u00e9</responseData>\r\n"
            + "  <java.net.URL>  https://shop/pay?a=1&amp;b=2  </java.net.URL>\r\n"
            + "</httpSample>\r\n"
            + "<sample t=\"300\" ts=\"1132022311400\" s=\"true\" lb=\"Tx\" rc=\"200\""
            + " rm=\"Number of samples in transaction : 1, number of failing samples : 0\" tn=\"Thread Group 1-1\">\r\n"
            + "  <httpSample t=\"300\" ts=\"1132022311400\" s=\"true\" lb=\"Inner\" rc=\"200\" rm=\"OK\" tn=\"\"/>\r\n"
            + "</sample>\r\n"
            + "<SampleResultWithSubs>\r\n  <label>Field &amp; style</label>\r\n  <startTime>1132022311500</startTime>\r\n"
            + "  <elapsedTime>7</elapsedTime>\r\n  <success>true</success>\r\n  <threadName>WD 1-1</threadName>\r\n"
            + "</SampleResultWithSubs>\r\n"
            + "<httpSample t=\"31\" ts=\"1132022311310\" s=\"true\" lb=\"Pay\" tn=\"Thread Group 1-2\">"
            + "<java.net.URL>https://shop/cart</java.net.URL></httpSample>\r\n"
            + "<httpSample t=\"8\" ts=\"1132022311550\" s=\"true\" lb=\"Home\" tn=\"Thread Group 3-1\"/>\r\n"
            + "<httpSample t=\"9\" ts=\"1132022311560\" s=\"true\" lb=\"Home\" tn=\"Other 3-1\"/>\r\n"
            + "<httpSample t=\"+5\" ts=\"1132022311600\" s=\"true\" lb=\"Signed\" rc=\"200\" rm=\"OK\" tn=\"Thread Group 1-1\"/>\r\n"
            + "</testResults>\r\n<!-- after the root: never read -->";

    /** Services by thread group and URL, so that the run shows the labels the scanner gives each sample. */
    static final ReadContext CONTEXT = new ReadContext(new EndpointResolver(List.of(
            new MappingRule(Map.of(MappingRule.Field.URL, Pattern.compile("/pay")), Map.of(), Optional.of("pay"),
                    Optional.empty()),
            new MappingRule(Map.of(MappingRule.Field.THREAD_GROUP, Pattern.compile("^Thread Group$")), Map.of(),
                    Optional.of("threads"), Optional.empty())), Naming.defaults()), TimeWindow.all());

    @TempDir
    Path dir;

    static Stream<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/resources/fixtures/jmeter"), Path.of("../../shared/corpus/jmeter"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(JtlXmlScannerTest::isXmlJtl).sorted().forEach(files::add);
                }
            }
        }
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    private static boolean isXmlJtl(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".jtl") || name.endsWith(".xml"))
                && new JtlXmlFormat().detect(InputFiles.head(file, file.toString())) != MatchStrength.NO_MATCH;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theScannerReadsEachRealFileAsStaxDoes(Path file) {
        for (boolean nested : new boolean[] {false, true}) {
            String stax = stax(file, nested);
            String scanned = scanned(file, nested);
            if (stax.contains("\"warnings\":[]") && !stax.startsWith("error")) {
                // a complete, clean file: the scanner must read it itself, and alike
                assertThat(scanned).as("scanner on %s", file).isEqualTo(stax);
            } else {
                // truncated or failing files are StAX's to report
                assertThat(scanned).as("scanner on %s", file).isIn(stax, "unsupported");
            }
            assertThat(format(file, nested)).as("format on %s", file).isEqualTo(stax);
        }
    }

    @Test
    void theScannerReadsTheVariedDocumentAsStaxDoes() throws IOException {
        Path file = write("varied.jtl", VARIED.getBytes(StandardCharsets.UTF_8));
        for (boolean nested : new boolean[] {false, true}) {
            assertThat(scanned(file, nested)).isEqualTo(stax(file, nested)).contains("Caf\u00e9 & cr\u00e8me")
                    .contains("Field & style").contains("\"threads\"").contains("\"pay\"");
        }
    }

    /**
     * Copies of real and varied files cut off at many places, with bytes overwritten or markup put in: the format
     * gives the same result, warnings or error as StAX alone, and the scanner read some of them itself.
     */
    @Test
    void damagedCopiesReadAlikeWithAndWithoutTheScanner() throws IOException {
        List<byte[]> sources = new ArrayList<>();
        sources.add(VARIED.getBytes(StandardCharsets.UTF_8));
        sources.add(JtlXmlFormatTest.NESTED.getBytes(StandardCharsets.UTF_8));
        for (Path file : files().toList()) {
            if (Files.size(file) < 64_000) {
                sources.add(Files.readAllBytes(file));
            }
        }
        byte[][] marks = {{'<'}, {'>'}, {'&'}, {'"'}, {'\''}, {'/'}, {'\r'}, {'\n'}, {'\t'}, {0}, {(byte) 0xC3},
                {(byte) 0xEF, (byte) 0xBF, (byte) 0xBE}, {']', ']', '>'}, "&foo;".getBytes(StandardCharsets.US_ASCII),
                "&#0;".getBytes(StandardCharsets.US_ASCII), "<!-- c -->".getBytes(StandardCharsets.US_ASCII),
                "<![CDATA[x]]>".getBytes(StandardCharsets.US_ASCII), "<a:b/>".getBytes(StandardCharsets.US_ASCII),
                " t=\"1\"".getBytes(StandardCharsets.US_ASCII), "</x>".getBytes(StandardCharsets.US_ASCII),
                "1".getBytes(StandardCharsets.US_ASCII), "a".getBytes(StandardCharsets.US_ASCII)};
        Random random = new Random(20261205);
        int scanned = 0;
        int resumed = 0;
        int copies = 0;
        for (byte[] source : sources) {
            for (int n = 0; n < 40; n++) {
                byte[] copy = damage(source, random, marks);
                Path file = write("damaged-" + copies++ + ".jtl", copy);
                boolean nested = random.nextBoolean();
                String stax = stax(file, nested);
                assertThat(format(file, nested)).as("copy %d: %s", copies - 1, new String(copy, StandardCharsets.UTF_8))
                        .isEqualTo(stax);
                if (!scanned(file, nested).equals("unsupported")) {
                    scanned++;
                } else if (stop(file, nested).offset() > 0) {
                    resumed++;
                }
            }
        }
        assertThat(scanned).as("copies the scanner read itself, of %d", copies).isGreaterThan(copies / 10);
        assertThat(resumed).as("copies StAX read on from where the scanner stopped, of %d", copies)
                .isGreaterThan(copies / 4);
    }

    /** Where the scanner stops on a file it does not read to the end. */
    static JtlXmlScanner.Stop stop(Path file, boolean nested) throws IOException {
        try (InputStream in = InputFiles.openBytes(file, file.toString())) {
            return new XmlSamples(file.toString(), nested, new SampleRecorder(CONTEXT, file.toString())).readFast(in);
        }
    }

    /** Woodstox does not count predefined entities and character references against its entity limit: nor does this. */
    @Test
    void manyReferencesAreReadAsStaxReadsThem() throws IOException {
        StringBuilder doc = new StringBuilder(JtlXmlFormatTest.START);
        for (int i = 0; i < 3000; i++) {
            doc.append("<httpSample t=\"5\" ts=\"").append(1000 + i).append("\" s=\"true\" lb=\"a&amp;b\" tn=\"G 1-1\">")
                    .append("<responseData>").append("&lt;x&gt;&#65;".repeat(50)).append("</responseData></httpSample>\n");
        }
        Path file = write("references.jtl", doc.append("</testResults>\n").toString().getBytes(StandardCharsets.UTF_8));
        assertThat(scanned(file, false)).isEqualTo(stax(file, false)).contains("\"requests\": 3000");
    }

    private static byte[] damage(byte[] source, Random random, byte[][] marks) {
        byte[] copy = source.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                return java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
            }
            case 1 -> {
                byte[] mark = marks[random.nextInt(marks.length)];
                int at = random.nextInt(copy.length - mark.length);
                System.arraycopy(mark, 0, copy, at, mark.length);
                return copy;
            }
            default -> {
                byte[] mark = marks[random.nextInt(marks.length)];
                int at = random.nextInt(copy.length);
                byte[] longer = new byte[copy.length + mark.length];
                System.arraycopy(copy, 0, longer, 0, at);
                System.arraycopy(mark, 0, longer, at, mark.length);
                System.arraycopy(copy, at, longer, at + mark.length, copy.length - at);
                return longer;
            }
        }
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    /** The result (run JSON and warnings) or error of StAX alone. */
    static String stax(Path file, boolean nested) {
        return outcome(() -> {
            SampleRecorder recorder = new SampleRecorder(CONTEXT, file.toString());
            try (Reader reader = InputFiles.openText(file, file.toString())) {
                new XmlSamples(file.toString(), nested, recorder).read(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return recorder.finish();
        });
    }

    /** The result of the scanner alone, or "unsupported" when it leaves the file to StAX. */
    static String scanned(Path file, boolean nested) {
        return outcome(() -> {
            SampleRecorder recorder = new SampleRecorder(CONTEXT, file.toString());
            try (InputStream in = InputFiles.openBytes(file, file.toString())) {
                return new XmlSamples(file.toString(), nested, recorder).readFast(in) == null ? recorder.finish() : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The result or error of the format as extraction uses it. */
    static String format(Path file, boolean nested) {
        return outcome(() -> new JtlXmlFormat(nested).read(InputFiles.head(file, file.toString()), CONTEXT));
    }

    private static String outcome(java.util.function.Supplier<ToolResult> read) {
        try {
            ToolResult r = read.get();
            return r == null ? "unsupported" : RunJson.write(new Run(r.metadata(), r.total(), r.services())) + "\n\"warnings\":" + r.warnings();
        } catch (RuntimeException e) {
            return "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}

package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.Extraction;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.TimeWindow;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.config.MappingRule;
import dev.loadverdict.model.config.Naming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JtlXmlFormatTest {

    static final String START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n";

    /** A transaction controller with "Generate parent sample": a redirected request inside, itself with sub-results. */
    static final String NESTED = START
            + "<sample t=\"300\" lt=\"0\" ts=\"1000\" s=\"false\" lb=\"Checkout\" rc=\"200\""
            + " rm=\"Number of samples in transaction : 2, number of failing samples : 1\" tn=\"Shop 1-1\" na=\"3\">\n"
            + "  <httpSample t=\"200\" ts=\"1000\" s=\"true\" lb=\"Cart\" rc=\"200\" rm=\"OK\" tn=\"Shop 1-1\" na=\"3\">\n"
            + "    <httpSample t=\"50\" ts=\"1000\" s=\"true\" lb=\"Cart-0\" rc=\"302\" rm=\"Found\" tn=\"Shop 1-1\"/>\n"
            + "    <httpSample t=\"150\" ts=\"1050\" s=\"true\" lb=\"Cart-1\" rc=\"200\" rm=\"OK\" tn=\"Shop 1-1\"/>\n"
            + "    <java.net.URL>https://shop/cart</java.net.URL>\n"
            + "  </httpSample>\n"
            + "  <httpSample t=\"100\" ts=\"1200\" s=\"false\" lb=\"Pay\" rc=\"200\" rm=\"OK\" tn=\"Shop 1-1\">\n"
            + "    <assertionResult><name>ok</name><failure>false</failure><error>false</error></assertionResult>\n"
            + "    <assertionResult><name>paid</name><failure>true</failure><error>false</error>"
            + "<failureMessage>Test failed: text expected to contain /paid/</failureMessage></assertionResult>\n"
            + "    <responseData class=\"java.lang.String\">&lt;html&gt; lots of it</responseData>\n"
            + "  </httpSample>\n"
            + "</sample>\n"
            + "<httpSample t=\"20\" ts=\"2000\" s=\"true\" lb=\"Home\" rc=\"200\" rm=\"OK\" tn=\"Shop 1-2\" na=\"4\"/>\n"
            + "<sample t=\"0\" ts=\"2100\" s=\"true\" lb=\"Nothing\" rc=\"200\""
            + " rm=\"Number of samples in transaction : 0, number of failing samples : 0\" tn=\"Shop 1-2\"/>\n"
            + "</testResults>\n";

    @TempDir
    Path dir;

    @Test
    void byDefaultOnlyTopLevelSamplesCountAndAParentStandsForItsChildren() throws IOException {
        Path file = Jtl.write(dir, "nested.jtl", NESTED);
        Run run = Jtl.extract(file).run();
        Map<String, EndpointStats> endpoints = Jtl.endpoints(run);
        assertThat(endpoints).containsOnlyKeys("Checkout", "Home");
        // the transaction's children are not counted, so it stays in the totals
        assertThat(run.total().orElseThrow().requests()).isEqualTo(2);
        assertThat(run.total().orElseThrow().failures()).isEqualTo(1);
        assertThat(run.metadata().workload().users()).hasValue(4);
    }

    @Test
    void withSubSamplesAsEndpointsEveryLevelCountsAndTheTransactionLeavesTheTotals() throws IOException {
        Path file = Jtl.write(dir, "nested.jtl", NESTED);
        ToolResult result = Jtl.read(new JtlXmlFormat(true), file);
        Map<String, EndpointStats> endpoints = Jtl.endpoints(result.services());
        assertThat(endpoints).containsOnlyKeys("Checkout", "Cart", "Cart-0", "Cart-1", "Pay", "Home");
        assertThat(result.total().orElseThrow().requests()).isEqualTo(5);
        assertThat(endpoints.get("Pay").failuresByKind()).containsOnlyKeys("Test failed: text expected to contain /paid/");
        assertThat(endpoints.get("Checkout").failuresByKind())
                .containsOnlyKeys("200 Number of samples in transaction : 2, number of failing samples : 1");
    }

    @Test
    void aTransactionWithoutChildrenStaysOutOfTheTotals() throws IOException {
        Path file = Jtl.write(dir, "flat.jtl", START
                + "<httpSample t=\"20\" ts=\"1000\" s=\"true\" lb=\"A\" rc=\"200\" rm=\"OK\" tn=\"T 1-1\"/>\n"
                + "<httpSample t=\"30\" ts=\"1020\" s=\"true\" lb=\"B\" rc=\"200\" rm=\"OK\" tn=\"T 1-1\"/>\n"
                + "<sample t=\"50\" ts=\"1000\" s=\"true\" lb=\"TC\" rc=\"200\""
                + " rm=\"Number of samples in transaction : 2, number of failing samples : 0\" tn=\"T 1-1\"/>\n"
                + "</testResults>\n");
        Run run = Jtl.extract(file).run();
        assertThat(Jtl.endpoints(run)).containsOnlyKeys("A", "B", "TC");
        assertThat(run.total().orElseThrow().requests()).isEqualTo(2);
    }

    @Test
    void theUrlComesFromTheJavaNetUrlChild() throws IOException {
        Path file = Jtl.write(dir, "nested.jtl", NESTED);
        MappingRule byUrl = new MappingRule(Map.of(MappingRule.Field.URL, Pattern.compile("^https://shop/cart$")),
                Map.of(), Optional.of("cart"), Optional.empty());
        ReadContext context = new ReadContext(new EndpointResolver(List.of(byUrl), Naming.defaults()), TimeWindow.all());
        ToolResult result = new JtlXmlFormat(true).read(InputFiles.head(file, file.toString()), context);
        assertThat(result.services()).extracting(s -> s.name() + ":" + s.endpoints().size())
                .containsExactlyInAnyOrder("cart:1", "default:5");
        assertThat(result.services().stream().filter(s -> s.name().equals("cart")).findFirst().orElseThrow()
                .endpoints().get(0).id().key()).isEqualTo("Cart");
    }

    @Test
    void aTruncatedFileYieldsItsCompleteSamplesAndAWarning() throws IOException {
        String complete = START
                + "<httpSample t=\"20\" ts=\"1000\" s=\"true\" lb=\"A\" rc=\"200\" rm=\"OK\" tn=\"T 1-1\">\n"
                + "  <responseData class=\"java.lang.String\">x</responseData>\n"
                + "</httpSample>\n"
                + "<httpSample t=\"30\" ts=\"1020\" s=\"true\" lb=\"A\" rc=\"200\" rm=\"OK\" tn=\"T 1-1\"/>\n";
        for (String tail : new String[] {"", "<httpSample t=\"40\" ts=\"1040\" s=\"tr",
                "<httpSample t=\"40\" ts=\"1040\" s=\"true\" lb=\"A\" rc=\"200\">\n  <responseData>cut off"}) {
            Path file = Jtl.write(dir, "cut.jtl", complete + tail);
            Extraction extraction = Jtl.extract(file);
            assertThat(extraction.run().total().orElseThrow().requests()).isEqualTo(2);
            assertThat(extraction.warnings()).singleElement().asString()
                    .matches(java.util.regex.Pattern.quote(file.toString()) + ":\\d+: truncated: the file ends before"
                            + " </testResults> .*");
        }
    }

    @Test
    void anUndeclaredEntityInTextThatIsReadIsAnErrorWithItsLine() throws IOException {
        // found by fuzzing (ExtractorFuzzTestInputs/jmeterXml/crash-fc30f109…): Woodstox parses text lazily and
        // reported the entity as an unchecked WstxLazyException when the text was read
        String xml = START + "<httpSample t=\"20\" ts=\"1000\" s=\"false\" lb=\"A\" rc=\"200\">\n"
                + "<assertionResult><failure>true</failure><failureMessage>it took too long &oops;</failureMessage></assertionResult>\n"
                + "</httpSample>\n</testResults>\n";
        Path file = Jtl.write(dir, "entity.jtl", xml);
        InputException e = Jtl.failure(file);
        assertThat(e.line()).hasValue(4);
        assertThat(e.getMessage()).startsWith(file + ":4: broken XML: ").contains("oops").doesNotContain("\n");
    }

    @Test
    void damageInsideTheFileIsAnErrorWithItsLine() throws IOException {
        StringBuilder xml = new StringBuilder(START);
        xml.append("<httpSample t=\"20\" ts=\"1000\" s=\"true\" lb=\"A\" rc=\"200\" rm=\"OK\" tn=\"T 1-1\"/>\n");
        xml.append("<httpSample t=\"20\" <oops/>\n");
        for (int i = 0; i < 20; i++) {
            xml.append("<httpSample t=\"20\" ts=\"1000\" s=\"true\" lb=\"A\" rc=\"200\" rm=\"OK\" tn=\"T 1-1\"/>\n");
        }
        xml.append("</testResults>\n");
        Path file = Jtl.write(dir, "broken.jtl", xml.toString());
        InputException e = Jtl.failure(file);
        assertThat(e.line()).hasValue(4);
        assertThat(e.getMessage()).startsWith(file + ":4: broken XML: ");
    }

    @Test
    void aDoctypeIsRefusedAndNoEntityIsReadOrFetched() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/";
            String[] attacks = {
                "<!DOCTYPE testResults [\n<!ENTITY passwd SYSTEM \"file:///etc/passwd\">\n"
                        + "<!ENTITY remote SYSTEM \"" + url + "entity\">\n]>\n",
                "<!DOCTYPE testResults SYSTEM \"" + url + "external.dtd\">\n",
                "<!DOCTYPE testResults [\n<!ENTITY % p SYSTEM \"" + url + "parameter\">\n%p;\n]>\n"};
            for (String doctype : attacks) {
                Path file = Jtl.write(dir, "xxe.jtl", "<?xml version=\"1.0\"?>\n" + doctype
                        + "<testResults version=\"1.2\">\n"
                        + "<httpSample t=\"1\" ts=\"1\" s=\"true\" lb=\"&passwd;\" rc=\"200\" rm=\"OK\" tn=\"T 1-1\"/>\n"
                        + "</testResults>\n");
                assertThat(new JtlXmlFormat().detect(new Head(file, Jtl.head(file))))
                        .as("detected, so the refusal is explained").isEqualTo(MatchStrength.FULL_MATCH);
                InputException e = Jtl.failure(file);
                assertThat(e.getMessage()).startsWith(file + ":").contains("has a DOCTYPE declaration")
                        .doesNotContain("root:");
                assertThatThrownBy(server::accept).as("nothing fetched for " + doctype)
                        .isInstanceOf(SocketTimeoutException.class);
            }
        }
    }

    @Test
    void theWebDriverPluginsFieldByFieldElementIsASample() throws IOException {
        Path file = Jtl.write(dir, "wd.jtl", START
                + "<com.googlecode.jmeter.plugins.webdriver.sampler.SampleResultWithSubs>\n"
                + "  <saveConfig><time>true</time><label>true</label><success>true</success></saveConfig>\n"
                + "  <responseCode>500</responseCode>\n  <label>http://unknown.host/</label>\n"
                + "  <threadName>Thread Group 1-1</threadName>\n  <timeStamp>0</timeStamp>\n"
                + "  <startTime>1431506202173</startTime>\n  <responseMessage>TypeError</responseMessage>\n"
                + "  <success>false</success>\n  <elapsedTime>12</elapsedTime>\n  <allThreads>1</allThreads>\n"
                + "</com.googlecode.jmeter.plugins.webdriver.sampler.SampleResultWithSubs>\n"
                + "<unrelated/>\n"
                + "</testResults>\n");
        Extraction extraction = Jtl.extract(file);
        EndpointStats sample = Jtl.endpoints(extraction.run()).get("http://unknown.host/");
        assertThat(sample.requests()).isEqualTo(1);
        assertThat(sample.failuresByKind()).containsOnlyKeys("500 TypeError");
        assertThat(sample.latency().max()).hasValue(12.0);
        assertThat(extraction.run().metadata().start()).contains(java.time.Instant.ofEpochMilli(1431506202173L));
        assertThat(extraction.warnings()).singleElement().asString().contains(":15: skipped 1 element(s)");
    }

    @Test
    void aSampleWithoutTimesIsRefusedWithTheReason() throws IOException {
        Path file = Jtl.write(dir, "batch.xml", START
                + "<sample s=\"true\" lb=\"Setup 1\" rc=\"200\" rm=\"OK\" dt=\"text\" by=\"0\" sc=\"1\" ec=\"0\"/>\n"
                + "</testResults>\n");
        assertThat(Jtl.failure(file).getMessage()).isEqualTo(file + ":3: sample 'Setup 1' has no 't' (elapsed):"
                + " JMeter was configured not to save it, and loadverdict needs the start and response time of every"
                + " sample (see jmeter.save.saveservice.* in jmeter.properties)");
    }

    @Test
    void batchedSamplesCountAsTheirSampleCount() throws IOException {
        Path file = Jtl.write(dir, "sc.jtl", START
                + "<sample t=\"90\" ts=\"1\" s=\"false\" lb=\"B\" rc=\"500\" rm=\"x\" sc=\"3\" ec=\"2\"/>\n"
                + "</testResults>\n");
        EndpointStats b = Jtl.endpoints(Jtl.extract(file).run()).get("B");
        assertThat(b.requests()).isEqualTo(3);
        assertThat(b.failures()).isEqualTo(2);
        assertThat(b.latency().mean()).hasValue(30.0);
    }

    @Test
    void detectionWantsTestResultsAsTheRoot() {
        JtlXmlFormat xml = new JtlXmlFormat();
        assertThat(xml.detect(new Head(dir, START + "<httpSample t=\"1\"/>"))).isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(xml.detect(new Head(dir, "<testResults version=\"1.2\">\n</testResults>")))
                .isEqualTo(MatchStrength.SOLID_MATCH);
        assertThat(xml.detect(new Head(dir, "<!-- a comment -->\n<testResults>"))).isEqualTo(MatchStrength.SOLID_MATCH);
        assertThat(xml.detect(new Head(dir, "<?xml version=\"1.0\"?>\n<testsuite><testResults/></testsuite>")))
                .isEqualTo(MatchStrength.NO_MATCH);
        assertThat(xml.detect(new Head(dir, "timeStamp,elapsed,label\n"))).isEqualTo(MatchStrength.NO_MATCH);
    }

    @Test
    void anotherRootElementIsRefused() throws IOException {
        Path file = Jtl.write(dir, "other.xml", "<?xml version=\"1.0\"?>\n<testsuite/>\n");
        assertThatThrownBy(() -> Jtl.read(new JtlXmlFormat(), file)).isInstanceOf(InputException.class)
                .hasMessage(file + ":2: the root element is <testsuite>, not JMeter's <testResults>");
    }
}

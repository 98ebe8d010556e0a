package dev.loadverdict.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/** compare --report … --out-dir, and what it does inside GitHub Actions. */
class ReportsAndActionsTest {

    private static final String BASELINE = Cli.ROOT.resolve("examples/baselines/shop.json").toString();
    private static final String REGRESSED = Cli.ROOT.resolve("examples/runs/locust-regressed").toString();

    @TempDir
    Path tmp;

    @Test
    void reportFilesAreWrittenAndTheJunitXmlIsValidWithOneFailurePerCriticalRegression() throws Exception {
        Cli.Result r = Cli.runIn(tmp, Map.of(), "compare", "--baseline", BASELINE, "--report", "md,junit,json,text",
                "--out-dir", "out", REGRESSED);
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(tmp.resolve("out")).isDirectoryContaining("glob:**/report.md").isDirectoryContaining("glob:**/junit.xml")
                .isDirectoryContaining("glob:**/comparison.json").isDirectoryContaining("glob:**/report.txt");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(tmp.resolve("out/junit.xml").toFile());
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("failures")).isEqualTo("3");
        NodeList failures = xml.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(3);
        assertThat(((Element) failures.item(0)).getAttribute("type")).isEqualTo("critical");

        Cli.Result warnings = Cli.runIn(tmp, Map.of(), "compare", "--baseline", BASELINE, "--fail-on", "warning",
                "--report", "junit", "--out-dir", "out2", REGRESSED);
        assertThat(warnings.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(Files.readString(tmp.resolve("out2/junit.xml"))).contains("failures=\"7\"");
        assertThat(Cli.runIn(tmp, Map.of(), "compare", "--baseline", BASELINE, "--report", "pdf", REGRESSED).exitCode())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void insideGitHubActionsTheSummaryAnnotationsAndOutputsAreWritten() throws IOException {
        Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", "summary.md",
                "GITHUB_OUTPUT", "output.txt");
        Cli.Result r = Cli.runIn(tmp, env, "compare", "--baseline", BASELINE, "--report", "md", REGRESSED);
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(Files.readString(tmp.resolve("summary.md"))).startsWith("## loadverdict: FAIL");
        assertThat(Files.readString(tmp.resolve("output.txt"))).contains("verdict=fail\n", "critical=3\n", "warning=4\n",
                "failed=true\n", "report-md=loadverdict-reports/report.md\n");
        assertThat(r.err().lines().filter(l -> l.startsWith("::error title=loadverdict critical%3A ")).count()).isEqualTo(3);
        assertThat(r.err().lines().filter(l -> l.startsWith("::warning title=loadverdict warning%3A ")).count()).isEqualTo(4);
        assertThat(r.out()).doesNotContain("::error");
        // numbers as the reports write them, and a throughput drop reads as a drop
        assertThat(r.err().lines().filter(l -> l.contains("POST /api/checkout throughput::"))).singleElement(STRING)
                .contains("::throughput 13.0 req/s → 10.6 req/s, -2.4 req/s (-18.5%25). ");
        assertThat(r.err().lines().filter(l -> l.contains("GET /api/search p95::"))).singleElement(STRING)
                .contains("::p95 110 ms → 260 ms, +150 ms (+136.4%25). ");

        Cli.Result outside = Cli.runIn(tmp, Map.of("GITHUB_STEP_SUMMARY", "other.md"), "compare", "--baseline", BASELINE, REGRESSED);
        assertThat(outside.err()).doesNotContain("::error");
        assertThat(tmp.resolve("other.md")).doesNotExist();
    }

    @Test
    void aSavedComparisonRendersAgainExactlyAsCompareRenderedIt() throws IOException {
        Cli.Result json = Cli.runIn(tmp, Map.of(), "compare", "--baseline", BASELINE, "--format", "json", REGRESSED);
        Files.writeString(tmp.resolve("comparison.json"), json.out());
        Cli.Result text = Cli.runIn(tmp, Map.of(), "compare", "--baseline", BASELINE, "--format", "md", REGRESSED);

        Cli.Result again = Cli.runIn(tmp, Map.of(), "report", "comparison.json", "--format", "md", "--report", "junit");
        assertThat(again.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(again.out()).isEqualTo(text.out());
        assertThat(Cli.runIn(tmp, Map.of(), "report", "comparison.json", "--format", "json").out()).isEqualTo(json.out());
        assertThat(tmp.resolve("loadverdict-reports/junit.xml")).exists();
        assertThat(Cli.runIn(tmp, Map.of(), "report", "comparison.json", "--fail-on", "never").exitCode()).isZero();

        Files.writeString(tmp.resolve("forged.json"), json.out().replace("\"verdict\": \"fail\"", "\"verdict\": \"pass\""));
        Cli.Result forged = Cli.runIn(tmp, Map.of(), "report", "forged.json");
        assertThat(forged.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(forged.err()).contains("forged.json:").contains("does not follow from the findings");
    }

    @Test
    void aTemplateDirectoryReplacesABuiltInTemplateButCannotSwitchEscapingOff() throws IOException {
        Cli.Result custom = Cli.run("compare", "--template-dir", "examples/templates", "--format", "md",
                "--baseline", BASELINE, REGRESSED);
        assertThat(custom.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(custom.out()).startsWith("**loadverdict FAIL** — 3 critical, 4 warning regressions").contains("- 🔴 critical default");
        // the text format is still the built-in one
        assertThat(Cli.run("compare", "--template-dir", "examples/templates", "--baseline", BASELINE, REGRESSED).out())
                .startsWith("loadverdict: FAIL");

        Path dir = Files.createDirectories(tmp.resolve("evil"));
        Files.writeString(dir.resolve("markdown.ftl"), "<#list regressions as r>${r.endpoint?no_esc}</#list>\n");
        Cli.Result evil = Cli.run("compare", "--template-dir", dir.toString(), "--format", "md", "--baseline", BASELINE, REGRESSED);
        assertThat(evil.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(evil.err()).contains("the template failed").doesNotContain("\tat ");
        assertThat(Cli.run("compare", "--template-dir", "nope", "--baseline", BASELINE, REGRESSED).exitCode())
                .isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void aVerbatimCopyOfTheBuiltInTemplatesGivesTheSameReportsChartsIncluded() throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        Path builtIn = Cli.ROOT.resolve("reporter/src/main/resources/dev/loadverdict/reporter/templates");
        try (var templates = Files.list(builtIn)) {
            for (Path t : templates.toList()) {
                Files.copy(t, copy.resolve(t.getFileName()));
            }
        }
        Cli.Result own = Cli.run("compare", "--report", "html,md,junit,text", "--out-dir", tmp.resolve("own").toString(),
                "--baseline", BASELINE, REGRESSED);
        Cli.Result copied = Cli.run("compare", "--template-dir", copy.toString(), "--report", "html,md,junit,text",
                "--out-dir", tmp.resolve("copied").toString(), "--baseline", BASELINE, REGRESSED);
        assertThat(copied.exitCode()).isEqualTo(own.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(copied.out()).isEqualTo(own.out());
        for (String file : new String[] {"report.html", "report.md", "junit.xml", "report.txt"}) {
            assertThat(Files.readString(tmp.resolve("copied").resolve(file))).as(file)
                    .isEqualTo(Files.readString(tmp.resolve("own").resolve(file)));
        }
        // the copy got the runs: the example's Locust history has no p95 of the moment, and the report says so
        assertThat(Files.readString(tmp.resolve("copied/report.html"))).contains("No p95 over time: this source records");
    }

    @Test
    void templatesThatEvaluateTextLinkOutsideOrRecurseAreBadInputNamingTheTemplate() throws IOException {
        Path interpret = templates("interpret", "markdown.ftl", "# report\n<#list regressions as r><@r.endpoint?interpret/></#list>\n");
        Cli.Result r = markdownWith(interpret);
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().replace("\n  ", " ")).isEqualTo("loadverdict: " + interpret.resolve("markdown.ftl") + ":2: uses ?interpret, which would"
                + " run text (from result files too) as template code with its output unescaped; loadverdict does not allow it\n");

        Path eval = templates("eval", "markdown.ftl", "<#include \"part.md.ftl\">\n", "part.md.ftl", "${'1 + 1' ? eval}\n");
        Cli.Result e = markdownWith(eval);
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.err()).startsWith("loadverdict: " + eval.resolve("part.md.ftl") + ":1: uses ?eval,");

        Path outside = Files.writeString(tmp.resolve("outside.ftl"), "${verdict}\n");
        Path linked = Files.createDirectories(tmp.resolve("linked"));
        Files.createSymbolicLink(linked.resolve("markdown.ftl"), outside);
        Cli.Result l = markdownWith(linked);
        assertThat(l.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(l.err()).isEqualTo("loadverdict: " + linked.resolve("markdown.ftl") + ": resolves to a file outside the"
                + " template directory (a symbolic link?); templates must lie in it\n");

        Path recursive = templates("recursive", "markdown.ftl", "<#include \"markdown.ftl\">\n");
        Cli.Result rec = markdownWith(recursive);
        assertThat(rec.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(rec.err()).startsWith("loadverdict: " + recursive + "/markdown.ftl: the template failed: the md report"
                + " template recursed without end").doesNotContain("\tat ");
        assertThat(rec.err().lines().skip(1)).as("one error, continued on indented lines").allMatch(line -> line.startsWith("  "));
    }

    /** A template directory {@code name} holding the given file name / text pairs. */
    private Path templates(String name, String... namesAndTexts) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            Files.writeString(dir.resolve(namesAndTexts[i]), namesAndTexts[i + 1]);
        }
        return dir;
    }

    private static Cli.Result markdownWith(Path templateDir) {
        return Cli.run("compare", "--template-dir", templateDir.toString(), "--format", "md", "--baseline", BASELINE, REGRESSED);
    }

    @Test
    void colourOnlyWhenAskedOrOnATerminalWithoutNoColor() {
        Cli.Result always = Cli.run("compare", "--color", "always", "--baseline", BASELINE, REGRESSED);
        assertThat(always.out()).startsWith("loadverdict: \u001B[31;1mFAIL\u001B[0m").contains("\u001B[31;1mCRITICAL\u001B[0m");
        Cli.Result never = Cli.run("compare", "--color", "never", "--baseline", BASELINE, REGRESSED);
        assertThat(never.out()).doesNotContain("\u001B");
        // tests run without a console: auto means none
        assertThat(Cli.run("compare", "--baseline", BASELINE, REGRESSED).out()).doesNotContain("\u001B");
        assertThat(Cli.run("compare", "--color", "sometimes", "--baseline", BASELINE, REGRESSED).exitCode())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void annotationsAreCappedAtTenOfEachKindMostSevereFirstAndTheRestCounted() throws IOException {
        // synthetic JTLs written by the test: 12 endpoints, each 3x slower in the second run
        Files.writeString(tmp.resolve("base.csv"), jtl(50));
        Files.writeString(tmp.resolve("slow.csv"), jtl(150));
        assertThat(Cli.runIn(tmp, Map.of(), "baseline", "promote", "base.csv", "--to", "b.json").exitCode()).isZero();
        Cli.Result r = Cli.runIn(tmp, Map.of("GITHUB_ACTIONS", "true"), "compare", "--baseline", "b.json", "slow.csv");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.err().lines().filter(l -> l.startsWith("::error ")).count()).isEqualTo(10);
        assertThat(r.err().lines().filter(l -> l.startsWith("::notice ")).findFirst()).hasValueSatisfying(
                l -> assertThat(l).contains("more regressions are in the job summary"));
    }

    private static String jtl(int elapsed) {
        StringBuilder s = new StringBuilder("timeStamp,elapsed,label,responseCode,success\n");
        for (int i = 0; i < 2400; i++) {
            s.append(1_700_000_000_000L + i * 10L).append(',').append(elapsed + i % 5).append(",GET /e").append(i % 12)
                    .append(",200,true\n");
        }
        return s.toString();
    }

    @Test
    void workflowCommandTextCannotEndTheCommandOrStartAnother() {
        assertThat(GitHubActions.data("50% slower\n::error::owned\r")).isEqualTo("50%25 slower%0A::error::owned%0D");
        assertThat(GitHubActions.property("a: b, c")).isEqualTo("a%3A b%2C c");
        assertThat(GitHubActions.data("bell\u0007")).isEqualTo("bell");
    }
}

package dev.loadverdict.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOADVERDICT_&lt;OPTION&gt; variables as defaults of the options the GitHub Action passes, in every command that has the
 * option; options inside groups are checked both when no option of their group is typed and when another one is
 * (picocli then makes the group anew).
 */
class EnvironmentDefaultsTest {

    @TempDir
    Path tmp;

    /** The command the arguments name, parsed (not run) with these variables. */
    private static <T> T parsed(Class<T> type, Map<String, String> env, String... args) {
        Main.Environment environment = new Main.Environment(env, Cli.ROOT, Cli.CLOCK);
        CommandLine cli = Main.commandLine(environment, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        var parsed = cli.parseArgs(args);
        new EnvironmentDefaults(env).complete(parsed); // as Main's execution does
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return type.cast(parsed.commandSpec().userObject());
    }

    @Test
    void everyActionOptionOfCompareTakesItsVariable() {
        Map<String, String> env = Map.ofEntries(Map.entry("LOADVERDICT_BASELINE", "shop@auto"), Map.entry("LOADVERDICT_BASELINE_RUNS", "3"),
                Map.entry("LOADVERDICT_BASELINES_DIR", "perf/baselines"), Map.entry("LOADVERDICT_DATA_BRANCH", "perf-data"),
                Map.entry("LOADVERDICT_CONFIG", "perf/loadverdict.yml"), Map.entry("LOADVERDICT_STAGES", "steady=60s.."),
                Map.entry("LOADVERDICT_FAIL_ON", "warning"), Map.entry("LOADVERDICT_IF_NO_BASELINE", "pass"),
                Map.entry("LOADVERDICT_STRICT_PROFILE", "true"), Map.entry("LOADVERDICT_REPORT", "md,json"),
                Map.entry("LOADVERDICT_OUT_DIR", "out"), Map.entry("LOADVERDICT_SUITE", "nightly"));
        for (String[] args : new String[][] {{"compare", "run/"},
                // one typed option of each group: picocli makes those groups anew
                {"compare", "--remote", "upstream", "--jmeter-sub-samples", "--color", "never", "--noise-runs", "7",
                        "--profile-tolerance", "20", "--require-significance", "--dry-run", "run/"}}) {
            CompareCommand c = parsed(CompareCommand.class, env, args);
            assertThat(c.baseline).isEqualTo("shop@auto");
            assertThat(c.baselineRuns).isEqualTo(3);
            assertThat(c.baselines.dir).isEqualTo("perf/baselines");
            assertThat(c.baselines.dataBranch).isEqualTo("perf-data");
            assertThat(c.config).isEqualTo("perf/loadverdict.yml");
            assertThat(c.window.stages).isEqualTo("steady=60s..");
            assertThat(c.verdict.failOn.failOn).isEqualTo(CompareCommand.FailOn.WARNING);
            assertThat(c.ifNoBaseline).isEqualTo(CompareCommand.IfNoBaseline.PASS);
            assertThat(c.verdict.strictProfile).isTrue();
            assertThat(c.reports.report).isEqualTo("md,json");
            assertThat(c.reports.outDir).isEqualTo("out");
            assertThat(c.filing.issues.suite).isEqualTo("nightly");
        }
    }

    @Test
    void theWindowVariablesAndKeepFullReachRecord() {
        Map<String, String> env = Map.of("LOADVERDICT_WINDOW", "60s..6m", "LOADVERDICT_SKIP_WARMUP", "30s",
                "LOADVERDICT_SKIP_RAMPDOWN", "10s", "LOADVERDICT_KEEP_FULL", "12", "LOADVERDICT_SUITE", "checkout");
        for (String[] args : new String[][] {{"baseline", "record", "run/"},
                {"baseline", "record", "--jmeter-sub-samples", "--run-url", "https://ci/1", "run/"}}) {
            BaselineRecordCommand r = parsed(BaselineRecordCommand.class, env, args);
            assertThat(r.window.window).isEqualTo("60s..6m");
            assertThat(r.window.skipWarmup).isEqualTo("30s");
            assertThat(r.window.skipRampdown).isEqualTo("10s");
            assertThat(r.retention.keepFull).isEqualTo(12);
            assertThat(r.suite).isEqualTo("checkout");
        }
    }

    @Test
    void issuesAndCommentTakeTheirs() {
        Map<String, String> env = Map.of("LOADVERDICT_SUITE", "nightly", "LOADVERDICT_FAIL_ON", "never",
                "LOADVERDICT_BASELINES_DIR", "perf");
        for (String[] args : new String[][] {{"issues", "c.json"}, {"issues", "--label", "perf", "--remote", "up", "c.json"}}) {
            IssuesCommand i = parsed(IssuesCommand.class, env, args);
            assertThat(i.issues.suite).isEqualTo("nightly");
            assertThat(i.failOn.failOn).isEqualTo(CompareCommand.FailOn.NEVER);
            assertThat(i.baselines.dir).isEqualTo("perf");
        }
        assertThat(parsed(CommentCommand.class, env, "comment", "c.json").failOn.failOn).isEqualTo(CompareCommand.FailOn.NEVER);
    }

    @Test
    void aFlagWinsOverItsVariable() {
        Map<String, String> env = Map.of("LOADVERDICT_FAIL_ON", "never", "LOADVERDICT_BASELINES_DIR", "perf",
                "LOADVERDICT_SUITE", "nightly", "LOADVERDICT_STRICT_PROFILE", "true");
        CompareCommand c = parsed(CompareCommand.class, env, "compare", "-b", "x", "--fail-on", "critical", "--baselines-dir", "b",
                "--suite", "s", "run/");
        assertThat(c.verdict.failOn.failOn).isEqualTo(CompareCommand.FailOn.CRITICAL);
        assertThat(c.baselines.dir).isEqualTo("b");
        assertThat(c.filing.issues.suite).isEqualTo("s");
    }

    @Test
    void anEmptyVariableIsNoDefault() {
        CompareCommand c = parsed(CompareCommand.class, Map.of("LOADVERDICT_DATA_BRANCH", "", "LOADVERDICT_FAIL_ON", " "),
                "compare", "-b", "x", "run/");
        assertThat(c.baselines.dataBranch).isNull();
        assertThat(c.verdict.failOn.failOn).isEqualTo(CompareCommand.FailOn.CRITICAL);
    }

    @Test
    void promotesExclusiveSuiteOrFileTakesNoVariable() {
        Cli.Result r = Cli.runIn(Cli.ROOT, Map.of("LOADVERDICT_SUITE", "shop"), "baseline", "promote", "examples/runs/locust-unchanged/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("Missing required argument").contains("--to=FILE | -s=NAME");
    }

    @Test
    void theBaselineVariableSatisfiesTheRequiredOptionAndTheVerdictFollowsFailOn() {
        Map<String, String> env = Map.of("LOADVERDICT_BASELINE", "examples/baselines/shop.json");
        Cli.Result regressed = Cli.runIn(Cli.ROOT, env, "compare", "examples/runs/locust-regressed/");
        assertThat(regressed.exitCode()).as(regressed.err()).isEqualTo(ExitCode.REGRESSION);
        Map<String, String> never = Map.of("LOADVERDICT_BASELINE", "examples/baselines/shop.json", "LOADVERDICT_FAIL_ON", "never");
        assertThat(Cli.runIn(Cli.ROOT, never, "compare", "examples/runs/locust-regressed/").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(Cli.runIn(Cli.ROOT, never, "compare", "--noise-runs", "6", "examples/runs/locust-regressed/").exitCode())
                .as("with the verdict's group made anew").isEqualTo(ExitCode.OK);
        Cli.Result missing = Cli.runIn(Cli.ROOT, Map.of(), "compare", "examples/runs/locust-regressed/");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).startsWith("loadverdict: Missing required option: '--baseline=REF' (or set $LOADVERDICT_BASELINE)\n");
    }

    @Test
    void reportFilesGoWhereTheVariablesSay() throws IOException {
        Path out = tmp.resolve("reports");
        Map<String, String> env = Map.of("LOADVERDICT_REPORT", "json", "LOADVERDICT_OUT_DIR", out.toString());
        Cli.Result r = Cli.runIn(Cli.ROOT, env, "compare", "-b", "examples/baselines/shop.json", "--color", "never",
                "examples/runs/locust-unchanged/");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(out.resolve("comparison.json"))).contains("\"verdict\"");
    }

    @Test
    void aBadValueFromAVariableNamesTheVariable() {
        Cli.Result r = Cli.runIn(Cli.ROOT, Map.of("LOADVERDICT_FAIL_ON", "sometimes"), "compare", "-b", "examples/baselines/shop.json",
                "examples/runs/locust-unchanged/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("loadverdict: Invalid value for option '--fail-on' (from $LOADVERDICT_FAIL_ON): --fail-on must be"
                + " one of warning, critical, never, not 'sometimes'\n");
        Cli.Result typed = Cli.runIn(Cli.ROOT, Map.of("LOADVERDICT_FAIL_ON", "never"), "compare", "-b", "examples/baselines/shop.json",
                "--fail-on", "often", "examples/runs/locust-unchanged/");
        assertThat(typed.err()).as("a typed value is not the variable's").doesNotContain("LOADVERDICT_FAIL_ON");
        Cli.Result flag = Cli.runIn(Cli.ROOT, Map.of("LOADVERDICT_STRICT_PROFILE", "yes"), "compare", "-b", "examples/baselines/shop.json",
                "examples/runs/locust-unchanged/");
        assertThat(flag.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(flag.err()).contains("--strict-profile").contains("$LOADVERDICT_STRICT_PROFILE");
    }

    @Test
    void theReadmesTableListsEveryVariable() throws IOException {
        String readme = Files.readString(Cli.ROOT.resolve("README.md"));
        java.util.List<String> rows = java.util.regex.Pattern.compile("(?m)^\\| `(LOADVERDICT_[A-Z_]+)` \\| `(--[a-z-]+)")
                .matcher(readme).results().map(m -> m.group(2) + "=" + m.group(1)).toList();
        assertThat(rows).containsExactlyElementsOf(EnvironmentDefaults.OPTIONS.stream()
                .map(o -> o + "=" + EnvironmentDefaults.variable(o)).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"compare", "issues", "comment", "report", "baseline record", "extract"})
    void helpNamesTheVariableOfEveryOptionThatHasOne(String command) {
        Cli.Result help = Cli.run((command + " --help").split(" "));
        CommandLine cli = Main.commandLine(new Main.Environment(Map.of(), Cli.ROOT, Cli.CLOCK), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        for (String name : command.split(" ")) {
            cli = cli.getSubcommands().get(name);
        }
        String text = help.out().replaceAll("\\s+", " ");
        for (CommandLine.Model.OptionSpec option : cli.getCommandSpec().options()) {
            EnvironmentDefaults.variableOf(option).ifPresent(v -> assertThat(text).as(option.longestName()).contains("(env: " + v + ")"));
        }
        assertThat(text.split("\\(env: ", -1).length - 1).isEqualTo(cli.getCommandSpec().options().stream()
                .filter(o -> EnvironmentDefaults.variableOf(o).isPresent()).count());
    }
}

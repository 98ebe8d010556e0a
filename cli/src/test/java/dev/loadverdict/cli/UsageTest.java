package dev.loadverdict.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class UsageTest {

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"", "extract", "compare", "baseline", "baseline promote"})
    void everyCommandHasHelpAndVersion(String command) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        Cli.Result help = Cli.run(append(words, "--help"));
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: loadverdict" + (command.isEmpty() ? "" : " " + command));
        Cli.Result version = Cli.run(append(words, "--version"));
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("loadverdict ");
    }

    @Test
    void topLevelHelpListsEveryExitCodeWithBothMeaningsOfFourAndNothingWraps() {
        String help = Cli.run("--help").out();
        assertThat(help).contains("  0  no regression", "  1  regression", "  2  usage error", "  3  bad input",
                "  4  internal error, or a GitHub failure when the run did not regress");
        String footer = help.substring(help.indexOf("Exit codes:"));
        assertThat(footer.lines()).allSatisfy(line -> assertThat(line).matches("Exit codes:|  [0-5]  .*|     \\S.*|"));
    }

    @Test
    void generateCompletionPrintsABashAndZshScriptThatCompletesCommandsAndTheirOptions() {
        Cli.Result r = Cli.run("generate-completion");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("function _complete_loadverdict()", "complete -F _complete_loadverdict",
                "function _picocli_loadverdict_compare()", "function _picocli_loadverdict_baseline_promote()",
                "--baseline", "--baselines-dir", "--fail-on", "--dry-run");
        assertThat(r.out()).doesNotContain("\r");
    }

    /** compare's sections nest shared option groups; an option of the section must not lose its neighbours' values. */
    @Test
    void optionsOfOneHelpSectionKeepTheirDefaultsAndValuesInAnyOrder() {
        String base = "examples/baselines/shop.json";
        String run = "examples/runs/locust-regressed/";
        assertThat(Cli.run("compare", "-b", base, "--require-significance", run).exitCode()).as("--fail-on's default")
                .isEqualTo(ExitCode.REGRESSION);
        assertThat(Cli.run("compare", "-b", base, "--fail-on", "never", "--require-significance", run).exitCode()).isZero();
        assertThat(Cli.run("compare", "-b", base, "--require-significance", "--fail-on", "never", run).exitCode()).isZero();
        assertThat(Cli.run("compare", "-b", base, "--noise-k", "2", run).exitCode()).isEqualTo(ExitCode.REGRESSION);
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = Cli.run();
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("a command is required").contains("Try 'loadverdict --help'");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Result r = Cli.run("compare", "--baseline", "b.json", "--frobnicate", "x");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("Unknown option").contains("Try 'loadverdict compare --help'");
    }

    @Test
    void aMistypedOptionIsNamedWithTheOptionMeantNotReportedAsAMissingRequiredOne() {
        Cli.Result r = Cli.run("compare", "--bseline", "examples/baselines/shop.json", "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("loadverdict: Unknown option: '--bseline'. Did you mean --baseline?\n")
                .contains("Try 'loadverdict compare --help'").doesNotContain("Missing required");
    }

    @Test
    void aMistypedOptionWithItsValueAttachedIsNamedWithoutTheValue() {
        Cli.Result r = Cli.run("compare", "--baseline", "examples/baselines/shop.json", "--fail-onn=warning",
                "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("loadverdict: Unknown option: '--fail-onn'. Did you mean --fail-on?\n");
    }

    @Test
    void mistypedCommandsAndSubcommandsAreNamedWithTheCommandMeant() {
        Cli.Result top = Cli.run("comapre", "--baseline", "b.json", "run/");
        assertThat(top.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(top.err()).startsWith("loadverdict: Unknown command: 'comapre'. Did you mean compare?");
        Cli.Result sub = Cli.run("baseline", "promte", "run/", "--suite", "shop");
        assertThat(sub.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(sub.err()).startsWith("loadverdict: Unknown command: 'promte'. Did you mean promote?")
                .contains("Try 'loadverdict baseline --help'");
    }

    @Test
    void anOptionNothingResemblesGetsNoSuggestion() {
        Cli.Result r = Cli.run("compare", "--baseline", "b.json", "--frobnicate", "run/");
        assertThat(r.err()).startsWith("loadverdict: Unknown option: '--frobnicate'\n");
    }

    @Test
    void suggestionsAreTheFewestEditsAwayElseTheNamesTypedTheStartOf() {
        java.util.List<String> names = java.util.List.of("--baseline", "--baselines-dir", "--baseline-runs", "--out-dir");
        assertThat(UsageErrors.closest("--baselines", names)).containsExactly("--baseline");
        assertThat(UsageErrors.closest("--baselinse-dir", names)).containsExactly("--baselines-dir");
        assertThat(UsageErrors.closest("--out", names)).containsExactly("--out-dir");
        assertThat(UsageErrors.closest("--zzz", names)).isEmpty();
        assertThat(UsageErrors.distance("comapre", "compare")).isEqualTo(1);
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        Cli.Result r = Cli.run("compare", "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--baseline");
    }

    @Test
    void badEnumValuesAreUsageErrors() {
        assertThat(Cli.run("compare", "--fail-on", "sometimes", "--baseline", "examples/baselines/shop.json",
                "examples/runs/locust-regressed/").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("compare", "--format", "pdf", "--baseline", "examples/baselines/shop.json",
                "examples/runs/locust-regressed/").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void unexpectedErrorsMapToFourNeverOne() {
        StringWriter err = new StringWriter();
        int code = Main.handle(new IllegalStateException("boom"), new PrintWriter(err, true), false);
        assertThat(code).isEqualTo(ExitCode.INTERNAL);
        assertThat(err.toString()).isEqualTo("loadverdict: internal error: java.lang.IllegalStateException: boom "
                + "(run with --debug for details)\n");
    }

    private static String[] append(String[] words, String last) {
        String[] all = java.util.Arrays.copyOf(words, words.length + 1);
        all[words.length] = last;
        return all;
    }
}

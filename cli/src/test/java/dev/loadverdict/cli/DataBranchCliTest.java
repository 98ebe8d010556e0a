package dev.loadverdict.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Suites on a data branch, from the command line, in a clone of a bare "origin" as in CI. */
class DataBranchCliTest {

    @TempDir
    Path tmp;
    Path origin;
    Path work;

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git " + String.join(" ", args) + ": " + out).isZero();
        return out.strip();
    }

    @BeforeEach
    void repositories() throws IOException, InterruptedException {
        origin = Files.createDirectory(tmp.resolve("origin.git"));
        git(origin, "init", "--quiet", "--bare");
        work = tmp.resolve("work");
        git(tmp, "clone", "--quiet", origin.toString(), work.toString());
        Files.writeString(work.resolve("README"), "a project\n");
        git(work, "add", "README");
        git(work, "commit", "--quiet", "-m", "first");
        git(work, "push", "--quiet", "origin", "HEAD:refs/heads/main");
    }

    private Cli.Result run(String... args) {
        return Cli.runIn(work, Map.of("GITHUB_SHA", git0()), args);
    }

    private String git0() {
        try {
            return git(work, "rev-parse", "HEAD");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String aa(String name) {
        return Cli.ROOT.resolve("examples/jmeter-aa").resolve(name + ".jtl.gz").toString();
    }

    @Test
    void runsAreRecordedPromotedAndComparedOnTheDataBranchNotInTheWorkingTree() throws Exception {
        Cli.Result first = run("compare", "--data-branch", "loadverdict-data", "--if-no-baseline", "pass",
                "--baseline", "shop", aa("aa-01"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("--suite shop --data-branch loadverdict-data");

        Cli.Result recorded = run("baseline", "record", aa("aa-01"), "--suite", "shop", "--data-branch", "loadverdict-data");
        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        assertThat(recorded.err()).contains("recorded as shop@v1 in loadverdict-data:baselines/shop");
        Cli.Result promoted = run("baseline", "promote", aa("aa-02"), "--suite", "shop", "--data-branch", "loadverdict-data");
        assertThat(promoted.exitCode()).as(promoted.err()).isZero();

        assertThat(work.resolve("baselines")).doesNotExist();
        assertThat(git(work, "status", "--porcelain")).isEmpty();
        assertThat(git(origin, "ls-tree", "-r", "--name-only", "loadverdict-data").lines())
                .hasSize(3).contains("baselines/shop/baseline.json");

        Cli.Result compared = run("compare", "--data-branch", "loadverdict-data", "--baseline", "shop", aa("aa-03"));
        assertThat(compared.exitCode()).as(compared.err()).isZero();
        assertThat(compared.out()).contains("Baseline:   shop@v2, version 2");
        assertThat(run("baseline", "list", "--data-branch", "loadverdict-data").out()).containsPattern("shop +v2 +2 ");
        assertThat(run("compare", "--data-branch", "loadverdict-data", "--baseline", "shop@v1", "shop@v2").exitCode())
                .as("a recorded run is a run").isZero();
    }

    private String commit(Path dir, String file) throws Exception {
        Files.writeString(dir.resolve(file), file + "\n");
        git(dir, "add", file);
        git(dir, "commit", "--quiet", "-m", file);
        return git(dir, "rev-parse", "HEAD");
    }

    @Test
    void aPullRequestIsComparedWithTheNewestRunAtOrBeforeItsMergeBaseEvenFromAShallowClone() throws Exception {
        // main: first ← a ← b ← c; the pull request branches off at b
        String a = commit(work, "a");
        assertThat(Cli.runIn(work, Map.of("GITHUB_SHA", a), "baseline", "record", aa("aa-01"), "--suite", "shop",
                "--data-branch", "loadverdict-data").exitCode()).isZero();
        String b = commit(work, "b");
        String c = commit(work, "c");
        assertThat(Cli.runIn(work, Map.of("GITHUB_SHA", c), "baseline", "record", aa("slow-search"), "--suite", "shop",
                "--data-branch", "loadverdict-data").exitCode()).isZero();
        git(work, "push", "--quiet", "origin", "HEAD:refs/heads/main");
        git(work, "checkout", "--quiet", "-b", "feature", b);
        String d = commit(work, "d");
        git(work, "push", "--quiet", "origin", "feature");

        // as actions/checkout does it: one commit deep
        Path pr = tmp.resolve("pr");
        git(tmp, "clone", "--quiet", "--depth=1", "--branch", "feature", "file://" + origin, pr.toString());
        Path event = tmp.resolve("event.json");
        Files.writeString(event, "{\"pull_request\": {\"number\": 7, \"base\": {\"ref\": \"main\", \"sha\": \"" + c
                + "\"}, \"head\": {\"ref\": \"feature\", \"sha\": \"" + d + "\"}}}");
        Map<String, String> env = Map.of("GITHUB_EVENT_NAME", "pull_request", "GITHUB_EVENT_PATH", event.toString(),
                "GITHUB_SHA", d);
        Cli.Result r = Cli.runIn(pr, env, "compare", "--data-branch", "loadverdict-data", "--baseline", "shop@auto", aa("aa-02"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        // (the test clock is fixed, so both runs were recorded in the same millisecond: versions follow their commits)
        assertThat(r.out()).containsPattern("Baseline:   shop@v[12], version [12], created .*, commit " + a)
                .contains("chosen as the newest run at or before the merge base " + b.substring(0, 7) + " of main (a run of "
                        + a.substring(0, 7) + ", 1 commit earlier)");

        // on main itself (a push or a nightly): at or before HEAD, here c's own run, the slow one
        Cli.Result onMain = Cli.runIn(work, Map.of(), "compare", "--data-branch", "loadverdict-data",
                "--baseline", "shop@commit:" + c, aa("aa-02"));
        assertThat(onMain.exitCode()).as(onMain.err()).isZero();
        assertThat(onMain.out()).containsPattern("Baseline:   shop@v[12], .*, commit " + c).contains("chosen as the newest run at or before commit "
                + c.substring(0, 7));
        Cli.Result median = Cli.runIn(work, Map.of(), "compare", "--data-branch", "loadverdict-data",
                "--baseline", "shop@commit:" + c.substring(0, 10), "--baseline-runs", "5", aa("aa-02"));
        assertThat(median.out()).contains("chosen as the median of the 2 newest runs at or before commit " + c.substring(0, 7) + ": v1, v2")
                .contains("Baseline:   shop@median:2");
        assertThat(Cli.runIn(work, Map.of(), "compare", "--data-branch", "loadverdict-data", "--baseline",
                "shop@commit:nosuchref", aa("aa-02")).err()).contains("'nosuchref' is not a commit of this repository");
    }

    @Test
    void aGarbledOrNewerDataBranchIsBadInputNamingTheFileAndNothingIsPushed() throws Exception {
        assertThat(run("baseline", "record", aa("aa-01"), "--suite", "shop", "--data-branch", "loadverdict-data").exitCode()).isZero();
        // someone damages a history file on the branch, and another one claims a newer format
        Path edit = tmp.resolve("edit");
        git(tmp, "clone", "--quiet", "--branch", "loadverdict-data", origin.toString(), edit.toString());
        Path history = edit.resolve("baselines/shop/history");
        Path file;
        try (var files = Files.list(history)) {
            file = files.findFirst().orElseThrow();
        }
        Files.writeString(file, Files.readString(file).replace("\"requests\"", "\"requests\": 1, \"x\""));
        git(edit, "commit", "--quiet", "-am", "damage");
        git(edit, "push", "--quiet", "origin", "loadverdict-data");
        String tip = git(origin, "rev-parse", "loadverdict-data");

        Cli.Result compared = run("compare", "--data-branch", "loadverdict-data", "--baseline", "shop@v1", aa("aa-02"));
        assertThat(compared.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(compared.err()).startsWith("loadverdict: loadverdict-data:baselines/shop/history/" + file.getFileName());
        assertThat(compared.err().lines()).hasSize(1);
        Cli.Result recorded = run("baseline", "record", aa("aa-02"), "--suite", "shop", "--data-branch", "loadverdict-data",
                "--keep-full", "1");
        assertThat(recorded.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(git(origin, "rev-parse", "loadverdict-data")).as("nothing pushed over a damaged branch").isEqualTo(tip);

        Files.writeString(file, Files.readString(file).replace("loadverdict.history/1", "loadverdict.history/2"));
        git(edit, "commit", "--quiet", "-am", "from the future");
        git(edit, "push", "--quiet", "origin", "loadverdict-data");
        Cli.Result newer = run("compare", "--data-branch", "loadverdict-data", "--baseline", "shop@v1", aa("aa-02"));
        assertThat(newer.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(newer.err()).contains("written by a newer loadverdict");
    }

    @Test
    void anUnreachableRemoteIsOneLineAndExitFour() throws Exception {
        git(work, "remote", "set-url", "origin", tmp.resolve("gone.git").toString());
        Cli.Result r = run("baseline", "record", aa("aa-01"), "--suite", "shop", "--data-branch", "loadverdict-data");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INTERNAL);
        assertThat(r.err()).startsWith("loadverdict: data branch: cannot fetch loadverdict-data: ");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(run("baseline", "promote", aa("aa-01"), "--to", "x.json", "--data-branch", "d").exitCode())
                .isEqualTo(ExitCode.USAGE);
    }
}

package dev.loadverdict.cli;

import dev.loadverdict.codec.ComparisonJson;
import dev.loadverdict.model.compare.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The reproduce commands of an issue work when pasted: quoted for a shell, and they give the same verdict. */
class ReproduceTest {

    @TempDir
    Path tmp;

    private static Comparison regressed() {
        Cli.Result r = Cli.run("compare", "--format", "json", "--config", "examples/loadverdict.yml",
                "--baseline", "examples/baselines/shop.json", "examples/runs/locust-regressed/");
        return ComparisonJson.read("cmp.json", new StringReader(r.out()));
    }

    @Test
    void theCommandsRunInAShellAndReachTheSameVerdict() throws IOException, InterruptedException {
        // this build's classes, as the jar is not built yet when the tests run
        String loadverdict = Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "
                + System.getProperty("java.class.path") + " dev.loadverdict.cli.Main";
        String commands = Reproduce.commands(Map.of("LOADVERDICT_COMMAND", loadverdict), regressed(), null, Optional.empty());
        assertThat(commands).startsWith("# from the repository root, with the run's result files\n")
                .contains("compare --config examples/loadverdict.yml --baseline examples/baselines/shop.json ")
                .contains("examples/runs/locust-regressed/shop_stats.csv");
        Path script = Files.writeString(tmp.resolve("paste.sh"), commands + "\n");
        Process p = new ProcessBuilder("sh", script.toString()).directory(Cli.ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(ExitCode.REGRESSION);
        assertThat(out).startsWith("loadverdict: FAIL");
    }

    @Test
    void aRecordedRunOnADataBranchNeedsNoResultFilesAndADownloadedJar() {
        BaselinesDirOption data = new BaselinesDirOption();
        data.dir = "baselines";
        data.dataBranch = "loadverdict-data";
        data.remote = "origin";
        String commands = Reproduce.commands(Map.of("LOADVERDICT_JAR_URL", "https://github.com/acme/loadverdict/releases/download/v1.2.0/loadverdict.jar"),
                regressed(), data, Optional.of("shop@v12"));
        assertThat(commands).isEqualTo("# in a clone of the repository\n"
                + "curl -fsSL --max-time 300 -o loadverdict.jar https://github.com/acme/loadverdict/releases/download/v1.2.0/loadverdict.jar\n"
                + "java -jar loadverdict.jar compare --data-branch loadverdict-data --config examples/loadverdict.yml"
                + " --baseline examples/baselines/shop.json shop@v12");
    }

    @Test
    void aNameThatPlaysWithQuotesIsPastedExactlyAndRunsNothing() throws IOException, InterruptedException {
        Path hostile = Files.createDirectories(tmp.resolve("runs")).resolve("a`;touch PWNED;`b'$(touch PWNED2)_stats.csv");
        Files.copy(Cli.ROOT.resolve("examples/runs/locust-regressed/shop_stats.csv"), hostile);
        Comparison comparison = ComparisonJson.read("cmp.json", new StringReader(Cli.run("compare", "--format", "json",
                "--baseline", "examples/baselines/shop.json", hostile.toString()).out()));
        String commands = Reproduce.commands(Map.of("LOADVERDICT_COMMAND", "printf %s\\n"), comparison, null, Optional.empty());
        String body = dev.loadverdict.reporter.Reports.issue(comparison, "default", dev.loadverdict.issuebot.Fingerprint.of("shop", "default").markers(), "shop",
                "", commands);
        String block = body.substring(body.indexOf("```sh\n") + 6, body.indexOf("\n```", body.indexOf("```sh\n")));
        Path script = Files.writeString(tmp.resolve("paste.sh"), block + "\n");
        Process p = new ProcessBuilder("sh", script.toString()).directory(tmp.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines().toList()).as(block).endsWith(hostile.toString());
        assertThat(tmp.resolve("PWNED")).doesNotExist();
        assertThat(tmp.resolve("PWNED2")).doesNotExist();

        String invisible = Reproduce.commands(Map.of(), comparison, null, Optional.of("shop@v1\u202Egnp.exe"));
        assertThat(dev.loadverdict.reporter.Reports.issue(comparison, "default", dev.loadverdict.issuebot.Fingerprint.of("shop", "default").markers(), "shop", "",
                invisible)).contains("# not shown: a name in the command holds control").doesNotContain("\u202E");
    }

    @Test
    void hostileWordsAreSingleQuoted() {
        assertThat(Reproduce.quote("results/run 1/$(rm -rf ~)")).isEqualTo("'results/run 1/$(rm -rf ~)'");
        assertThat(Reproduce.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(Reproduce.quote("shop@v12")).isEqualTo("shop@v12");
    }
}

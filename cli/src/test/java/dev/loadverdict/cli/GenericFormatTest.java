package dev.loadverdict.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** loadverdict's generic input through the whole command line, and the examples of docs/formats.md as shown. */
class GenericFormatTest {

    static final String HOOK_RUN = "extractor/src/test/resources/fixtures/generic/1/locust-hook-2.12/";

    @TempDir
    Path tmp;

    @Test
    void everyExampleOfTheGenericInputSectionExtracts() throws IOException {
        String formats = Files.readString(Cli.ROOT.resolve("docs/formats.md"));
        int from = formats.indexOf("## Generic input");
        int to = formats.indexOf("\n## ", from + 1);
        assertThat(from).as("a Generic input section in docs/formats.md").isPositive();
        Matcher block = Pattern.compile("```(csv|json)\n(.*?)```", Pattern.DOTALL).matcher(formats.substring(from, to));
        int examples = 0;
        while (block.find()) {
            Path file = tmp.resolve("example" + examples++ + "." + block.group(1));
            Files.writeString(file, block.group(2));
            Cli.Result r = Cli.run("extract", file.toString());
            assertThat(r.exitCode()).as(block.group(2)).isZero();
            assertThat(r.out()).contains("\"tool\": \"generic\"");
        }
        assertThat(examples).isEqualTo(3);
    }

    @Test
    void theLocustHookOutputCanBeWindowedAndComparedWithItself() {
        Cli.Result cut = Cli.run("extract", "--skip-warmup", "5s", HOOK_RUN);
        assertThat(cut.exitCode()).isZero();
        assertThat(cut.out()).contains("\"timeSeries\"");
        Path baseline = tmp.resolve("hook.json");
        assertThat(Cli.run("baseline", "promote", HOOK_RUN, "--to", baseline.toString()).exitCode()).isZero();
        Cli.Result r = Cli.run("compare", "--baseline", baseline.toString(), HOOK_RUN);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("loadverdict: PASS");
    }

    @Test
    void badGenericInputIsExitThreeWithFileAndLine() throws IOException {
        Path csv = tmp.resolve("samples.csv");
        Files.writeString(csv, "timestamp,endpoint,latency_ms,ok\n1763892000000,/a,fast,true\n1763892000001,/a,1,true\n");
        Cli.Result r = Cli.run("extract", csv.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains(csv + ":2: 'latency_ms' is not a number of milliseconds: \"fast\"")
                .doesNotContain("\tat ");
        Path doc = tmp.resolve("run.json");
        Files.writeString(doc, "{\"schema\": \"loadverdict.generic/1\",\n \"endpoints\": [{\"name\": \"a\", \"requests\": 1,"
                + " \"failures\": 0, \"latency\": {}}]}\n");
        r = Cli.run("extract", doc.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains(doc + ":2: unknown key \"latency\" in an endpoint");
    }
}

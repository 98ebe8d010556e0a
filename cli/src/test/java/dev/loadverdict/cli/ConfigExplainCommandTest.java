package dev.loadverdict.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code loadverdict config explain}, end to end on the README's example config copied to a directory of its own. */
class ConfigExplainCommandTest {

    @TempDir
    Path dir;

    private Cli.Result explain(String... args) throws IOException {
        String readme = Files.readString(Cli.ROOT.resolve("README.md"));
        Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(yaml.find()).isTrue();
        Files.writeString(dir.resolve("loadverdict.yml"), yaml.group(1));
        String[] all = new String[args.length + 2];
        all[0] = "config";
        all[1] = "explain";
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.runIn(dir, Map.of(), all);
    }

    private static Pattern line(String condition, String source) {
        return Pattern.compile("(?m)^ +" + Pattern.quote(condition) + " +" + Pattern.quote(source) + "$");
    }

    @Test
    void anEndpointShowsEveryConditionWithItsFileAndLine() throws IOException {
        Cli.Result r = explain("--service", "api_gateway", "--endpoint", "GET /v2/items");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("config: loadverdict.yml\nservice api_gateway, endpoint GET /v2/items\n")
                .containsPattern(line("minRequests 500", "loadverdict.yml:19 services.api_gateway.endpoints.re:^GET /v[0-9]+/.minRequests"))
                .containsPattern(line("limit 100 ms", "loadverdict.yml:14 services.api_gateway.metrics.p95.critical.limit"))
                .containsPattern(line("relative 25%", "loadverdict.yml:7 defaults.metrics.p95.critical.relative"))
                .containsPattern(line("delta 20 ms", "loadverdict.yml:7 defaults.metrics.p95.critical.delta"));
        String p95Critical = r.out().substring(r.out().indexOf("  p95 critical\n"), r.out().indexOf("  p99 warning\n"));
        assertThat(p95Critical.lines()).as("the limit adds to the inherited conditions").hasSize(4);
    }

    @Test
    void withoutOptionsItShowsWhatAnUnconfiguredServiceGets() throws IOException {
        Cli.Result r = explain();

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("any service not configured, endpoints no pattern matches")
                .containsPattern(line("delta 0.5 pp", "loadverdict.yml:9 defaults.metrics.error_rate.critical.delta"))
                .doesNotContain("limit");
    }

    @Test
    void anIgnoredEndpointSaysSo() throws IOException {
        Cli.Result r = explain("--service", "api_gateway", "--endpoint", "GET /api/graph/categories/7");

        assertThat(r.out()).contains("  ignored: left out of the comparison");
    }

    @Test
    void aMissingConfigIsBadInputInOneLine() throws IOException {
        Cli.Result r = explain("--config", "nope.yml");

        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("loadverdict: nope.yml: no such config file\n");
    }
}

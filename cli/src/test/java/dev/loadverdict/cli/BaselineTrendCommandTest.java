package dev.loadverdict.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code baseline trend}: the page of a suite recorded from real JMeter runs, and its refusals. */
class BaselineTrendCommandTest {

    @TempDir
    Path tmp;

    private Cli.Result run(String sha, String... args) {
        return Cli.runIn(tmp, Map.of("GITHUB_SHA", sha), args);
    }

    /** A real JMeter run of the shop (examples/jmeter-aa). */
    private static String aa(String name) {
        return Cli.ROOT.resolve("examples/jmeter-aa").resolve(name + ".jtl.gz").toString();
    }

    @Test
    void tenSteadyRunsThenThreeWithASlowSearchGiveAPageWithThePendingStepFirst() throws IOException {
        for (int i = 1; i <= 10; i++) {
            String name = String.format("aa-%02d", i);
            assertThat(run(String.format("%07x", i * 4099) + "0", "baseline", "record", aa(name), "--suite", "shop").exitCode()).isZero();
        }
        for (int skip = 0; skip < 3; skip++) {
            Cli.Result recorded = run(String.format("%07x", (11 + skip) * 4099) + "0", "baseline", "record", aa("slow-search"),
                    "--suite", "shop", "--skip-warmup", skip + "s");
            assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        }
        Cli.Result trend = run("0", "baseline", "trend", "shop", "--out", "site/shop.html");
        assertThat(trend.exitCode()).as(trend.err()).isZero();
        assertThat(trend.err()).startsWith("loadverdict: wrote site/shop.html: the trend of shop over 13 recorded runs, ");
        String html = Files.readString(tmp.resolve("site/shop.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<title>loadverdict: trend of shop</title>")
                .contains("13 recorded runs, v1 (0001003)")
                .contains("of the 13 runs v1–v13")
                .contains("<tr class=\"main pending\" data-i=\"0\" data-open=\"1\"><td>default</td><td>GET /api/search</td>")
                .contains("<span class=\"badge\">pending</span>")
                .doesNotContain("src=\"http").doesNotContain("href=\"http");
    }

    @Test
    void aMissingSuiteOrFileIsNamed() {
        Cli.Result missing = run("0", "baseline", "trend", "nope", "--out", "x.html");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("baselines/nope").contains("no such baseline suite");
        assertThat(Files.exists(tmp.resolve("x.html"))).isFalse();
        assertThat(run("0", "baseline", "trend", "shop").exitCode()).as("--out is required").isEqualTo(ExitCode.USAGE);
        assertThat(run("0", "baseline", "trend", "../x", "--out", "x.html").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}

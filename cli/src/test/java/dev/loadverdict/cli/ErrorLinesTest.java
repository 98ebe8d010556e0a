package dev.loadverdict.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorLinesTest {

    @Test
    void aLongErrorBreaksAfterItsFirstClauseAndWrapsTheRest() {
        String message = "results/big.jtl:12: JMeter CSV without 'timeStamp', 'elapsed' column(s): loadverdict needs the"
                + " start, response time, label and outcome of every sample (see jmeter.save.saveservice.* in jmeter.properties)";
        List<String> lines = ErrorLines.lines("loadverdict: " + message, List.of());

        // no "; " and the closing parenthesis starts past 160 characters: the line breaks between words
        assertThat(lines.get(0)).hasSizeLessThanOrEqualTo(ErrorLines.FIRST_LINE).endsWith("label and outcome of every");
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).startsWith("  "));
        assertThat(String.join("\n", lines).replace("\n  ", " ")).isEqualTo("loadverdict: " + message);
        List<String> semicolon = ErrorLines.lines("loadverdict: " + "x".repeat(60) + " went wrong; " + "y ".repeat(60), List.of());
        assertThat(semicolon.get(0)).endsWith("went wrong;");
    }

    @Test
    void aShortErrorIsOneLineAndAnExplanationIsWrappedBelowIt() {
        String explanation = "It reads: " + "a format name, ".repeat(20) + "and the last.";
        List<String> lines = ErrorLines.lines("loadverdict: x.csv: not a load-test result", List.of(explanation));
        assertThat(lines.get(0)).isEqualTo("loadverdict: x.csv: not a load-test result");
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).startsWith("  ").hasSizeLessThanOrEqualTo(100));
        assertThat(String.join("", lines.subList(1, lines.size())).replace("  ", " ").strip())
                .isEqualTo(explanation.replace("  ", " ").strip());
    }

    /** The new user's case: a CSV loadverdict does not read gets a short first line, then the formats it does read. */
    @Test
    void anUnrecognisedInputSaysSoInOneShortLineThenListsTheFormats(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("people.csv"), "name,age\nada,36\n");
        Cli.Result r = Cli.runIn(dir, Map.of(), "extract", "people.csv");

        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        List<String> lines = r.err().lines().toList();
        assertThat(lines.get(0)).startsWith("loadverdict: ").endsWith("people.csv: not a load-test result loadverdict recognises");
        assertThat(lines.get(1)).startsWith("  It reads: Locust stats CSV, ");
        assertThat(lines).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(ErrorLines.FIRST_LINE));
        assertThat(String.join(" ", lines)).contains("JMeter JTL CSV").doesNotContain("…");
    }
}

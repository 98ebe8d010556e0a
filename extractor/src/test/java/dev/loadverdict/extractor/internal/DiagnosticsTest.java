package dev.loadverdict.extractor.internal;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.model.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Warnings are one inert line in the shape of an error, and a file's warnings are capped. */
class DiagnosticsTest {

    /** An escape that would clear the screen, a forged line of output, and a right-to-left override. */
    private static final String HOSTILE = "cut off \u001B[2J\r\nloadverdict: verdict: PASS \u202Egnp.exe";

    @Test
    void aWarningFromAHostileDetailIsOneInertLine() {
        Diagnostics d = new Diagnostics("run\u001B]0;title\u0007.jtl");
        d.warn(7, HOSTILE);
        d.warn(HOSTILE);
        d.warnAtByte(1234, HOSTILE);

        assertThat(d.warnings()).containsExactly(
                "run.jtl:7: cut off   loadverdict: verdict: PASS ?gnp.exe",
                "run.jtl: cut off   loadverdict: verdict: PASS ?gnp.exe",
                "run.jtl:byte 1234: cut off   loadverdict: verdict: PASS ?gnp.exe");
        assertThat(d.warnings()).allSatisfy(w -> assertThat(w).doesNotContain("\u001B", "\r", "\n", "\u202E"));
    }

    @Test
    void aWarningIsFormattedExactlyAsAnErrorAtTheSamePlace() {
        String detail = HOSTILE + "x".repeat(2_000);
        Diagnostics d = new Diagnostics("a\nb.csv");
        d.warn(3, detail);
        d.warn(detail);

        assertThat(d.warnings()).containsExactly(new InputException("a\nb.csv", 3, detail).getMessage(),
                new InputException("a\nb.csv", detail).getMessage());
        assertThat(Diagnostics.warning("a\nb.csv", 3, detail)).isEqualTo(d.warnings().get(0));
    }

    @Test
    void aFileKeepsTheFirstWarningsAndCountsTheRestInOneLine() {
        Diagnostics d = new Diagnostics("big.csv");
        int problems = ReadLimits.MAX_WARNINGS_PER_FILE + 1234;
        for (int line = 1; line <= problems; line++) {
            d.warn(line, "problem " + line);
        }

        List<String> warnings = d.warnings();
        assertThat(warnings).hasSize(ReadLimits.MAX_WARNINGS_PER_FILE + 1);
        assertThat(warnings.get(ReadLimits.MAX_WARNINGS_PER_FILE - 1)).isEqualTo("big.csv:"
                + ReadLimits.MAX_WARNINGS_PER_FILE + ": problem " + ReadLimits.MAX_WARNINGS_PER_FILE);
        assertThat(warnings.get(ReadLimits.MAX_WARNINGS_PER_FILE)).isEqualTo("big.csv: 1234 more warnings left out "
                + "(only the first " + ReadLimits.MAX_WARNINGS_PER_FILE + " of a file are shown)");
    }

    @Test
    void noSummaryLineUpToTheCap() {
        Diagnostics d = new Diagnostics("ok.csv");
        for (int line = 1; line <= ReadLimits.MAX_WARNINGS_PER_FILE; line++) {
            d.warn(line, "problem");
        }
        assertThat(d.warnings()).hasSize(ReadLimits.MAX_WARNINGS_PER_FILE).allMatch(w -> w.endsWith(": problem"));
    }
}

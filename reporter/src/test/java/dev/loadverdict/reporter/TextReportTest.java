package dev.loadverdict.reporter;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {
    private final String report = Reports.render(ReportFormat.TEXT, Fixtures.full());

    @Test
    void firstLineIsTheVerdict() {
        assertThat(report.lines().findFirst()).contains("loadverdict: FAIL — 2 critical, 4 warning regressions");
        assertThat(Reports.render(ReportFormat.TEXT, Fixtures.passing()).lines().findFirst())
                .contains("loadverdict: PASS — no regressions");
    }

    @Test
    void hasNoControlCharactersOrEscapeSequences() {
        assertThat(report.chars().filter(c -> c != '\n' && Character.isISOControl(c)).count()).isZero();
        assertThat(report).doesNotContain("[31m");
        assertThat(report).contains("payments  POST /admin **bold** [link](http://evil) #1 # title  1 request\n");
    }

    @Test
    void regressionsComeFirstOneLineEach() {
        List<String> lines = report.lines().toList();
        int start = lines.indexOf("Regressions");
        assertThat(lines.subList(start + 1, start + 3)).containsExactly(
                "  CRITICAL  payments  POST /pay                  p95             80.0 ms       140 ms  "
                        + "+60.0 ms (+75.0%)     limit 100 ms",
                "  CRITICAL  checkout  GET /cart                  p95              120 ms       180 ms  "
                        + "+60.0 ms (+50.0%)     > +25% and > +20 ms");
        assertThat(start).isLessThan(lines.indexOf("checkout"));
    }

    @Test
    void serviceTablesAreAligned() {
        List<String> table = report.lines().dropWhile(l -> !l.equals("payments")).skip(1)
                .takeWhile(l -> l.startsWith("  ") && !l.contains("unchanged")).toList();
        assertThat(table).hasSize(5);
        int metric = table.get(0).indexOf("Metric");
        int outcome = table.get(0).indexOf("Outcome");
        assertThat(table).allSatisfy(line -> {
            assertThat(line.charAt(metric - 1)).isEqualTo(' ');
            assertThat(line.charAt(metric)).isNotEqualTo(' ');
            assertThat(line.charAt(outcome)).isNotEqualTo(' ');
            assertThat(line).doesNotEndWith(" ");
        });
    }

    @Test
    void noLineEndsInBlanks() {
        assertThat(report.lines()).noneMatch(l -> l.endsWith(" "));
    }
}

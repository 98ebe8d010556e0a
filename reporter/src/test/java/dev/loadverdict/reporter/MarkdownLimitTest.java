package dev.loadverdict.reporter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownLimitTest {

    static String report(int rows) {
        StringBuilder md = new StringBuilder("## loadverdict: FAIL\n\n### api\n\n<details><summary>many</summary>\n\n| a | b |\n|:--|:--|\n");
        for (int i = 0; i < rows; i++) {
            md.append("| GET /endpoint/").append(i).append(" | 12.0 ms |\n");
        }
        return md.append("\n</details>\n\n### tail\n\nend\n").toString();
    }

    @Test
    void aShortReportIsUntouched() {
        String md = report(10);
        assertThat(MarkdownLimit.fit(md, MarkdownLimit.GITHUB_BODY_LIMIT)).isEqualTo(md);
    }

    @Test
    void aLongReportIsCutBetweenBlocksWithDetailsClosedAndANote() {
        String md = report(5000);
        String fitted = MarkdownLimit.fit(md, MarkdownLimit.GITHUB_BODY_LIMIT);
        assertThat(fitted.length()).isLessThanOrEqualTo(MarkdownLimit.GITHUB_BODY_LIMIT);
        assertThat(fitted).contains("Report cut to fit GitHub's limit of 65536 characters");
        // never mid-table: every table line that is kept is whole
        fitted.lines().filter(l -> l.startsWith("| GET")).forEach(l -> assertThat(l).endsWith(" |"));
        assertThat(fitted.split("<details>", -1).length).isEqualTo(fitted.split("</details>", -1).length);
        assertThat(fitted.lines().filter(l -> l.startsWith("| GET")).count()).isGreaterThan(2000);
    }
}

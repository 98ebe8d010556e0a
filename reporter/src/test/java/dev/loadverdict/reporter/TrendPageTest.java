package dev.loadverdict.reporter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.NoiseBands;
import dev.loadverdict.model.history.Acknowledgement;
import dev.loadverdict.model.history.ChangePoint;
import dev.loadverdict.model.history.HistoryAnalysis;
import dev.loadverdict.model.history.MetricChanges;
import dev.loadverdict.model.history.RunRef;
import dev.loadverdict.testsupport.Golden;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The trend page: its summary rows, its order, its embedded data, and what it does with hostile names. */
class TrendPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "</script><img src=x onerror=alert(1)>";
    private static final Pattern DATA = Pattern.compile("<script type=\"application/json\" id=\"trend-data\">(.*?)</script>",
            Pattern.DOTALL);

    private static List<RunRef> runs(int n, String commitPrefix) {
        return IntStream.rangeClosed(1, n).mapToObj(v -> new RunRef(v, "run-" + v,
                Instant.parse("2026-11-01T02:00:00Z").plusSeconds(86_400L * v),
                Optional.of(commitPrefix + String.format("%07x", v * 4099)))).toList();
    }

    private static double[] values(int n, double before, double after, int stepAt) {
        return IntStream.range(0, n).mapToDouble(i -> (i < stepAt ? before : after) + (i % 3) * 0.7).toArray();
    }

    /**
     * 12 runs of two endpoints and a total: search steps up at v9 (p95 confirmed, p99 pending), v5 lacks the cart's
     * values, a step is acknowledged at v9.
     */
    private static TrendInput input(String service, String search, String note, String commitPrefix) {
        List<RunRef> runs = runs(12, commitPrefix);
        NoiseBands.Band band = new NoiseBands.Band(101, 6, 12);
        List<TrendInput.Series> series = new ArrayList<>();
        for (Metric m : TrendViewBuilder.METRICS) {
            double base = m == Metric.ERROR_RATE ? 0.1 : m == Metric.THROUGHPUT ? 40 : 100;
            series.add(new TrendInput.Series(service, Optional.empty(), m, values(12, base, base, 0), Optional.of(band)));
            series.add(new TrendInput.Series(service, Optional.of(search), m, values(12, base, base * 1.3, 8),
                    m == Metric.P95 ? Optional.of(new NoiseBands.Band(120, 30, 12)) : Optional.empty()));
            double[] cart = values(12, base / 2, base / 2, 0);
            cart[4] = Double.NaN;
            series.add(new TrendInput.Series(service, Optional.of("POST /api/cart"), m, cart, Optional.empty()));
        }
        ChangePoint p95 = new ChangePoint(runs.get(7), runs.get(8), 100.7, 130.7, 0.01, ChangePoint.Status.CONFIRMED, 4);
        ChangePoint p99 = new ChangePoint(runs.get(7), runs.get(8), 100.7, 130.7, 0.03, ChangePoint.Status.PENDING, 4);
        Acknowledgement ack = new Acknowledgement(runs.get(8), note, Instant.parse("2026-11-12T08:00:00Z"));
        HistoryAnalysis analysis = new HistoryAnalysis("nightly", 12, Optional.of(runs.get(8)), HistoryAnalysis.Settings.DEFAULT,
                List.of(ack), List.of(
                        new MetricChanges(service, Optional.of(search), Metric.P95, 12, List.of(p95)),
                        new MetricChanges(service, Optional.of(search), Metric.P99, 12, List.of(p99)),
                        new MetricChanges(service, Optional.empty(), Metric.P95, 12, List.of())),
                List.of("1 series lack a value in some runs (e.g. p95 of " + service + " POST /api/cart): their change "
                        + "points use only the runs that have it"));
        return new TrendInput("nightly", runs, series, analysis,
                new TrendInput.Noise(3, Optional.of(runs.get(2)), Optional.of(runs.get(11)), 10));
    }

    private static TrendInput input() {
        return input("shop", "GET /api/search", "search index rebuilt", "");
    }

    private static JsonNode data(String html) throws Exception {
        Matcher m = DATA.matcher(html);
        assertThat(m.find()).as("the data block").isTrue();
        return JSON.readTree(m.group(1));
    }

    @Test
    void goldenPage() {
        Golden.assertMatchesUnderEveryLocale(Golden.file("trend-nightly.html"), () -> Reports.trend(input()));
    }

    @Test
    void endpointsWithPendingChangePointsComeFirstAndTheFirstIsOpen() throws Exception {
        String html = Reports.trend(input());
        assertThat(html.indexOf("GET /api/search")).isLessThan(html.indexOf("(total)"));
        assertThat(html).contains("<tr class=\"main pending\" data-i=\"0\" data-open=\"1\"><td>shop</td><td>GET /api/search</td>")
                .contains("2 (1 pending)<span class=\"badge\">pending</span>")
                .contains("p95 +29.8% at v9 (000901b)")
                .contains("12 recorded runs, v1 (0001003) (2026-11-02) to v12 (000c024) (2026-11-13)")
                .contains("3 endpoints and service totals, 1 with change points, 1 of them pending")
                .contains("v9 (000901b): search index rebuilt (2026-11-12 08:00 UTC)");
        assertThat(html.split("data-open=\"1\"", -1)).hasSize(2);
        JsonNode data = data(html);
        assertThat(data.get("rows").get(0).get("e").asText()).isEqualTo("GET /api/search");
        assertThat(data.get("rows").get(1).get("e").isNull()).as("the total").isTrue();
        assertThat(data.get("runs").get("c").get(8).asText()).isEqualTo("000901b");
        assertThat(data.get("band").toString()).isEqualTo("[2,11]");
        JsonNode p99 = data.get("rows").get(0).get("m").get(2);
        assertThat(p99.get("cp").toString()).isEqualTo("[[7,8,101,131,0.03,1]]");
        assertThat(data.get("rows").get(2).get("m").get(1).get("v").get(4).isNull()).as("a missing value").isTrue();
    }

    @Test
    void theNewestP95IsComparedWithItsBandsMedian() {
        String html = Reports.trend(input());
        // search's newest p95 is 131.4 (130 + 2 × 0.7), its band 120 ± 30: +9.5%, inside the band
        assertThat(html).contains("<td class=\"n\">131 ms</td><td class=\"n\">+9.5%</td>");
    }

    @Test
    void hostileNamesAreInertInTheHtmlAndInTheData() throws Exception {
        String endpoint = "GET /\u202Eevil\u0007\u001B[31m\u2028" + HOSTILE + "&amp;\u2029";
        String html = Reports.trend(input(HOSTILE, endpoint, "note " + HOSTILE + "\u2028-->", HOSTILE));
        assertThat(html).doesNotContain("<img").doesNotContain("\u202E").doesNotContain("\u2028").doesNotContain("\u2029")
                .doesNotContain("\u0007").doesNotContain("\u001B");
        // one closing tag for each of the two script elements, and nothing else closes one
        assertThat(html.toLowerCase(java.util.Locale.ROOT).split("</script", -1)).hasSize(3);
        assertThat(html).contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
        Matcher m = DATA.matcher(html);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .contains("\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e");
        JsonNode data = data(html);
        assertThat(data.get("rows").get(0).get("s").asText()).isEqualTo(HOSTILE);
        assertThat(data.get("rows").get(0).get("e").asText())
                .isEqualTo("GET /evil " + HOSTILE + "&amp;").doesNotContain("\u202E").doesNotContain("\u0007");
        assertThat(data.get("acks").get(0).get("note").asText()).isEqualTo("note " + HOSTILE + " -->");
        assertThat(data.get("suite").asText()).isEqualTo("nightly");
    }

    @Test
    void scriptJsonEscapesWhatCouldEndItsElementAndStaysTheSameJson() throws Exception {
        String json = "{\"a\":\"</script><!-- & \u2028 \u2029\"}";
        String escaped = ScriptJson.escape(json);
        assertThat(escaped).isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028 \\u2029\"}");
        assertThat(JSON.readTree(escaped)).isEqualTo(JSON.readTree(json));
        assertThat(ScriptJson.escape(escaped)).isEqualTo(escaped);
    }

    @Test
    void numbersAreRoundedToWhatAChartShows() {
        assertThat(TrendJson.number(1234.5)).isEqualTo("1235");
        assertThat(TrendJson.number(123.44)).isEqualTo("123");
        assertThat(TrendJson.number(12.345)).isEqualTo("12.3");
        assertThat(TrendJson.number(1.005)).isEqualTo("1.01");
        assertThat(TrendJson.number(0.012345)).isEqualTo("0.0123");
        assertThat(TrendJson.number(-0.0)).isEqualTo("0");
        assertThat(TrendJson.number(2.0)).isEqualTo("2");
        assertThat(TrendJson.number(Double.NaN)).isEqualTo("null");
    }
}

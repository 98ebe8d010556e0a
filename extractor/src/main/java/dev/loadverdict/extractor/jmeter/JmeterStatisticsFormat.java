package dev.loadverdict.extractor.jmeter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.ServiceMapper;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

import static dev.loadverdict.extractor.internal.AggregateFields.count;
import static dev.loadverdict.extractor.internal.AggregateFields.fail;
import static dev.loadverdict.extractor.internal.AggregateFields.time;

/**
 * Reads the {@code statistics.json} of JMeter's HTML dashboard: aggregates only, one entry per label plus
 * {@code Total}, each with {@code sampleCount}, {@code errorCount}, {@code meanResTime}, {@code minResTime},
 * {@code maxResTime}, {@code medianResTime} (JMeter 5.3+), {@code pct1ResTime}..{@code pct3ResTime} and
 * {@code throughput} (req/s). Times are ms.
 *
 * <p>The file does not say which percentiles {@code pct1..3} are; they are JMeter's
 * {@code aggregate_rpt_pct1..3}, 90/95/99 unless configured otherwise, and this reader assumes the
 * percentiles it is constructed with. Only percentiles present in the file are reported; a median is
 * {@code medianResTime}. Failure kinds are unknown (the file has none). The {@code Total} entry is the
 * run's total; by JMeter's rules it leaves out transaction-controller samples (see {@link SampleRules}).
 *
 * <p>Detected by a JSON object whose entries carry {@code "transaction"} and {@code "sampleCount"}.
 */
final class JmeterStatisticsFormat implements ResultFormat {

    /** The key of the total entry. */
    static final String TOTAL = "Total";
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(ReadLimits.MAX_JSON_STRING).maxNestingDepth(16).build())
            .build();

    private final double[] percentiles;

    /** JMeter's default percentiles: 90, 95 and 99. */
    public JmeterStatisticsFormat() {
        this(90, 95, 99);
    }

    /**
     * @param pct1 the percentile of {@code pct1ResTime} (JMeter's {@code aggregate_rpt_pct1}), in percent
     * @param pct2 that of {@code pct2ResTime}
     * @param pct3 that of {@code pct3ResTime}
     */
    public JmeterStatisticsFormat(double pct1, double pct2, double pct3) {
        for (double p : new double[] {pct1, pct2, pct3}) {
            if (!(p > 0 && p <= 100)) {
                throw new IllegalArgumentException("a percentile must be in (0, 100] but was " + p);
            }
        }
        this.percentiles = new double[] {pct1, pct2, pct3};
    }

    @Override
    public String displayName() {
        return "JMeter dashboard statistics.json";
    }

    @Override
    public MatchStrength detect(Head head) {
        String text = head.text().stripLeading();
        if (!text.startsWith("{") || !text.contains("\"sampleCount\"") || !text.contains("\"transaction\"")) {
            return MatchStrength.NO_MATCH;
        }
        return text.contains("\"meanResTime\"") ? MatchStrength.FULL_MATCH : MatchStrength.SOLID_MATCH;
    }

    @Override
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        Optional<EndpointStats> total = Optional.empty();
        List<ServiceMapper.Row> rows = new ArrayList<>();
        try (Reader reader = InputFiles.openText(path, displayPath); JsonParser json = JSON.createParser(reader)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw fail(displayPath, json, "not a JMeter statistics.json: it is no JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                long line = json.currentLocation().getLineNr();
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    throw fail(displayPath, json, "entry '" + key + "' is no object");
                }
                Map<String, Double> numbers = new HashMap<>();
                String transaction = entry(json, displayPath, numbers);
                String label = transaction != null ? transaction : key;
                if (key.equals(TOTAL)) {
                    total = Optional.of(stats(displayPath, line, EndpointId.of(null, TOTAL), numbers));
                } else {
                    rows.add(new ServiceMapper.Row(RequestLabels.of(null, label),
                            stats(displayPath, line, EndpointId.of(null, label), numbers)));
                    if (rows.size() > ReadLimits.MAX_ENTRIES) {
                        throw new InputException(displayPath, line, "more than " + ReadLimits.MAX_ENTRIES + " entries");
                    }
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT) {
                throw fail(displayPath, json, "unexpected " + json.currentToken());
            }
        } catch (JsonProcessingException e) {
            throw Messages.brokenJson(displayPath, e);
        } catch (IOException e) {
            throw new InputException(displayPath, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
        if (rows.isEmpty() && total.isEmpty()) {
            throw new InputException(displayPath, "a JMeter statistics.json without entries");
        }
        RunMetadata metadata = RunMetadata.of(Tool.JMETER, Optional.empty(), List.of(displayPath),
                SourcePrecision.wholeMilliseconds());
        return new ToolResult(metadata, total, ServiceMapper.group(rows, total, context.resolver()), List.of());
    }

    /** Reads one entry's fields: numbers into {@code numbers}; returns its {@code transaction}. */
    private static String entry(JsonParser json, String file, Map<String, Double> numbers) throws IOException {
        String transaction = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                numbers.put(field, json.getDoubleValue());
            } else if (value == JsonToken.VALUE_STRING && field.equals("transaction")) {
                transaction = json.getText();
            } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                json.skipChildren();
            } else if (value == JsonToken.VALUE_STRING && !field.equals("transaction")) {
                throw fail(file, json, "field '" + field + "' is text, not a number: \"" + json.getText() + "\"");
            }
        }
        return transaction;
    }

    private EndpointStats stats(String file, long line, EndpointId id, Map<String, Double> numbers) {
        long requests = count(file, line, id, numbers, "sampleCount");
        long failures = numbers.containsKey("errorCount") ? count(file, line, id, numbers, "errorCount") : 0;
        if (failures > requests) {
            throw new InputException(file, line, "'" + id.key() + "' has more errors (" + failures + ") than samples ("
                    + requests + ")");
        }
        SortedMap<Double, Double> quantiles = new TreeMap<>();
        if (requests > 0) {
            time(numbers, "medianResTime").ifPresent(v -> quantiles.put(50.0, v));
            String[] fields = {"pct1ResTime", "pct2ResTime", "pct3ResTime"};
            for (int i = 0; i < fields.length; i++) {
                double p = percentiles[i];
                time(numbers, fields[i]).ifPresent(v -> quantiles.put(p, v));
            }
        }
        LatencyStats latency = requests == 0 ? LatencyStats.empty() : new LatencyStats(requests,
                time(numbers, "minResTime"), time(numbers, "meanResTime"), time(numbers, "maxResTime"), quantiles);
        return new EndpointStats(id, requests, failures, new TreeMap<>(), time(numbers, "throughput"), latency,
                Optional.empty(), Optional.empty());
    }
}

package dev.loadverdict.extractor.generic;

import dev.loadverdict.codec.RunJson;
import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.Splitting;
import dev.loadverdict.extractor.internal.FormatDetector;
import dev.loadverdict.extractor.internal.SplitReading;
import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.TimeWindow;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.config.Naming;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte readers of the generic samples ({@link SampleCsvBytes}, {@link SampleNdjsonBytes}) against the text
 * readers they replace ({@link SampleCsv} over Apache Commons CSV, {@link SampleNdjson} over Jackson), on inputs
 * generated here from a seed ({@code new Random(seed)} makes each again): quoted fields with commas, quotes and line
 * breaks, CRLF and CR, blank lines, tags, optional and unknown columns or keys, every spelling of the values (and wrong
 * ones), escapes, undecodable bytes, cut-off last lines and damaged lines. Both must give the same result to the last
 * field (histograms, warnings with their lines) or the same error message; where nothing was damaged, the result
 * must also count every sample generated.
 */
class GenericBytesReadersTest {

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 300).map(i -> 7919 * i + 13);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void csvIsReadAsCommonsCsvReadsIt(long seed) throws IOException {
        Generated g = csv(new Random(seed));
        compare("s" + seed + ".csv", g);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ndjsonIsReadAsJacksonReadsIt(long seed) throws IOException {
        Generated g = ndjson(new Random(seed));
        compare("s" + seed + ".ndjson", g);
    }

    /**
     * The byte spellings of timestamps and latencies against the text methods (OffsetDateTime, Double.parseDouble) on
     * random dates of the years 0 to 9999 (leap days and the 31st of short months among them), offsets and decimals.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void plainSpellingsReadAsTheTextMethodsReadThem(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String iso = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", r.nextInt(10_000), 1 + r.nextInt(12),
                    1 + r.nextInt(31), r.nextInt(24), r.nextInt(60), r.nextInt(60),
                    pick(r, "", "." + r.nextInt(10), "." + r.nextInt(1000), String.format(".%09d", r.nextInt(1_000_000_000))),
                    pick(r, "Z", String.format("%s%02d:%02d", pick(r, "+", "-"), r.nextInt(18), pick(r, 0, 30, 45, 59))));
            byte[] b = iso.getBytes(StandardCharsets.US_ASCII);
            long plain = Values.plainIsoMillis(b, 0, b.length);
            Object text;
            try {
                text = Values.epochMillis(iso);
            } catch (IllegalArgumentException e) {
                text = "refused";
            }
            assertThat(plain == Values.NOT_PLAIN ? "refused" : plain).as(iso).isEqualTo(text);
            String latency = r.nextInt(1_000_000_000) + pick(r, "", "." + r.nextInt(10), "." + r.nextInt(100),
                    String.format(".%03d", r.nextInt(1000)), String.format(".%04d", r.nextInt(10_000)),
                    String.format(".%03d5", r.nextInt(1000)));
            b = latency.getBytes(StandardCharsets.US_ASCII);
            plain = Values.plainLatencyMicros(b, 0, b.length);
            long expected;
            try {
                expected = Values.latencyMicros(latency);
            } catch (IllegalArgumentException e) {
                expected = Values.NOT_PLAIN;
            }
            // more than three decimals are left to the text method; up to three are read, exactly as it reads them
            boolean readable = !latency.matches(".*\\.[0-9]{4,}");
            if (plain != Values.NOT_PLAIN || readable) {
                assertThat(plain).as(latency).isEqualTo(expected);
            }
        }
    }

    /** A file's bytes and, when no line of it is damaged or cut off, how many samples it holds. */
    private record Generated(byte[] bytes, long samples) {
    }

    private void compare(String name, Generated g) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, g.bytes());
        Object fast = read(file, name, true);
        Object text = read(file, name, false);
        if (text instanceof ToolResult expected) {
            assertThat(fast).as(new String(g.bytes(), StandardCharsets.UTF_8)).isInstanceOf(ToolResult.class)
                    .usingRecursiveComparison().isEqualTo(expected);
            if (g.samples() >= 0) {
                assertThat(expected.total().map(EndpointStats::requests).orElse(0L)).isEqualTo(g.samples());
            }
        } else {
            assertThat(fast).as(new String(g.bytes(), StandardCharsets.UTF_8)).isEqualTo(text);
        }
    }

    /**
     * Read in two parts on two threads ({@link dev.loadverdict.extractor.internal.SplitReading}), the bytes readers
     * give the run they give on one thread: merged exactly, or read again on one thread where a part cannot vouch for
     * itself (a cut inside a quoted field, a skipped sample).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aFileReadInPartsGivesTheRunOfOneThread(long seed) throws IOException {
        for (boolean ndjson : new boolean[] {false, true}) {
            Random r = new Random(seed);
            Generated g = ndjson ? ndjson(r) : csv(r);
            String name = "p" + seed + (ndjson ? ".ndjson" : ".csv");
            Path file = dir.resolve(name);
            Files.write(file, g.bytes());
            String split = extract(file, new Splitting(2, 1 + r.nextInt(Math.max(1, g.bytes().length / 2))));
            String one = extract(file, Splitting.NONE);
            assertThat(split).as(new String(g.bytes(), StandardCharsets.UTF_8)).isEqualTo(one);
        }
    }

    /** A file of plain samples (quoted commas, tags, failures) is indeed merged from its parts, to the same run. */
    @org.junit.jupiter.api.Test
    void plainFilesAreMergedFromParts() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,method,endpoint,latency_ms,ok,error,tag.region\n");
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            long t = 1763892000000L + 37L * i;
            String error = i % 7 == 0 ? "\"timeout, retrying\"" : "";
            csv.append(t).append(",GET,/api/").append(i % 5).append(',').append(i % 300).append('.').append(i % 10)
                    .append(',').append(i % 7 == 0 ? 0 : 1).append(',').append(error).append(",eu\n");
            ndjson.append("{\"timestamp\": ").append(t).append(", \"endpoint\": \"/api/").append(i % 5)
                    .append("\", \"latency_ms\": ").append(i % 300).append(", \"ok\": ").append(i % 7 != 0)
                    .append(", \"tags\": {\"region\": \"eu\"}}\n");
        }
        for (String[] input : new String[][] {{"m.csv", csv.toString()}, {"m.ndjson", ndjson.toString()}}) {
            Path file = dir.resolve(input[0]);
            Files.writeString(file, input[1]);
            long merged = SplitReading.filesMerged();
            String split = extract(file, new Splitting(2, 1000));
            assertThat(SplitReading.filesMerged()).as("read in parts").isEqualTo(merged + 1);
            assertThat(split).isEqualTo(extract(file, Splitting.NONE)).doesNotStartWith("error");
        }
    }

    private static String extract(Path file, Splitting splitting) {
        try {
            return RunJson.write(new Extractor(FormatDetector.standard(), splitting)
                    .extract(List.of(file.toString()), ExtractOptions.defaults()).run());
        } catch (InputException e) {
            return "error: " + e.getMessage();
        }
    }

    /** The result, or the message of the error that stopped the reading. */
    private static Object read(Path file, String name, boolean bytes) {
        ReadContext context = new ReadContext(new EndpointResolver(List.of(), Naming.defaults()), TimeWindow.all());
        try {
            return new GenericSamplesFormat(bytes).read(InputFiles.head(file, name), context);
        } catch (InputException e) {
            return "error: " + e.getMessage();
        }
    }

    // ---- CSV

    private static final String[][] OPTIONAL_COLUMNS = {{"method", "request_type"}, {"service"}, {"error", "failure"},
            {"status", "status_code"}, {"url"}, {"group"}, {"users", "active_users", "vus"}};

    private static Generated csv(Random r) {
        List<String> columns = new ArrayList<>(List.of(pick(r, "timestamp", "start_time", "Timestamp"),
                pick(r, "endpoint", "request_name"), pick(r, "latency_ms", "duration_ms", " latency_ms"), "ok"));
        for (String[] optional : OPTIONAL_COLUMNS) {
            if (r.nextInt(3) > 0) {
                columns.add(pick(r, optional));
            }
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            columns.add(pick(r, "tag.region", "tag.service", "TAG.Pod", "tag.é"));
        }
        if (r.nextBoolean()) {
            columns.add(pick(r, "response_bytes", "extra", "x y"));
        }
        Collections.shuffle(columns, r);
        columns = new ArrayList<>(new java.util.LinkedHashSet<>(columns));
        String eol = pick(r, "\n", "\n", "\r\n", "\r");
        Out out = new Out();
        if (r.nextInt(10) == 0) {
            out.text(eol);
        }
        out.text(String.join(",", columns)).text(eol);
        int rows = r.nextInt(5) == 0 ? 600 + r.nextInt(800) : r.nextInt(30);
        boolean plain = r.nextInt(3) > 0; // only good rows, ending with a line break
        long samples = 0;
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(15) == 0) {
                out.text(pick(r, "", "", " ", "\"\"", ",")).text(eol); // blank or nearly blank lines
                plain &= false;
                continue;
            }
            List<byte[]> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(csvCell(r, column.strip().toLowerCase(), plain));
            }
            if (!plain && r.nextInt(40) == 0) {
                cells.remove(cells.size() - 1); // a short row
            }
            for (int c = 0; c < cells.size(); c++) {
                if (c > 0) {
                    out.text(",");
                }
                out.bytes(cells.get(c));
            }
            samples++;
            if (!plain && i == rows - 1 && r.nextBoolean()) {
                out.cut(r); // a harness killed while writing
                continue;
            }
            out.text(r.nextInt(20) == 0 ? pick(r, "\n", "\r\n", "\r") : eol);
        }
        return new Generated(out.toByteArray(), plain ? samples : -1);
    }

    private static byte[] csvCell(Random r, String column, boolean plain) {
        String value = plain ? plainValue(r, column) : anyValue(r, column);
        if (value == null) {
            value = "";
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (!plain && r.nextInt(60) == 0) {
            bytes = concat(bytes, new byte[] {(byte) 0xC3}, "x".getBytes(StandardCharsets.UTF_8)); // undecodable
        }
        boolean mustQuote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        if (mustQuote || r.nextInt(25) == 0) {
            String quoted = "\"" + new String(bytes, StandardCharsets.ISO_8859_1).replace("\"", "\"\"") + "\"";
            if (!plain && r.nextInt(50) == 0) {
                quoted = quoted.substring(0, quoted.length() - 1) + pick(r, "x", " ", "\"x"); // broken quoting
            }
            return quoted.getBytes(StandardCharsets.ISO_8859_1);
        }
        return bytes;
    }

    // ---- NDJSON

    private static final String[][] KEYS = {{"timestamp", "start_time", "started_at"}, {"endpoint", "request_name"},
            {"latency_ms", "response_time_ms", "duration_ms"}, {"ok"}, {"method", "request_type"}, {"service"},
            {"error", "failure"}, {"status", "status_code"}, {"url"}, {"group"}, {"users", "active_users", "vus"}};

    private static Generated ndjson(Random r) {
        Out out = new Out();
        String eol = pick(r, "\n", "\n", "\r\n", "\r");
        int lines = r.nextInt(5) == 0 ? 600 + r.nextInt(800) : 1 + r.nextInt(30);
        boolean plain = r.nextInt(3) > 0;
        long samples = 0;
        for (int i = 0; i < lines; i++) {
            if (i > 0 && r.nextInt(15) == 0) {
                out.text(pick(r, "", " ", "\t", " \u3000 ")).text(eol);
                continue;
            }
            List<String> members = new ArrayList<>();
            for (int k = 0; k < KEYS.length; k++) {
                if (k < 4 || r.nextInt(3) == 0) {
                    String key = pick(r, KEYS[k]);
                    if (!plain && r.nextInt(40) == 0) {
                        key = pick(r, key.toUpperCase(), " " + key, key + "\\u0020", "K\u212Aey");
                    }
                    String column = KEYS[k][0];
                    String value = plain ? plainValue(r, column) : anyValue(r, column);
                    members.add(json(r, key) + pick(r, ":", ": ", " :\t") + jsonValue(r, column, value, plain));
                }
            }
            if (r.nextInt(3) == 0) {
                StringBuilder tags = new StringBuilder("{");
                for (int t = r.nextInt(4); t > 0; t--) {
                    tags.append(tags.length() > 1 ? "," : "").append(json(pick(r, "region", "service", "é", "a b")))
                            .append(':').append(pick(r, "\"eu\"", "\"us\"", "1", "true", "null", "\"\"", "\"\\u00e9\""));
                }
                members.add("\"tags\":" + tags.append('}'));
            }
            if (r.nextInt(6) == 0) {
                members.add(json(pick(r, "mine", "response_bytes", "x")) + ":"
                        + pick(r, "1", "[1,2]", "{\"a\":{}}", "\"s\"", "null", "1.5e3", "-0"));
            }
            Collections.shuffle(members, r);
            String sep = pick(r, ",", ", ", " ,\t");
            String line = pick(r, "", "", " ", "\t") + "{" + String.join(sep, members) + "}" + pick(r, "", "", " ");
            if (!plain && r.nextInt(50) == 0) {
                line = pick(r, "[1]", "{\"timestamp\":1}{}", line + "x", "\f" + line, "{}", "\"s\"", line + "\u0000");
            }
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (!plain && r.nextInt(60) == 0) {
                bytes = concat(bytes, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[0]); // undecodable at the end
            }
            out.bytes(bytes);
            samples++;
            if (!plain && i == lines - 1 && r.nextBoolean()) {
                out.cut(r);
                continue;
            }
            out.text(r.nextInt(20) == 0 ? pick(r, "\n", "\r\n", "\r") : eol);
        }
        return new Generated(out.toByteArray(), plain ? samples : -1);
    }

    private static String jsonValue(Random r, String column, String value, boolean plain) {
        if (value == null) {
            return "null";
        }
        boolean number = value.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
        if (number && r.nextBoolean()) {
            return value;
        }
        if ((value.equals("true") || value.equals("false")) && r.nextBoolean()) {
            return value;
        }
        if (!plain && r.nextInt(30) == 0) {
            return pick(r, "01", "1.", "-", "tru", "nul", "[]", "{}", "1e2", "\"\\u00e9\"");
        }
        return json(r, value);
    }

    /** A JSON string; sometimes with an optional escape of '/', which only Jackson's way reads. */
    private static String json(Random r, String s) {
        String json = json(s);
        return r.nextInt(10) == 0 ? json.replace("/", "\\/") : json;
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    // ---- values

    /** A value that reads: the spellings tools write. */
    private static String plainValue(Random r, String column) {
        return switch (column) {
            case "timestamp", "start_time" -> pick(r, String.valueOf(1763892000000L + r.nextInt(100_000)),
                    (1763892000000L + r.nextInt(100_000)) + "." + r.nextInt(1000),
                    "2025-11-23T10:0" + r.nextInt(10) + ":" + (10 + r.nextInt(50)) + "." + r.nextInt(1000) + "Z",
                    "2025-11-23T10:00:0" + r.nextInt(10) + "+0" + r.nextInt(2) + ":" + pick(r, "00", "30"),
                    "2024-02-29T23:59:59.999999-05:00");
            case "endpoint", "request_name" -> pick(r, "/api/products/" + r.nextInt(20), "/api/cart", "/a,b", "/q\"x\"",
                    "/é", "line\nbreak", "GET /x");
            case "latency_ms", "duration_ms" -> pick(r, String.valueOf(r.nextInt(500)), r.nextInt(500) + "." + r.nextInt(10),
                    r.nextInt(500) + "." + r.nextInt(1000), r.nextInt(50) + "." + r.nextInt(100_000), "0.0005", "86400000");
            case "ok" -> pick(r, "1", "0", "true", "false", "TRUE", "False");
            case "method", "request_type" -> pick(r, "GET", "POST", "", "grpc");
            case "service" -> pick(r, "shop", "", "payments");
            case "error", "failure" -> pick(r, "", "", "500 Server Error", "timeout, retrying", "Err: \"x\"");
            case "status", "status_code" -> pick(r, "", "200", "503");
            case "url" -> pick(r, "", "https://x/api?q=1");
            case "group" -> pick(r, "", "checkout");
            case "users", "active_users", "vus" -> pick(r, "", String.valueOf(r.nextInt(100)));
            default -> pick(r, "", "eu", "us", "é", "605");
        };
    }

    /** Any value: mostly ones that read, sometimes spellings only the text methods take, or wrong ones. */
    private static String anyValue(Random r, String column) {
        if (r.nextInt(4) > 0) {
            return plainValue(r, column);
        }
        return switch (column) {
            case "timestamp", "start_time" -> pick(r, " 1763892000000", "1763892000", "1.763892e12", "1763892000000.1.2",
                    "2025-11-23t10:00:00z", "2025-11-23T10:00:00", "2025-02-30T10:00:00Z", "2025-11-23T10:00:00.Z",
                    "2025-11-23T10:00:00+18:00", "2025-11-23T10:00Z", "+1763892000000", "-1", "", null, "12345678901234567890");
            case "endpoint", "request_name" -> pick(r, " /a ", "", "  ", null, "\u2003/b", "\t");
            case "latency_ms", "duration_ms" -> pick(r, " 5", "5.", ".5", "1e3", "-1", "-0", "abc", "86400000.001", "5d",
                    "0x10", "", null, "1.2345");
            case "ok" -> pick(r, "yes", " true", "2", "", null, "falſe");
            case "users", "active_users", "vus" -> pick(r, " 5", "+5", "12345678", "-1", "x", " ", null);
            default -> pick(r, " ", " x ", null, "\u00a0");
        };
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    /** The bytes of a generated file. */
    private static final class Out extends ByteArrayOutputStream {

        private int lineStart;

        Out text(String s) {
            writeBytes(s.getBytes(StandardCharsets.UTF_8));
            if (s.endsWith("\n") || s.endsWith("\r")) {
                lineStart = count;
            }
            return this;
        }

        Out bytes(byte[] b) {
            writeBytes(b);
            return this;
        }

        /** Cuts the last line at a random point. */
        void cut(Random r) {
            count = lineStart + r.nextInt(Math.max(1, count - lineStart));
        }
    }
}

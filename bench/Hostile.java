// Hostile inputs for bench/hostile.sh: files built to exhaust a reader's memory or time, in the formats of the tools
// (k6 NDJSON and CSV, Locust stats CSV, JMeter CSV and XML JTL). They are not tool output and are never presented as
// such: each is a real format's header or record shape (as in the test fixtures) stretched to an extreme.
//   java bench/Hostile.java CASE OUT [HUGE_MB]
// Cases: k6-services, k6-urls, locust-field, k6csv-field, xml-attribute, jtl-long-names, jtl-many-labels,
// gzip-bomb, json-deep, locust-rows, ndjson-line. HUGE_MB (default 2048) sizes the single huge field, attribute
// or line of the *-field, xml-attribute, gzip-bomb and ndjson-line cases.

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

public class Hostile {

    static final String JTL_HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n";
    static final String LOCUST_HEADER = "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
            + "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,"
            + "99%,99.9%,99.99%,100%\n";
    static final String K6_CSV_HEADER = "metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,"
            + "method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags\n";
    /** The filler of a quoted CSV field that never ends: short lines, so only the record's length can stop it. */
    static final String LINES = "x".repeat(99) + "\n";
    static final long T0 = 1_795_431_750_115L;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]);
        long huge = (args.length > 2 ? Long.parseLong(args[2]) : 2048) << 20;
        switch (args[0]) {
            case "k6-services" -> k6Points(out, 10_000, i -> "svc-" + i, i -> "/x");
            case "k6-urls" -> k6Points(out, 500_000, i -> "shop", i -> "/item/" + i);
            case "locust-field" -> withHuge(out, LOCUST_HEADER + "GET,\"", LINES, huge, "\",1,0,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1\n");
            case "k6csv-field" -> withHuge(out, K6_CSV_HEADER + "http_req_duration,1633706790,245.5,,,,true,,GET,\"", LINES, huge,
                    "\",HTTP/2.0,default,,200,,tls1.3,https://example/,\n");
            case "xml-attribute" -> withHuge(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n"
                    + "<httpSample t=\"20\" ts=\"" + T0 + "\" s=\"true\" rc=\"200\" lb=\"", "y", huge, "\"/>\n</testResults>\n");
            case "jtl-long-names" -> jtl(out, 2_000, i -> (char) ('a' + i % 26) + "x".repeat(100_000) + i);
            case "jtl-many-labels" -> jtl(out, 1_000_000, i -> "GET /api/label-" + (i % 200));
            case "gzip-bomb" -> gzipBomb(out, huge);
            case "json-deep" -> Files.writeString(out, "{\"root_group\":{},\"metrics\":{\"http_req_duration\":{\"avg\":1,\"p(95)\":"
                    + "[".repeat(1_000_000));
            case "locust-rows" -> locustRows(out, 200_000);
            case "ndjson-line" -> withHuge(out, "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":"
                    + "\"2025-06-14T09:21:29.14+01:00\",\"value\":26.0,\"tags\":{\"name\":\"", "z", huge, "\"}}}\n");
            default -> throw new IllegalArgumentException("unknown case " + args[0]);
        }
        System.out.printf(Locale.ROOT, "%s: %,d bytes%n", out.getFileName(), Files.size(out));
    }

    interface Name {
        String of(int i);
    }

    /** k6 NDJSON {@code http_req_duration} points, one per request, with the service and name tags given. */
    static void k6Points(Path out, int points, Name service, Name name) throws IOException {
        try (Writer w = Files.newBufferedWriter(out)) {
            for (int i = 0; i < points; i++) {
                w.write("{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2025-06-14T09:"
                        + String.format(Locale.ROOT, "%02d:%02d", 20 + i / 60 % 30, i % 60) + ".14+01:00\",\"value\":"
                        + (10 + i % 7) + ",\"tags\":{\"expected_response\":\"true\",\"method\":\"GET\",\"name\":\""
                        + name.of(i) + "\",\"service\":\"" + service.of(i) + "\",\"status\":\"200\",\"url\":\"" + name.of(i)
                        + "\"}}}\n");
            }
        }
    }

    /** {@code head}, then {@code bytes} of {@code fill} repeated, then {@code tail}: one field, attribute or line that never ends. */
    static void withHuge(Path out, String head, String fill, long bytes, String tail) throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            o.write(head.getBytes(StandardCharsets.UTF_8));
            writeFill(o, fill, bytes);
            o.write(tail.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code bytes} of {@code fill} repeated (ASCII). */
    static void writeFill(OutputStream o, String fill, long bytes) throws IOException {
        byte[] block = fill.repeat((1 << 20) / fill.length()).getBytes(StandardCharsets.US_ASCII);
        for (long left = bytes; left > 0; left -= block.length) {
            o.write(block, 0, (int) Math.min(block.length, left));
        }
    }

    /** A JMeter CSV JTL of {@code rows} samples labelled by {@code label}, 8 threads, one sample per 10 ms. */
    static void jtl(Path out, int rows, Name label) throws IOException {
        try (Writer w = Files.newBufferedWriter(out)) {
            w.write(JTL_HEADER);
            for (int i = 0; i < rows; i++) {
                w.write((T0 + i * 10L) + "," + (20 + i % 97) + "," + label.of(i) + ",200,OK,users 1-" + (i % 8 + 1)
                        + ",text,true,,749,130,8,8,http://127.0.0.1:8080/x," + (18 + i % 90) + ",0,1\n");
            }
        }
    }

    /** A gzipped JTL whose second line is {@code bytes} of digits with no line break: it expands a thousandfold. */
    static void gzipBomb(Path out, long bytes) throws IOException {
        try (OutputStream o = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 20), 1 << 16)) {
            o.write(JTL_HEADER.getBytes(StandardCharsets.US_ASCII));
            writeFill(o, "1", bytes);
        }
    }

    /** A Locust stats CSV with {@code rows} endpoint rows and its Aggregated row. */
    static void locustRows(Path out, int rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(out)) {
            w.write(LOCUST_HEADER);
            for (int i = 0; i < rows; i++) {
                w.write("GET,/item/" + i + ",10,0,20,21.5,5,90,100,1.0,0.0,20,22,24,25,30,40,60,80,90,90,90\n");
            }
            w.write(",Aggregated," + rows * 10L + ",0,20,21.5,5,90,100,1.0,0.0,20,22,24,25,30,40,60,80,90,90,90\n");
        }
    }
}

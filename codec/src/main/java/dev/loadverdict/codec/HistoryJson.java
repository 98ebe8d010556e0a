package dev.loadverdict.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The JSON form of one run in a suite's history ({@code baselines/SUITE/history/<time>-<sha7>.json}):
 * {@code "schema": "loadverdict.history/1"}, when it was recorded, its provenance, a SHA-256 of the run as
 * written (so a hand-edited or damaged file is detected), then the run. A history file carries no version
 * number: versions are the order of the files, so two branches that each add a run never conflict.
 */
public final class HistoryJson {

    public static final String SCHEMA = "loadverdict.history/1";
    static final String KIND = "history";
    static final int VERSION = 1;

    private HistoryJson() {
    }

    /**
     * One recorded run.
     *
     * @param recorded when it was recorded
     * @param provenance where it came from
     * @param run the run
     */
    public record Entry(Instant recorded, Baseline.Provenance provenance, Run run) {
        public Entry {
            Objects.requireNonNull(recorded, "recorded == null");
            Objects.requireNonNull(provenance, "provenance == null");
            Objects.requireNonNull(run, "run == null");
        }

        /** This run as the baseline of the given version. */
        public Baseline asBaseline(int version) {
            return new Baseline(version, recorded, provenance, run);
        }
    }

    public static String write(Entry entry) {
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        root.put("recorded", entry.recorded().toString());
        BaselineJson.writeProvenance(root.putObject("provenance"), entry.provenance());
        ObjectNode run = Json.object();
        RunJson.writeBody(run, entry.run());
        root.put("sha256", sha256(Json.write(run)));
        root.set("run", run);
        return Json.write(root);
    }

    /**
     * Reads a history file and checks its checksum.
     *
     * @throws InputException when it is not a valid history file or its run does not match its checksum
     */
    public static Entry read(String source, Reader reader) {
        Node root = Node.parse(Json.FACTORY, source, reader);
        Json.requireSchema(root, KIND, VERSION);
        Instant recorded = RunJson.instant(root, "recorded").orElseThrow(() -> root.fail("missing key 'recorded'"));
        Baseline.Provenance provenance = BaselineJson.readProvenance(root.optional("provenance"));
        Node checksum = root.get("sha256");
        Run run = RunJson.readBody(root.get("run"));
        ObjectNode rewritten = Json.object();
        RunJson.writeBody(rewritten, run);
        if (!sha256(Json.write(rewritten)).equals(checksum.text())) {
            throw checksum.fail("the run does not match its checksum: the file was edited or damaged "
                    + "(history files are written once and never changed)");
        }
        return new Entry(recorded, provenance, run);
    }

    /** The checksum a history entry of this run carries: equal runs have equal checksums. */
    public static String checksum(Run run) {
        ObjectNode body = Json.object();
        RunJson.writeBody(body, run);
        return sha256(Json.write(body));
    }

    private static final java.util.regex.Pattern CHECKSUM =
            java.util.regex.Pattern.compile("\"sha256\"\\s*:\\s*\"([0-9a-f]{64})\"");

    /**
     * The checksum a history file declares, read from the head of the file only (it precedes the run), without
     * checking it: enough to find whether a run is already in a history.
     */
    public static java.util.Optional<String> declaredChecksum(String head) {
        java.util.regex.Matcher m = CHECKSUM.matcher(head);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

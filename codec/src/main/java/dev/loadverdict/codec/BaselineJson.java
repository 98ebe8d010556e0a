package dev.loadverdict.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;

import java.io.Reader;
import java.time.Instant;

/**
 * The JSON form of a {@link Baseline}: {@code "schema": "loadverdict.baseline/1"}, the version number,
 * creation time, provenance, a SHA-256 of the run as written (so a hand-edited or damaged baseline is refused by name,
 * never used silently), then the run (same shape as a run document, without its own schema key).
 */
public final class BaselineJson {

    public static final String SCHEMA = "loadverdict.baseline/1";
    static final String KIND = "baseline";
    static final int VERSION = 1;

    private BaselineJson() {
    }

    public static String write(Baseline baseline) {
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        root.put("version", baseline.version());
        root.put("created", baseline.created().toString());
        writeProvenance(root.putObject("provenance"), baseline.provenance());
        root.put("sha256", HistoryJson.checksum(baseline.run()));
        RunJson.writeBody(root.putObject("run"), baseline.run());
        return Json.write(root);
    }

    /**
     * Reads a baseline document.
     *
     * @throws InputException when it is not a valid loadverdict baseline
     */
    public static Baseline read(String source, Reader reader) {
        Node root = Node.parse(Json.FACTORY, source, reader);
        Json.requireSchema(root, KIND, VERSION);
        Node version = root.get("version");
        long v = version.wholeNumber();
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw version.fail("must be a whole number >= 1 but was " + v);
        }
        Instant created = RunJson.instant(root, "created").orElseThrow(() -> root.fail("missing key 'created'"));
        Baseline.Provenance provenance = readProvenance(root.optional("provenance"));
        // files written before baselines carried a checksum have none and are read as they are
        Node checksum = root.optional("sha256");
        dev.loadverdict.model.Run run = RunJson.readBody(root.get("run"));
        if (checksum != null && !HistoryJson.checksum(run).equals(checksum.text())) {
            throw checksum.fail("the run does not match its checksum: the baseline was edited or damaged (promote a run"
                    + " to change a baseline; every version is also kept as NAME.vN.json)");
        }
        return new Baseline((int) v, created, provenance, run);
    }

    static void writeProvenance(ObjectNode node, Baseline.Provenance provenance) {
        Json.put(node, "gitSha", provenance.gitSha());
        Json.put(node, "gitRef", provenance.gitRef());
        Json.put(node, "runUrl", provenance.runUrl());
        Json.put(node, "note", provenance.note());
        if (provenance.regressed()) {
            node.put("regressed", true);
        }
    }

    static Baseline.Provenance readProvenance(Node p) {
        return p == null ? Baseline.Provenance.none()
                : new Baseline.Provenance(Json.optionalText(p, "gitSha"), Json.optionalText(p, "gitRef"),
                Json.optionalText(p, "runUrl"), Json.optionalText(p, "note"), p.has("regressed") && p.get("regressed").bool());
    }
}

package dev.loadverdict.extractor.locust;

import dev.loadverdict.extractor.internal.ResultFormat;

import java.util.List;

/** Locust's formats: the stats CSV (with its siblings) and the {@code --json} output. */
public final class LocustFormats {

    private LocustFormats() {
    }

    /** Every format of this tool, in order of preference when several match a directory. */
    public static List<ResultFormat> all() {
        return List.of(new LocustStatsFormat(), new LocustJsonFormat());
    }

    /**
     * A format that recognises Locust files loadverdict reads only as part of a run (the history, failures and
     * exceptions CSVs without their stats file) and Taurus' captured Locust worker reports, and refuses them
     * with a message saying what to give instead. Detection should try it after every other format.
     */
    public static ResultFormat partsAlone() {
        return new LocustPartFormat();
    }
}

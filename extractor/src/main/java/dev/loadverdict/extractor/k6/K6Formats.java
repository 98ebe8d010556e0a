package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.internal.ResultFormat;

import java.util.List;

/** k6's formats: {@code --out json} (NDJSON), {@code --out csv} and the end-of-test summary. */
public final class K6Formats {

    private K6Formats() {
    }

    /** Every format of this tool, in order of preference when several match a directory. */
    public static List<ResultFormat> all() {
        return List.of(new K6NdjsonFormat(), new K6CsvFormat(), new K6SummaryFormat());
    }
}

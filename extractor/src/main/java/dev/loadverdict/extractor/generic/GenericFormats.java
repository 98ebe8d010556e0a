package dev.loadverdict.extractor.generic;

import dev.loadverdict.extractor.internal.ResultFormat;

import java.util.List;

/** The generic input: raw samples (CSV or NDJSON) and the aggregate document. */
public final class GenericFormats {

    private GenericFormats() {
    }

    /** Every format of this tool, in order of preference when several match a directory. */
    public static List<ResultFormat> all() {
        return List.of(new GenericSamplesFormat(), new GenericDocumentFormat());
    }
}

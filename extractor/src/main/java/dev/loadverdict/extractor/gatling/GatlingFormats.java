package dev.loadverdict.extractor.gatling;

import dev.loadverdict.extractor.internal.ResultFormat;

import java.util.List;

/** Gatling's formats: the text and binary {@code simulation.log}, and the report's {@code stats.json} and {@code global_stats.json}. */
public final class GatlingFormats {

    private GatlingFormats() {
    }

    /** Every format of this tool, in order of preference when several match a directory. */
    public static List<ResultFormat> all() {
        return List.of(new GatlingTextLogFormat(), new GatlingBinaryLogFormat(), new GatlingStatsFormat(), GatlingStatsFormat.globalStats());
    }
}

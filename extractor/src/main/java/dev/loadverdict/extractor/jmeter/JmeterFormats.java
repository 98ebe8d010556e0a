package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.internal.ResultFormat;

import java.util.List;

/** JMeter's formats: the JTL as CSV and as XML, and the HTML dashboard's {@code statistics.json}. */
public final class JmeterFormats {

    private JmeterFormats() {
    }

    /** Every format of this tool, in order of preference when several match a directory. */
    public static List<ResultFormat> all() {
        return List.of(new JtlCsvFormat(), new JtlXmlFormat(), new JmeterStatisticsFormat());
    }
}

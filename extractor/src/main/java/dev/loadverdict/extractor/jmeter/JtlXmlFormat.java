package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.Splitting;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.SplitReading;
import dev.loadverdict.extractor.internal.ToolResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads JMeter's JTL results in XML form ({@code <testResults>} of {@code <httpSample>} and {@code <sample>}
 * elements): raw samples, so percentiles are exact and the run can be cut to a time window.
 *
 * <p><b>Detection</b>: an XML document (declaration, comment or DOCTYPE first) whose first element is
 * {@code <testResults>}; a full match when a sample element follows within the first 64 KiB.
 *
 * <p><b>Samples</b>: attributes {@code t} (elapsed ms), {@code ts} (start, epoch ms), {@code s}, {@code lb},
 * {@code rc}, {@code rm}, {@code tn}, {@code na}, {@code sc}/{@code ec}; the URL from the
 * {@code <java.net.URL>} child and the failure message from the first failed {@code <assertionResult>}.
 * Any element directly under {@code <testResults>} is a sample when it has a label, whatever its name: the
 * WebDriver plugin's {@code SampleResultWithSubs} is written field by field ({@code <label>},
 * {@code <startTime>}, {@code <elapsedTime>}, …) and read as such. Elements without a label are skipped
 * with a warning. A sample without {@code t} or {@code ts} (JMeter can be told not to save them) fails
 * the file.
 *
 * <p><b>Nesting</b>: sub-samples (a transaction controller's samplers with "Generate parent sample", a
 * redirect's or embedded resources' requests) are child elements whose time is included in their
 * parent's. By default only top-level samples count, each for its own label; then a top-level
 * transaction-controller sample with children counts in the totals too, since nothing else counts its
 * requests. With {@code subSamplesAsEndpoints} (or {@link ReadContext#subSamples()}, the command line's
 * {@code --jmeter-sub-samples}), every sample at every level counts for its own label, as
 * the rows of a CSV result do, and transaction-controller samples stay out of the totals (see
 * {@link SampleRules}). Empty transaction-controller samples never count.
 *
 * <p><b>Security and damage</b>: DTDs are refused with an error, so no entity is expanded and nothing is
 * fetched. A file that ends before {@code </testResults>} (real files do) yields its complete samples and
 * a {@code file:line: truncated: …} warning; broken XML before the end fails with its line.
 */
final class JtlXmlFormat implements ResultFormat {

    /** How JMeter starts a line with a top-level sample: where a part of a large file preferably starts. */
    private static final byte[] SAMPLE = "<sample".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTTP_SAMPLE = "<httpSample".getBytes(StandardCharsets.US_ASCII);

    private final boolean subSamplesAsEndpoints;

    /** Counts top-level samples only. */
    public JtlXmlFormat() {
        this(false);
    }

    /**
     * @param subSamplesAsEndpoints whether nested sub-samples count as samples of their own labels too
     */
    public JtlXmlFormat(boolean subSamplesAsEndpoints) {
        this.subSamplesAsEndpoints = subSamplesAsEndpoints;
    }

    @Override
    public String displayName() {
        return "JMeter JTL XML";
    }

    @Override
    public boolean rawSamples() {
        return true;
    }

    @Override
    public MatchStrength detect(Head head) {
        String text = head.text().stripLeading();
        if (!text.startsWith("<")) {
            return MatchStrength.NO_MATCH;
        }
        int root = firstElement(text);
        if (root < 0 || !text.startsWith("<testResults", root)) {
            return MatchStrength.NO_MATCH;
        }
        return text.indexOf("<httpSample", root) > 0 || text.indexOf("<sample", root) > 0
                ? MatchStrength.FULL_MATCH : MatchStrength.SOLID_MATCH;
    }

    /** Where the first element starts, after the declaration, comments and a DOCTYPE; -1 if none. */
    private static int firstElement(String text) {
        int i = 0;
        while (true) {
            i = text.indexOf('<', i);
            if (i < 0 || i + 1 >= text.length()) {
                return -1;
            }
            char next = text.charAt(i + 1);
            if (next != '?' && next != '!') {
                return i;
            }
            int close = text.startsWith("<!--", i) ? text.indexOf("-->", i) : text.indexOf('>', i);
            if (close < 0) {
                return -1;
            }
            i = close + 1;
        }
    }

    /**
     * Whether a line starts a top-level sample as JMeter writes it (nested ones are indented): where a cut is
     * preferred. A cut elsewhere is no error: the part before it cannot vouch for it, and the file is read whole.
     */
    private static boolean topLevelSample(byte[] b, int from, int to) {
        return startsWithTag(b, from, to, SAMPLE) || startsWithTag(b, from, to, HTTP_SAMPLE);
    }

    private static boolean startsWithTag(byte[] b, int from, int to, byte[] tag) {
        int end = from + tag.length;
        return end < to && Arrays.equals(b, from, end, tag, 0, tag.length) && (b[end] == ' ' || b[end] == '>');
    }

    /**
     * Whether the file may be read in parts: it is large enough, and it ends with the root's end tag. A file cut off by
     * a stopped run does not, and its last part could not vouch for it, so it is read whole at once rather than after
     * a reading in parts that cannot be merged.
     */
    private static boolean endsWithRoot(Path path, Splitting splitting) {
        if (splitting.threads() < 2) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 2 * splitting.minPartBytes()) {
                return false; // too small for parts
            }
            byte[] tail = new byte[(int) Math.min(size, 256)];
            int read = SplitReading.readFully(channel, size - tail.length, tail, 0, tail.length);
            String text = new String(tail, 0, read, StandardCharsets.ISO_8859_1).stripTrailing();
            return text.endsWith("</" + XmlSamples.ROOT + ">");
        } catch (IOException e) {
            return false; // the reading on one thread reports it
        }
    }

    /**
     * One part of a file cut at line starts (see {@link SplitReading}), or null when the scanner does not vouch for all
     * of it or it warned: the file is then read whole, as below.
     */
    private static SampleRecorder readPart(InputStream bytes, boolean first, boolean last, boolean nested,
                                           ReadContext context, String displayPath) {
        SampleRecorder recorder = new SampleRecorder(context, displayPath);
        boolean whole = new XmlSamples(displayPath, nested, recorder).readPart(bytes, first, last);
        return whole && !recorder.warned() ? recorder : null;
    }

    @Override
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        boolean nested = subSamplesAsEndpoints || context.subSamples();
        Splitting splitting = context.splittingNow();
        Optional<SampleRecorder> split = !endsWithRoot(path, splitting) ? Optional.empty() : SplitReading.read(path,
                splitting, JtlXmlFormat::topLevelSample,
                (bytes, first, last) -> readPart(bytes, first, last, nested, context.forPart(splitting), displayPath),
                SampleRecorder::absorb);
        if (split.isPresent()) {
            SplitReading.merged();
            return split.get().finish();
        }
        SampleRecorder recorder = new SampleRecorder(context, displayPath);
        try {
            JtlXmlScanner.Stop stop;
            try (InputStream bytes = InputFiles.openBytes(path, displayPath)) {
                stop = new XmlSamples(displayPath, nested, recorder).readFast(bytes);
            }
            if (stop == null) {
                return recorder.finish();
            }
            if (stop.offset() >= 0) {
                // StAX reads on from the last top-level element the scanner completed
                try (InputStream bytes = InputFiles.openBytes(path, displayPath);
                     Reader rest = XmlSamples.resume(bytes, stop)) {
                    if (rest != null) {
                        new XmlSamples(displayPath, nested, recorder).read(rest);
                        return recorder.finish();
                    }
                }
            }
            recorder = new SampleRecorder(context, displayPath);
            try (Reader reader = InputFiles.openText(path, displayPath)) {
                new XmlSamples(displayPath, nested, recorder).read(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return recorder.finish();
    }
}

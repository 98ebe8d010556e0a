package dev.loadverdict.extractor.internal;

import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.gatling.GatlingFormats;
import dev.loadverdict.extractor.generic.GenericFormats;
import dev.loadverdict.extractor.jmeter.JmeterFormats;
import dev.loadverdict.extractor.k6.K6Formats;
import dev.loadverdict.extractor.locust.LocustFormats;
import dev.loadverdict.model.InputException;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks the format of a file from its content: the strongest {@link MatchStrength} wins. */
public final class FormatDetector {

    private final List<ResultFormat> formats;

    public FormatDetector(List<ResultFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** Every format loadverdict reads, in order of preference when several match a directory. */
    public static FormatDetector standard() {
        List<ResultFormat> all = new java.util.ArrayList<>(LocustFormats.all());
        all.addAll(K6Formats.all());
        all.addAll(JmeterFormats.all());
        all.addAll(GatlingFormats.all());
        all.addAll(GenericFormats.all());
        all.add(LocustFormats.partsAlone()); // last: in a directory every real format is preferred to it
        return new FormatDetector(all);
    }

    /** The format of a file, or empty when none matches at all. */
    public Optional<ResultFormat> detect(Head head) {
        return formats.stream()
                .map(f -> new Candidate(f, f.detect(head)))
                .filter(c -> c.strength != MatchStrength.NO_MATCH)
                .max(Comparator.comparing(Candidate::strength))
                .map(Candidate::format);
    }

    /** The format of a file, or an {@link InputException} that says what was expected. */
    public ResultFormat require(Path path, String displayPath) {
        return require(InputFiles.head(path, displayPath));
    }

    /** The format of a file whose beginning has been read, or an {@link InputException} that says what was expected. */
    public ResultFormat require(Head head) {
        String displayPath = head.displayPath();
        if (head.text().isBlank()) {
            throw new InputException(displayPath, "is empty");
        }
        return detect(head).orElseThrow(() -> new InputException(displayPath,
                "not a load-test result loadverdict recognises").explained("It reads: " + names() + "."));
    }

    /** The format's position in this detector's list: lower is preferred when several match a directory. */
    public int rank(ResultFormat format) {
        return formats.indexOf(format);
    }

    /** The formats, in order of preference. */
    public List<ResultFormat> formats() {
        return formats;
    }

    /** The names of the formats, for messages. */
    public String names() {
        return String.join(", ", formats.stream().map(ResultFormat::displayName).toList());
    }

    private record Candidate(ResultFormat format, MatchStrength strength) {
    }
}

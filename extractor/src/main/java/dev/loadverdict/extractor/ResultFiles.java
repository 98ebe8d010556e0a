package dev.loadverdict.extractor;

import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.FormatDetector;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.model.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the result files the user's inputs name, and the format of each: a file is taken as it is; a directory is
 * searched for files whose content a format recognises, and so is the {@code js/} subdirectory of a Gatling results
 * directory (one with an {@code index.html}); an input that names no file is a file-name prefix, such as Locust's
 * {@code --csv results/run_}. A file that another file's format reads as its part ({@link ResultFormat#companions}) is
 * not listed on its own, and of a directory's several forms of one run only the richest is kept.
 */
final class ResultFiles {

    /** The subdirectory of a Gatling results directory (beside {@code index.html}) that holds {@code stats.json}. */
    private static final String GATLING_REPORT_DIR = "js";

    private final FormatDetector detector;

    ResultFiles(FormatDetector detector) {
        this.detector = detector;
    }

    /** The result files of {@code inputs}, each with its head and format; skipped files are reported in {@code warnings}. */
    List<Located> find(List<String> inputs, List<String> warnings) {
        List<Located> files = new ArrayList<>();
        for (String input : inputs) {
            files.addAll(resultFiles(input, warnings));
        }
        return withoutCompanions(files);
    }

    /** Files another input reads as its parts (Locust's failures beside its stats) are not read again on their own. */
    private static List<Located> withoutCompanions(List<Located> files) {
        java.util.Set<Path> claimed = new java.util.HashSet<>();
        for (Located file : files) {
            file.format.companions(file.path()).forEach(p -> claimed.add(p.toAbsolutePath().normalize()));
        }
        return files.stream().filter(f -> !claimed.contains(f.path().toAbsolutePath().normalize())).toList();
    }

    private List<Located> resultFiles(String input, List<String> warnings) {
        Path path = Path.of(input);
        if (Files.isRegularFile(path)) {
            Head head = InputFiles.head(path, input);
            return List.of(new Located(head, detector.require(head)));
        }
        if (Files.isDirectory(path)) {
            String dir = input.endsWith("/") ? input : input + "/";
            List<Located> found = detectAll(input, path, "", dir);
            // A Gatling results directory keeps its report's statistics in js/ beside simulation.log.
            Path js = path.resolve(GATLING_REPORT_DIR);
            if (Files.isDirectory(js) && Files.isRegularFile(path.resolve("index.html"))) {
                detectFiles(js, input, dir + GATLING_REPORT_DIR + "/", found);
            }
            if (found.isEmpty()) {
                throw new InputException(input, "no load-test results found in this directory")
                        .explained("loadverdict reads: " + detector.names() + ".");
            }
            return oneFormat(withoutCompanions(found), warnings);
        }
        Path parent = path.getParent() == null ? Path.of("") : path.getParent();
        Path prefix = path.getFileName();
        if (prefix != null && !input.endsWith("/") && Files.isDirectory(parent.toString().isEmpty() ? Path.of(".") : parent)) {
            List<Located> found = detectAll(input, parent, prefix.toString(), input);
            if (!found.isEmpty()) {
                return oneFormat(withoutCompanions(found), warnings);
            }
        }
        throw new InputException(input, "no such file or directory, and no result files start with it");
    }

    /**
     * The result files in {@code dir} whose names start with {@code prefix} (all for an empty prefix): the
     * files of a directory, or of a prefix such as Locust's {@code --csv results/run_}. Each is named in
     * messages as {@code display} followed by the rest of its name.
     */
    private List<Located> detectAll(String input, Path dir, String prefix, String display) {
        List<Located> found = new ArrayList<>();
        Path listed = dir.toString().isEmpty() ? Path.of(".") : dir;
        try (Stream<Path> children = Files.list(listed)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (!name.startsWith(prefix) || !Files.isRegularFile(child)) {
                    continue;
                }
                Path file = dir.toString().isEmpty() ? Path.of(name) : child;
                String shown = display + name.substring(prefix.length());
                Head head = InputFiles.head(file, shown);
                detector.detect(head).ifPresent(f -> found.add(new Located(head, f)));
            }
        } catch (IOException e) {
            throw new InputException(input, java.util.OptionalLong.empty(), "cannot be listed: " + e.getMessage(), e);
        }
        return found;
    }

    /** Adds the regular files of {@code directory} that some format recognises (not its subdirectories). */
    private void detectFiles(Path directory, String input, String prefix, List<Located> found) {
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.sorted().toList()) {
                if (!Files.isRegularFile(child)) {
                    continue;
                }
                String display = prefix + child.getFileName();
                Head head = InputFiles.head(child, display);
                detector.detect(head).ifPresent(f -> found.add(new Located(head, f)));
            }
        } catch (IOException e) {
            throw new InputException(input, java.util.OptionalLong.empty(), "cannot be listed: " + e.getMessage(), e);
        }
    }

    /**
     * A directory often holds the same run in several forms (k6's summary beside its NDJSON): read the
     * richest form only — raw samples before aggregates — and merge several files only of that one format.
     */
    private List<Located> oneFormat(List<Located> found, List<String> warnings) {
        ResultFormat best = found.stream().map(Located::format)
                .min(java.util.Comparator.comparing((ResultFormat f) -> !f.rawSamples())
                        .thenComparing(f -> detector.rank(f)))
                .orElseThrow();
        List<Located> chosen = found.stream().filter(l -> l.format == best).toList();
        for (Located l : found) {
            if (l.format != best) {
                warnings.add(Diagnostics.warning(l.display(), "skipped: " + l.format.displayName() + " beside the "
                        + best.displayName() + " of the same directory (pass it explicitly to read it)"));
            }
        }
        return chosen;
    }

    /** A result file, its beginning (read once, for detection and reading) and its format. */
    record Located(Head head, ResultFormat format) {

        Path path() {
            return head.path();
        }

        String display() {
            return head.displayPath();
        }
    }
}

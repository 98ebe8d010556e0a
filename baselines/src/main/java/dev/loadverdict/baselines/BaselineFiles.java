package dev.loadverdict.baselines;

import dev.loadverdict.codec.BaselineJson;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Single-file baselines ({@code loadverdict baseline promote RUN --to FILE}).
 *
 * <p>Nothing is ever lost: a promotion writes the next version number, every version is kept beside the
 * file as {@code NAME.vN.json}, and every write goes to a temporary file in the same directory that is
 * verified before it atomically replaces the target. Of two concurrent promotions of the same file, one
 * fails: creating {@code NAME.vN.json} (which must not exist) claims version N.
 */
public final class BaselineFiles {

    private final Clock clock;

    public BaselineFiles(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reads a baseline file.
     *
     * @throws InputException when it is missing or not a valid baseline
     */
    public Baseline read(Path file, String displayPath) {
        if (Files.isDirectory(file)) {
            throw new InputException(displayPath, "is a directory, not a baseline file "
                    + "(make one with: loadverdict baseline promote RUN --to FILE)");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Baseline baseline = BaselineJson.read(displayPath, reader);
            requireSameAsKeptCopy(file, displayPath, baseline.version());
            return baseline;
        } catch (NoSuchFileException e) {
            throw new InputException(displayPath, "no such baseline file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(displayPath, java.util.OptionalLong.empty(), "is not UTF-8 text, so not a baseline", e);
        } catch (IOException e) {
            throw new InputException(displayPath, java.util.OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A baseline file whose version is also kept as {@code NAME.vN.json} must be that copy: a file edited by hand (its
     * checksum removed as well) would otherwise be used silently. Files without a kept copy (written before copies
     * were kept) and the copies themselves are taken as they are.
     */
    private static void requireSameAsKeptCopy(Path file, String displayPath, int version) throws IOException {
        if (isVersionedCopy(file.getFileName().toString())) {
            return;
        }
        Path kept = file.resolveSibling(versionedName(file, version));
        if (Files.isRegularFile(kept) && Files.mismatch(file, kept) >= 0) {
            throw new InputException(displayPath, "differs from " + sibling(displayPath, kept) + ", its kept copy of"
                    + " version " + version + ": one of them was edited; copy the right one over the other, or promote a run again");
        }
    }

    /**
     * Makes {@code run} the baseline in {@code file}: version 1 for a new file, else the existing version + 1.
     * Every version is also kept beside it as {@code NAME.vN.json}; creating that file is what claims the
     * version number, so of two concurrent promotions one fails instead of silently replacing the other.
     *
     * @return the promotion: the new baseline and where its versioned copy is
     */
    public Promotion promote(Path file, String displayPath, Run run, Baseline.Provenance provenance) {
        Path target = file.toAbsolutePath();
        Optional<Baseline> previous = Files.exists(target) ? Optional.of(read(target, displayPath)) : Optional.empty();
        if (previous.isPresent()) {
            keep(target, displayPath, previous.get().version());
        }
        int version = previous.map(b -> b.version() + 1).orElse(1);
        Baseline baseline = new Baseline(version, clock.instant(), provenance, run);
        String json = BaselineJson.write(baseline);
        verify(json, displayPath);
        Path versioned = target.resolveSibling(versionedName(target, version));
        if (!AtomicFiles.createNew(versioned, sibling(displayPath, versioned), json)) {
            throw new InputException(displayPath, "version " + version + " already exists as " + versioned.getFileName()
                    + " (another promotion at the same time, or an interrupted one: if " + target.getFileName()
                    + " is still at version " + (version - 1) + ", remove that file); nothing was changed");
        }
        AtomicFiles.write(target, displayPath, json, temp -> verify(temp, displayPath));
        return new Promotion(baseline, versioned);
    }

    /** Makes sure the version about to be replaced is kept (baselines written before versioned copies existed). */
    private static void keep(Path target, String displayPath, int version) {
        Path history = target.resolveSibling(versionedName(target, version));
        try {
            String current = Files.readString(target, StandardCharsets.UTF_8);
            if (!AtomicFiles.createNew(history, sibling(displayPath, history), current)
                    && !Files.readString(history, StandardCharsets.UTF_8).equals(current)) {
                throw new InputException(displayPath, "cannot keep version " + version + ": " + history.getFileName()
                        + " already exists with other content; nothing was changed");
            }
        } catch (IOException e) {
            throw new InputException(displayPath, java.util.OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a single baseline file and its kept versions: it reads as a baseline (its checksum matches, and it is
     * the same as its kept copy), and its current version is also kept as {@code NAME.vN.json}.
     *
     * @return one message per problem, each naming its file; empty when all is well
     */
    public List<String> check(Path file, String displayPath) {
        List<String> problems = new ArrayList<>();
        Baseline current;
        try {
            current = read(file, displayPath);
        } catch (InputException e) {
            problems.add(e.getMessage());
            return problems;
        }
        Path kept = file.resolveSibling(versionedName(file, current.version()));
        if (!Files.exists(kept)) { // a kept copy that differs fails the read above
            problems.add(sibling(displayPath, kept) + ": missing: " + displayPath + " is at version " + current.version()
                    + " but that version is not kept beside it");
        }
        return problems;
    }

    /** Whether a file name is a kept version ({@code shop.v3.json}) rather than a current baseline. */
    public static boolean isVersionedCopy(String fileName) {
        return fileName.matches(".*\\.v[0-9]+\\.json");
    }

    /** {@code shop.json -> shop.v3.json}. */
    static String versionedName(Path file, int version) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + ".v" + version : name.substring(0, dot) + ".v" + version + name.substring(dot);
    }

    private static String sibling(String displayPath, Path sibling) {
        int slash = Math.max(displayPath.lastIndexOf('/'), displayPath.lastIndexOf('\\'));
        return (slash < 0 ? "" : displayPath.substring(0, slash + 1)) + sibling.getFileName();
    }

    /** A baseline that does not read back must never replace a good one. */
    private static void verify(String json, String displayPath) {
        BaselineJson.read(displayPath, new StringReader(json));
    }

    private static void verify(Path written, String displayPath) {
        try {
            verify(Files.readString(written, StandardCharsets.UTF_8), displayPath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The result of a promotion.
     *
     * @param baseline the new baseline as written
     * @param versionedCopy where this version is kept besides the baseline file ({@code NAME.vN.json})
     */
    public record Promotion(Baseline baseline, Path versionedCopy) {
    }
}

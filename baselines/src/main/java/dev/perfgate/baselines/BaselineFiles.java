package dev.perfgate.baselines;

import dev.perfgate.codec.BaselineJson;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.InputException;
import dev.perfgate.model.Run;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;

/**
 * Single-file baselines ({@code perfgate baseline promote RUN --to FILE}).
 *
 * <p>Nothing is ever lost: a promotion writes the next version number, the version it replaces is first
 * kept beside it as {@code NAME.vN.json}, and every write goes to a temporary file in the same directory
 * that is read back and verified before it atomically replaces the target. Concurrent promotions of the
 * same file are serialised by a lock file.
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
                    + "(make one with: perfgate baseline promote RUN --to FILE)");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return BaselineJson.read(displayPath, reader);
        } catch (NoSuchFileException e) {
            throw new InputException(displayPath, "no such baseline file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(displayPath, java.util.OptionalLong.empty(), "is not UTF-8 text, so not a baseline", e);
        } catch (IOException e) {
            throw new InputException(displayPath, java.util.OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Makes {@code run} the baseline in {@code file}: version 1 for a new file, else the existing version + 1,
     * with the existing version kept as {@code NAME.vN.json}.
     *
     * @return the promotion: the new baseline and where the previous version was kept, if there was one
     */
    public Promotion promote(Path file, String displayPath, Run run, Baseline.Provenance provenance) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
            Path lockFile = dir.resolve("." + target.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Optional<Baseline> previous = Files.exists(target) ? Optional.of(read(target, displayPath)) : Optional.empty();
                int version = previous.map(b -> b.version() + 1).orElse(1);
                Baseline baseline = new Baseline(version, clock.instant(), provenance, run);
                Optional<Path> kept = Optional.empty();
                if (previous.isPresent()) {
                    Path history = dir.resolve(versionedName(target, previous.get().version()));
                    String old = Files.readString(target, StandardCharsets.UTF_8);
                    if (!Files.exists(history)) {
                        writeAtomically(history, old, displayPath);
                    } else if (!Files.readString(history, StandardCharsets.UTF_8).equals(old)) {
                        throw new InputException(displayPath, "cannot keep version " + previous.get().version()
                                + ": " + history.getFileName() + " already exists with other content; nothing was changed");
                    }
                    kept = Optional.of(history);
                }
                writeAtomically(target, BaselineJson.write(baseline), displayPath);
                return new Promotion(baseline, kept);
            } finally {
                Files.deleteIfExists(lockFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write baseline " + displayPath + ": " + e.getMessage(), e);
        }
    }

    /** {@code shop.json -> shop.v3.json}. */
    static String versionedName(Path file, int version) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + ".v" + version : name.substring(0, dot) + ".v" + version + name.substring(dot);
    }

    private static void writeAtomically(Path target, String content, String displayPath) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(StandardCharsets.UTF_8.encode(content));
                channel.force(true);
            }
            // read back what was written: a baseline that does not parse must never replace a good one
            BaselineJson.read(displayPath, new StringReader(Files.readString(temp, StandardCharsets.UTF_8)));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The result of a promotion.
     *
     * @param baseline the new baseline as written
     * @param previousKeptAt where the version it replaced was kept, if it replaced one
     */
    public record Promotion(Baseline baseline, Optional<Path> previousKeptAt) {
    }
}

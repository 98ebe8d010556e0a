package dev.loadverdict.baselines;

import dev.loadverdict.codec.AcknowledgementJson;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.history.Acknowledgement;
import dev.loadverdict.model.history.RunRef;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A suite's acknowledged step changes ({@code loadverdict baseline acknowledge}): one file per acknowledged run in
 * {@code baselines/SUITE/acknowledged/}, written once, named after the run's history file. Data in the suite, so it
 * travels with the history (the data branch included) and every job sees it.
 */
public final class Acknowledgements {

    static final String DIR = "acknowledged";

    private final SuiteStore store;

    public Acknowledgements(SuiteStore store) {
        this.store = store;
    }

    /**
     * Records that the step at version {@code version} is known.
     *
     * @throws InputException when that run is already acknowledged (the file is never replaced) or the note is empty
     */
    public Acknowledgement acknowledge(String suite, int version, String note) {
        RunRef at = store.ref(suite, version);
        Path file = store.suiteDir(suite).resolve(DIR).resolve(at.id() + ".json");
        String display = store.display(suite, DIR + "/" + at.id() + ".json");
        AcknowledgementJson.Stored stored;
        try {
            stored = new AcknowledgementJson.Stored(at.id(), note.strip(), store.clock().instant());
        } catch (IllegalArgumentException e) {
            throw new InputException("--note", OptionalLong.empty(), e.getMessage(), e);
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new InputException(display, OptionalLong.empty(), "cannot be created: " + e.getMessage(), e);
        }
        if (!AtomicFiles.createNew(file, display, AcknowledgementJson.write(stored))) {
            Acknowledgement earlier = read(suite, file);
            throw new InputException(display, "v" + version + " is already acknowledged (" + earlier.acknowledged()
                    + "): acknowledgements are written once");
        }
        return new Acknowledgement(at, stored.note(), stored.acknowledged());
    }

    /** The suite's acknowledged steps, oldest run first; each names a run the history holds. */
    public List<Acknowledgement> list(String suite) {
        Path dir = store.suiteDir(suite).resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Acknowledgement> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                all.add(read(suite, f));
            }
        } catch (IOException e) {
            throw new InputException(store.display(suite, DIR), OptionalLong.empty(), "cannot be listed: " + e.getMessage(), e);
        }
        all.sort(Comparator.comparingInt(a -> a.at().version()));
        return List.copyOf(all);
    }

    private Acknowledgement read(String suite, Path file) {
        String display = store.display(suite, DIR + "/" + file.getFileName());
        AcknowledgementJson.Stored stored;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stored = AcknowledgementJson.read(display, reader);
        } catch (IOException e) {
            throw new InputException(display, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
        if (!(stored.run() + ".json").equals(file.getFileName().toString())) {
            throw new InputException(display, "names run " + stored.run() + " but is named after another: the file was renamed or edited");
        }
        OptionalInt version = store.versionOfRun(suite, stored.run());
        if (version.isEmpty()) {
            throw new InputException(display, "acknowledges run " + stored.run() + ", which is not in the suite's history");
        }
        return new Acknowledgement(store.ref(suite, version.getAsInt()), stored.note(), stored.acknowledged());
    }
}

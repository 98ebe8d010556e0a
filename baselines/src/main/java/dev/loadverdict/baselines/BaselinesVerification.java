package dev.loadverdict.baselines;

import dev.loadverdict.model.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code loadverdict baseline verify} checks in a baselines directory: every suite ({@link SuiteStore#verify()}:
 * schema, versions, checksums, pointers, debris of interrupted writes) and every single baseline file beside them
 * ({@code --to FILE} baselines and their {@code NAME.vN.json} copies).
 *
 * @param problems one line per problem, each naming its file
 * @param suites the suites found
 * @param suiteFiles the suites' files: their history files and pointers
 */
public record BaselinesVerification(List<String> problems, int suites, int suiteFiles) {

    public BaselinesVerification {
        problems = List.copyOf(problems);
    }

    /**
     * Verifies the directory.
     *
     * @param dir the baselines directory
     * @param display how messages name it
     */
    public static BaselinesVerification of(Path dir, String display, Clock clock) {
        SuiteStore store = new SuiteStore(dir, display, clock);
        List<String> problems = new ArrayList<>(store.verify());
        int files = 0;
        for (String suite : store.suites()) {
            files += store.size(suite) + 1;
        }
        problems.addAll(singleFiles(dir, display, clock));
        return new BaselinesVerification(problems, store.suites().size(), files);
    }

    /** Single baseline files ({@code --to FILE}) directly in the directory. */
    private static List<String> singleFiles(Path dir, String display, Clock clock) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            BaselineFiles files = new BaselineFiles(clock);
            for (Path file : children.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = display + "/" + file.getFileName();
                if (BaselineFiles.isVersionedCopy(file.getFileName().toString())) {
                    try {
                        files.read(file, name);
                    } catch (InputException e) {
                        problems.add(e.getMessage());
                    }
                } else {
                    problems.addAll(files.check(file, name));
                }
            }
        } catch (IOException e) {
            problems.add(display + ": cannot be listed: " + e.getMessage());
        }
        return problems;
    }
}

package dev.loadverdict.cli;

import dev.loadverdict.model.compare.BaselineRef;
import dev.loadverdict.model.compare.Comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shell commands an issue shows under "Reproduce locally": pasted into a clone of the repository, they compare the
 * same run with the same baseline under the same thresholds. Every argument is quoted for a POSIX shell when it needs
 * to be, so a value from a result file cannot become shell syntax.
 *
 * <p>How loadverdict itself is obtained: {@code $LOADVERDICT_JAR_URL} (the release jar the GitHub Action used) is
 * downloaded with curl and run with {@code java -jar}; otherwise {@code $LOADVERDICT_COMMAND}, else {@code loadverdict}
 * on the PATH.
 */
final class Reproduce {

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    private Reproduce() {
    }

    /**
     * @param runRef the run as recorded in the suite ({@code shop@v12}): then the commands need no result files
     */
    static String commands(Map<String, String> env, Comparison comparison, BaselinesDirOption baselines,
                           Optional<String> runRef) {
        List<String> lines = new ArrayList<>();
        lines.add(runRef.isPresent() ? "# in a clone of the repository" : "# from the repository root, with the run's result files");
        String jarUrl = env.getOrDefault("LOADVERDICT_JAR_URL", "");
        List<String> command = new ArrayList<>();
        if (!jarUrl.isBlank()) {
            lines.add("curl -fsSL --max-time 300 -o loadverdict.jar " + quote(jarUrl));
            command.addAll(List.of("java", "-jar", "loadverdict.jar"));
        } else {
            command.addAll(List.of(env.getOrDefault("LOADVERDICT_COMMAND", "loadverdict").trim().split("\\s+")));
        }
        command.add("compare");
        if (baselines != null && baselines.dataBranch != null) {
            command.addAll(List.of("--data-branch", baselines.dataBranch));
            if (!"origin".equals(baselines.remote)) {
                command.addAll(List.of("--remote", baselines.remote));
            }
        }
        if (baselines != null && !"baselines".equals(baselines.dir)) {
            command.addAll(List.of("--baselines-dir", baselines.dir));
        }
        comparison.configSource().ifPresent(config -> command.addAll(List.of("--config", config)));
        Optional<BaselineRef> baseline = comparison.baseline();
        if (baseline.isPresent()) {
            command.addAll(List.of("--baseline", baseline.get().location()));
        } else {
            command.addAll(List.of("--if-no-baseline", "pass", "--baseline", "none"));
        }
        if (runRef.isPresent()) {
            command.add(runRef.get());
        } else {
            command.addAll(comparison.current().sources());
        }
        lines.add(String.join(" ", command.stream().map(Reproduce::quote).toList()));
        return String.join("\n", lines);
    }

    /** A word for a POSIX shell: as it is when it is plain, else in single quotes. */
    static String quote(String word) {
        return BARE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}

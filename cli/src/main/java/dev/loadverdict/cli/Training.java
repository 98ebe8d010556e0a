package dev.loadverdict.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The training run of the launcher's class-data archive ({@code lv_cds_create} in bin/jvm.sh, also the action's): in
 * one JVM, the commands whose classes the archive should hold and, on JDK 25 (JEP 515), whose method profiles it
 * should carry, so that a fresh JVM starts with them:
 * <ul>
 *   <li>a compare of the repository's examples with all four reports (the README's command);</li>
 *   <li>the extraction of a raw JMeter JTL and of a raw k6 NDJSON file from {@code examples/}, so that a large raw
 *   file's reading starts with its classes loaded and linked, and on JDK 25 compiles its hot loop with a profile
 *   from the start. A compare alone reads no raw samples (the examples' Locust runs are statistics).</li>
 * </ul>
 * Not a user command: {@code java -cp loadverdict.jar dev.loadverdict.cli.Training EXAMPLES WORK}, with the archive's
 * option ({@code -XX:ArchiveClassesAtExit} or {@code -XX:AOTCacheOutput}). The class path is the jar alone, as with
 * {@code -jar}, so that the archive fits the commands run later.
 */
public final class Training {

    private Training() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -cp loadverdict.jar dev.loadverdict.cli.Training EXAMPLES WORK");
            System.exit(ExitCode.USAGE);
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath(), out, err));
    }

    /** The training's commands, writing into {@code work}. */
    static List<List<String>> commands(Path examples, Path work) {
        return List.of(
                List.of("compare", "--baseline", examples.resolve("baselines/shop.json").toString(),
                        examples.resolve("runs/locust-unchanged") + "/", "--report", "md,html,junit,json",
                        "--out-dir", work.resolve("reports").toString()),
                List.of("extract", examples.resolve("jmeter-aa/aa-01.jtl.gz").toString(),
                        "-o", work.resolve("jmeter.json").toString()),
                List.of("extract", examples.resolve("k6-slo/data.json.gz").toString(),
                        "-o", work.resolve("k6.json").toString()));
    }

    /**
     * Runs every command; the first exit code other than 0 (no regression) or 1 (a regression), else 0 (never 1, which is
     * what the launcher gets when this class is missing from the jar).
     *
     * <p>The commands see no environment variables and run in {@code work}: a user's {@code LOADVERDICT_*} settings or
     * {@code ./loadverdict.yml} could make them fail, and in a GitHub Actions job a compare would add its report to the
     * job's summary and outputs.
     */
    static int run(Path examples, Path work, PrintWriter out, PrintWriter err) {
        Main.Environment environment = new Main.Environment(Map.of(), work, Clock.systemUTC());
        for (List<String> command : commands(examples, work)) {
            int code = Main.run(command.toArray(String[]::new), out, err, environment);
            if (code != ExitCode.OK && code != ExitCode.REGRESSION) {
                err.println("loadverdict training: '" + String.join(" ", command) + "' exited " + code);
                return code;
            }
        }
        return ExitCode.OK;
    }
}

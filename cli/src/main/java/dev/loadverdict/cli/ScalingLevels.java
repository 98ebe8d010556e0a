package dev.loadverdict.cli;

import dev.loadverdict.comparator.scaling.LevelRun;
import dev.loadverdict.comparator.scaling.ScalingAnalyzer;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.scaling.LoadKind;
import dev.loadverdict.model.scaling.ScalingAnalysis;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the load levels of one side of {@code loadverdict scaling}: each named run a level; or, with {@code --stages},
 * one run's stages; or, with {@code --by-plateaus}, one run's user-count plateaus. A level given by {@code --levels}
 * wins over what the run records.
 */
final class ScalingLevels {

    private static final String HINT = "Give each run's level with --levels, e.g. --levels 5,10,20,50 (users) or"
            + " --levels 2/s,4/s,8/s (arrivals per second).";

    private final Main.Environment environment;
    private final LoadverdictConfig config;
    private final ReadOptions read;
    private final boolean byPlateaus;
    private final Duration minPlateau;
    private final PrintWriter err;

    ScalingLevels(Main.Environment environment, LoadverdictConfig config, ReadOptions read, boolean byPlateaus,
                  Duration minPlateau, PrintWriter err) {
        this.environment = environment;
        this.config = config;
        this.read = read;
        this.byPlateaus = byPlateaus;
        this.minPlateau = minPlateau;
        this.err = err;
    }

    /** The curves of the inputs; {@code option} names the levels option in messages. */
    ScalingAnalysis analyse(List<String> inputs, List<String> explicit, String option) {
        List<Sourced> sourced = byPlateaus ? plateaus(inputs) : read.stages != null ? stages(inputs) : runs(inputs);
        List<LevelRun> levelRuns = new ArrayList<>();
        if (explicit != null && explicit.size() != sourced.size()) {
            throw new UsageException(option + " gives " + explicit.size() + " levels for " + sourced.size()
                    + (read.stages != null ? " stages" : " runs"));
        }
        for (int i = 0; i < sourced.size(); i++) {
            Sourced s = sourced.get(i);
            if (explicit != null) {
                levelRuns.add(level(option, explicit.get(i), s));
            } else if (s.users > 0) {
                levelRuns.add(LevelRun.at(s.source, s.run, LoadKind.USERS, s.users));
            } else {
                levelRuns.add(LevelRun.of(s.source, s.run));
            }
        }
        try {
            return ScalingAnalyzer.analyze(levelRuns);
        } catch (InputException e) {
            throw explicit == null && !byPlateaus ? e.explained(HINT) : e;
        }
    }

    private record Sourced(String source, Run run, int users) {
    }

    private List<Sourced> runs(List<String> inputs) {
        List<Sourced> out = new ArrayList<>();
        for (String input : inputs) {
            out.add(new Sourced(input, RunLoader.load(environment, List.of(input), config, read, err), 0));
        }
        return out;
    }

    private List<Sourced> stages(List<String> inputs) {
        if (inputs.size() != 1) {
            throw new UsageException("--stages splits one run into levels, not " + inputs.size());
        }
        Run run = RunLoader.load(environment, inputs, config, read, err);
        List<Sourced> out = new ArrayList<>();
        for (Run stage : run.stages()) {
            out.add(new Sourced(inputs.get(0) + ", stage " + stage.metadata().stage().orElseThrow(), stage, 0));
        }
        return out;
    }

    private List<Sourced> plateaus(List<String> inputs) {
        if (inputs.size() != 1) {
            throw new UsageException("--by-plateaus reads the plateaus of one run, not of " + inputs.size());
        }
        if (read.stages != null || read.window != null || read.steadyUsers || read.windowUsers != null) {
            throw new UsageException("--by-plateaus cannot be combined with --stages, --window, --steady-users or "
                    + "--window-users; --skip-warmup and --skip-rampdown cut into each plateau");
        }
        String input = inputs.get(0);
        String resolved = environment.resolve(input).toString();
        List<Integer> levels = Extractor.standard().userPlateaus(List.of(resolved), minPlateau);
        if (levels.size() < ScalingAnalyzer.MIN_LEVELS) {
            throw new InputException(input, "holds " + levels.size() + " user-count plateau" + (levels.size() == 1 ? "" : "s")
                    + " of at least " + minPlateau.toSeconds() + " s" + (levels.isEmpty() ? "" : " (" + levels + " users)")
                    + "; a capacity curve needs at least " + ScalingAnalyzer.MIN_LEVELS + " (a shorter --min-plateau?)");
        }
        List<Sourced> out = new ArrayList<>();
        java.io.StringWriter warnings = new java.io.StringWriter();
        PrintWriter collected = new PrintWriter(warnings);
        for (int users : levels) {
            ReadOptions at = new ReadOptions();
            at.skipWarmup = read.skipWarmup;
            at.skipRampdown = read.skipRampdown;
            at.jmeterSubSamples = read.jmeterSubSamples;
            at.windowUsers = users;
            out.add(new Sourced(input + " at " + users + " users",
                    RunLoader.load(environment, List.of(input), config, at, collected), users));
        }
        // each plateau reads the same files: a warning about one of them is printed once
        collected.flush();
        warnings.toString().lines().distinct().forEach(err::println);
        return out;
    }

    private static LevelRun level(String option, String text, Sourced s) {
        String t = text.strip();
        boolean rate = t.endsWith("/s");
        String number = rate ? t.substring(0, t.length() - 2).strip() : t;
        double load;
        try {
            load = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes numbers of users (5,10,20) or arrivals per second (2/s,4/s), not '" + text + "'");
        }
        if (!(load > 0) || !Double.isFinite(load) || (!rate && load != Math.rint(load))) {
            throw new UsageException(option + " takes levels above 0 (users whole), not '" + text + "'");
        }
        return LevelRun.at(s.source, s.run, rate ? LoadKind.ARRIVAL_RATE : LoadKind.USERS, load);
    }
}

package dev.loadverdict.baselines;

import dev.loadverdict.model.Baseline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses the runs of a suite's history to compare with, by commit: the newest run recorded at or before a commit
 * (the commit itself, or its nearest first-parent ancestor that has a run), as Conbench and CodSpeed compare a pull
 * request with the runs of its fork point. Pure: the history and the ancestry are given.
 */
public final class BaselineChoice {

    /**
     * The runs chosen, oldest first, and why they were chosen.
     *
     * @param runs one run, or the N runs whose median is the baseline
     * @param reason why these, in words a report can show ("the newest run at or before the merge base 3f9c2ab")
     */
    public record Choice(List<Baseline> runs, String reason) {
        public Choice {
            runs = List.copyOf(runs);
            Objects.requireNonNull(reason, "reason == null");
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("a choice holds at least one run");
            }
        }
    }

    private BaselineChoice() {
    }

    /**
     * The newest {@code count} runs at or before a commit.
     *
     * @param history the suite's runs, oldest first
     * @param ancestors the commit and its first parents, newest first
     * @param commitTime when the commit was made: when no run is on its ancestry (a shallow history, or runs of other
     *                   branches only), the newest runs recorded before this time are taken instead, and the reason
     *                   says so
     * @param count how many runs: 1, or N for a median of N
     * @param what how to name the commit in the reason, e.g. "the merge base 3f9c2ab"
     * @return the choice, or empty when no run qualifies
     */
    public static Optional<Choice> atOrBefore(List<Baseline> history, List<String> ancestors,
                                              Optional<Instant> commitTime, int count, String what) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1 but was " + count);
        }
        Map<String, Integer> distance = new HashMap<>();
        for (int i = 0; i < ancestors.size(); i++) {
            distance.putIfAbsent(ancestors.get(i), i);
        }
        List<Baseline> onAncestry = new ArrayList<>();
        Map<Baseline, Integer> at = new java.util.IdentityHashMap<>();
        for (Baseline b : history) {
            b.provenance().gitSha().flatMap(sha -> position(sha, ancestors, distance)).ifPresent(d -> {
                onAncestry.add(b);
                at.put(b, d);
            });
        }
        if (!onAncestry.isEmpty()) {
            onAncestry.sort(Comparator.comparing((Baseline b) -> at.get(b)).thenComparing(Baseline::version, Comparator.reverseOrder()));
            List<Baseline> chosen = oldestFirst(onAncestry.subList(0, Math.min(count, onAncestry.size())));
            Baseline nearest = onAncestry.get(0);
            int commitsBack = at.get(nearest);
            String reason = (count == 1 ? "the newest run at or before " : "the median of the " + chosen.size()
                    + " newest runs at or before ") + what
                    + (commitsBack == 0 ? "" : count == 1 ? " (a run of " + shortSha(nearest) + ", " + commitsBack + " commit"
                    + (commitsBack == 1 ? "" : "s") + " earlier)" : "");
            return Optional.of(new Choice(chosen, reason));
        }
        if (commitTime.isEmpty()) {
            return Optional.empty();
        }
        List<Baseline> before = history.stream().filter(b -> !b.created().isAfter(commitTime.get()))
                .sorted(Comparator.comparing(Baseline::created).reversed()).toList();
        if (before.isEmpty()) {
            return Optional.empty();
        }
        List<Baseline> chosen = oldestFirst(before.subList(0, Math.min(count, before.size())));
        return Optional.of(new Choice(chosen, (count == 1 ? "the newest run" : "the median of the " + chosen.size()
                + " newest runs") + " recorded before " + what + " was committed (no recorded run is on its fetched history)"));
    }

    /** How far back a recorded commit (full or abbreviated hash) is on the ancestry, if it is there. */
    private static Optional<Integer> position(String sha, List<String> ancestors, Map<String, Integer> distance) {
        String lower = sha.toLowerCase(java.util.Locale.ROOT);
        Integer exact = distance.get(lower);
        if (exact != null) {
            return Optional.of(exact);
        }
        if (lower.length() < 7) {
            return Optional.empty();
        }
        for (int i = 0; i < ancestors.size(); i++) {
            if (ancestors.get(i).startsWith(lower)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static List<Baseline> oldestFirst(List<Baseline> runs) {
        return runs.stream().sorted(Comparator.comparing(Baseline::version)).toList();
    }

    private static String shortSha(Baseline b) {
        String sha = b.provenance().gitSha().orElse("");
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}

package dev.loadverdict.comparator;

import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Counts what a comparison matched ({@link Matching}), pair by pair, over all stages compared. */
final class MatchingTally {

    /** How many names of missing endpoints a warning lists. */
    static final int LISTED = 5;

    private Matching.Counts services = new Matching.Counts(0, 0, 0);
    private int matched;
    private int missing;
    private int added;
    private final List<String> byName = new ArrayList<>();
    private final List<String> missingNames = new ArrayList<>();

    /** Counts the services of one pair of runs (a stage, or the whole runs), leaving out ignored services. */
    void services(Run current, Run baseline, RuleResolver rules) {
        Set<String> aligned = new LinkedHashSet<>();
        for (Matched m : RunPairing.pair(current, baseline)) {
            m.byName().ifPresent(aligned::add);
        }
        int both = 0;
        int onlyBaseline = 0;
        int onlyCurrent = 0;
        for (ServiceStats c : current.services()) {
            if (rules.resolve(c.name(), Optional.empty()).ignored()) {
                continue;
            }
            if (baseline.service(c.name()).isPresent()) {
                both++;
            } else {
                onlyCurrent++;
            }
        }
        for (ServiceStats b : baseline.services()) {
            if (rules.resolve(b.name(), Optional.empty()).ignored() || current.service(b.name()).isPresent()) {
                continue;
            }
            if (aligned.contains(b.name())) {
                both++;
            } else {
                onlyBaseline++;
            }
        }
        services = services.plus(new Matching.Counts(both, onlyBaseline, onlyCurrent));
    }

    /** Counts one pair that was not ignored. */
    void pair(Optional<String> stage, Matched m) {
        if (!m.countsAsEndpoint()) {
            return;
        }
        if (m.bothSides()) {
            matched++;
            m.byName().ifPresent(b -> byName.add(b + " = " + m.service() + " " + m.endpoint().orElseThrow().key()));
        } else if (m.baseline().isPresent()) {
            missing++;
            if (missingNames.size() < LISTED) {
                missingNames.add(stage.map(s -> s + " / ").orElse("") + m.service() + " "
                        + m.endpoint().map(e -> e.key()).orElse(Finding.TOTAL_LABEL));
            }
        } else {
            added++;
        }
    }

    Matching matching() {
        return new Matching(services, new Matching.Counts(matched, missing, added), byName);
    }

    /** The first {@value #LISTED} missing endpoints, as {@code "service METHOD name"}. */
    List<String> missingNames() {
        return List.copyOf(missingNames);
    }
}

package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Matching;
import dev.loadverdict.model.config.MatchingSettings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A comparison that matched nothing or almost nothing, so it can give no verdict: no endpoint of the baseline was
 * found in the run, or fewer than {@link MatchingSettings#minMatchedPercent()} of them (a flat baseline service counts
 * as one endpoint). Such a comparison would pass on nothing but new and missing endpoints; it is bad input instead.
 *
 * @param identities one sentence naming both sides: the baseline's services (and endpoints) and the run's
 * @param suggestion one sentence on how to align them: {@code mapping} rules for {@code loadverdict.yml} when the
 *     run's endpoint names contain the baseline's service names, else promoting the run or writing such rules
 */
public record Unmatched(String identities, String suggestion) {

    /** How many names a sentence lists before it says how many more there are. */
    static final int LISTED = 5;

    /**
     * @param comparison a comparison with a record of what matched
     * @return what to tell the user, or empty when enough matched (or the comparison has no record of matching)
     */
    public static Optional<Unmatched> of(Comparison comparison, Run current, Run baseline, MatchingSettings settings) {
        if (comparison.matching().isEmpty()) {
            return Optional.empty();
        }
        Matching m = comparison.matching().get();
        boolean nothing = m.endpoints().matched() == 0;
        if (!nothing && !(m.matchedPercent() < settings.minMatchedPercent())) {
            return Optional.empty();
        }
        String how = nothing ? "nothing matched"
                : "almost nothing matched: " + m.endpoints().matched() + " of the baseline's " + m.baselineEndpoints()
                + " endpoints (" + Numbers.percent(m.matchedPercent()) + ") " + (m.endpoints().matched() == 1 ? "is" : "are")
                + " in this run, fewer than matching.minMatched " + Numbers.percent(settings.minMatchedPercent());
        String identities = how + ": the baseline has " + describe(baseline) + "; this run has " + describe(current);
        return Optional.of(new Unmatched(identities, suggestion(current, baseline)));
    }

    /** {@code services api_gateway, rag_service (no endpoints)} or {@code service default with endpoints GET /a, …}. */
    static String describe(Run run) {
        List<ServiceStats> services = run.services();
        if (services.isEmpty()) {
            return "no services";
        }
        List<String> names = services.stream().map(ServiceStats::name).toList();
        String head = (services.size() == 1 ? "service " : services.size() + " services ") + list(names);
        List<String> endpoints = services.stream().flatMap(s -> s.endpoints().stream()
                .map(e -> services.size() == 1 ? e.id().key() : s.name() + " " + e.id().key())).toList();
        return endpoints.isEmpty() ? head + " (totals only, no endpoints)"
                : head + " with " + (endpoints.size() == 1 ? "endpoint " : endpoints.size() + " endpoints ") + list(endpoints);
    }

    private static String suggestion(Run current, Run baseline) {
        Set<String> runServices = current.services().stream().map(ServiceStats::name).collect(Collectors.toSet());
        List<String> looksLike = new ArrayList<>();
        Set<String> endpoints = new LinkedHashSet<>();
        for (ServiceStats b : baseline.services()) {
            if (runServices.contains(b.name())) {
                continue;
            }
            List<String> named = current.services().stream().flatMap(s -> s.endpoints().stream())
                    .map(EndpointStats::id).filter(id -> hasSegment(id.name(), b.name())).map(id -> id.key()).toList();
            if (!named.isEmpty()) {
                looksLike.add(b.name());
                endpoints.addAll(named);
            }
        }
        if (looksLike.isEmpty()) {
            return "nothing in the run's names points to the baseline's: if the run is what you test now, make it the"
                    + " baseline (loadverdict baseline promote RUN --suite NAME, or --to FILE); if its requests belong to"
                    + " the baseline's services, map them with 'mapping' rules in loadverdict.yml (README: Services and"
                    + " endpoint names)";
        }
        String rules = looksLike.stream().map(s -> "{match: {name: \"(^|/)" + regexLiteral(s) + "(/|$)\"}, service: "
                + yamlScalar(s) + "}").collect(Collectors.joining(", "));
        return "the run's endpoints " + list(List.copyOf(endpoints)) + " look like the baseline's "
                + (looksLike.size() == 1 ? "service " : "services ") + list(looksLike)
                + ": map each to its service by the endpoint name in loadverdict.yml, mapping: [" + rules + "]";
    }

    /** Whether a path or name holds the service name as one of its {@code /}-separated segments (any case). */
    static boolean hasSegment(String name, String service) {
        for (String segment : name.split("/")) {
            if (segment.toLowerCase(Locale.ROOT).equals(service.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String regexLiteral(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) {
                b.append("\\\\"); // a backslash, itself escaped inside a YAML double-quoted string
            }
            b.append(c == '"' ? "\\\"" : String.valueOf(c));
        }
        return b.toString();
    }

    private static String yamlScalar(String text) {
        return text.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*") ? text : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String list(List<String> names) {
        return names.size() <= LISTED ? String.join(", ", names)
                : String.join(", ", names.subList(0, LISTED)) + " and " + (names.size() - LISTED) + " more";
    }
}

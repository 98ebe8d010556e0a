package dev.loadverdict.extractor.internal;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.config.MappingRule;
import dev.loadverdict.model.config.Naming;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assigns a request to a service and an endpoint: the first mapping rule whose conditions all hold
 * decides; otherwise the service is the request's {@code service} tag, or {@value #DEFAULT_SERVICE}, and
 * the endpoint is the request name — with id-like path segments templated and query strings dropped
 * when the name is a URL or path (see {@link Naming}).
 */
public final class EndpointResolver {

    public static final String DEFAULT_SERVICE = "default";
    static final String SERVICE_TAG = "service";

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern NUMBER = Pattern.compile("^[0-9]+$");
    private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]{16,}$");
    private static final int CACHE_LIMIT = 1 << 16;
    /** The characters all cached labels may hold together: a file of huge labels cannot fill memory. */
    private static final long CACHE_CHARS = 4L << 20;

    private final List<MappingRule> rules;
    private final Naming naming;
    private final Map<RequestLabels, Target> cache = new HashMap<>();
    private long cachedChars;

    public EndpointResolver(List<MappingRule> rules, Naming naming) {
        this.rules = List.copyOf(rules);
        this.naming = Objects.requireNonNull(naming, "naming == null");
    }

    /**
     * Where a request belongs.
     *
     * @param service the service name
     * @param id the endpoint
     */
    public record Target(String service, EndpointId id) {
    }

    /** A resolver with the same rules and a cache of its own, for another thread (this one's cache is not shared). */
    public EndpointResolver copy() {
        return new EndpointResolver(rules, naming);
    }

    public Naming naming() {
        return naming;
    }

    /**
     * The service and endpoint of a request, their names bounded (see {@link Names}); repeated labels are answered
     * from a bounded cache.
     */
    public Target resolve(RequestLabels labels) {
        Target cached = cache.get(labels);
        if (cached != null) {
            return cached;
        }
        Target computed = compute(labels);
        Target target = new Target(Names.bounded(computed.service(), ReadLimits.MAX_SERVICE_NAME),
                EndpointId.of(computed.id().method().map(m -> Names.bounded(m, ReadLimits.MAX_METHOD_NAME)).orElse(null), Names.bounded(computed.id().name(), ReadLimits.MAX_ENDPOINT_NAME)));
        int chars = labels.chars();
        if (cache.size() < CACHE_LIMIT && cachedChars + chars <= CACHE_CHARS) {
            cache.put(labels, target);
            cachedChars += chars;
        }
        return target;
    }

    private Target compute(RequestLabels labels) {
        for (MappingRule rule : rules) {
            Matcher naming = applies(rule, labels);
            if (naming != null) {
                String service = rule.service().orElseGet(() -> defaultService(labels));
                String name = rule.endpoint().map(t -> expand(t, naming)).orElseGet(() -> defaultName(labels.name()));
                return new Target(service, EndpointId.of(labels.method(), name));
            }
        }
        return new Target(defaultService(labels), EndpointId.of(labels.method(), defaultName(labels.name())));
    }

    /** The matcher of the rule's url (else name) condition when every condition holds, else null. */
    private static Matcher applies(MappingRule rule, RequestLabels labels) {
        Matcher naming = null;
        for (Map.Entry<MappingRule.Field, Pattern> condition : rule.match().entrySet()) {
            String value = switch (condition.getKey()) {
                case NAME -> labels.name();
                case URL -> labels.url() != null ? labels.url() : labels.name();
                case METHOD -> labels.method();
                case THREAD_GROUP -> labels.threadGroup();
                case GROUP -> labels.group();
            };
            if (value == null) {
                return null;
            }
            Matcher m = condition.getValue().matcher(value);
            if (!m.find()) {
                return null;
            }
            if (condition.getKey() == MappingRule.Field.URL
                    || (condition.getKey() == MappingRule.Field.NAME && naming == null)) {
                naming = m;
            }
        }
        for (Map.Entry<String, Pattern> tag : rule.tags().entrySet()) {
            String value = labels.tags().get(tag.getKey());
            if (value == null || !tag.getValue().matcher(value).find()) {
                return null;
            }
        }
        return naming != null ? naming : Pattern.compile("").matcher("");
    }

    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$(?:([0-9])|\\{([A-Za-z][A-Za-z0-9]*)})");

    /** The template with {@code $n} and {@code ${name}} replaced by the match's groups; anything else is literal. */
    static String expand(String template, Matcher m) {
        Matcher ref = GROUP_REFERENCE.matcher(template);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (ref.find()) {
            out.append(template, last, ref.start());
            String value;
            try {
                value = ref.group(1) != null ? m.group(Integer.parseInt(ref.group(1))) : m.group(ref.group(2));
            } catch (IllegalArgumentException | IndexOutOfBoundsException | IllegalStateException e) {
                value = ref.group(); // no such group: keep the text as written
            }
            out.append(value == null ? "" : value);
            last = ref.end();
        }
        return out.append(template, last, template.length()).toString();
    }

    private static String defaultService(RequestLabels labels) {
        String tag = labels.tags().get(SERVICE_TAG);
        return tag == null || tag.isBlank() ? DEFAULT_SERVICE : tag;
    }

    /** The request name, templated when it is a URL or an absolute path. */
    String defaultName(String name) {
        boolean isPath = name.startsWith("/") || name.startsWith("http://") || name.startsWith("https://");
        if (!isPath) {
            return name;
        }
        String path = name;
        int query = path.indexOf('?');
        String rest = "";
        if (query >= 0) {
            rest = naming.dropQueryStrings() ? "" : path.substring(query);
            path = path.substring(0, query);
        }
        if (naming.templateIds()) {
            path = templateSegments(path);
        }
        return path + rest;
    }

    private static String templateSegments(String path) {
        String[] segments = path.split("/", -1);
        boolean changed = false;
        int first = path.startsWith("http") ? 3 : 1; // keep scheme and host
        for (int i = first; i < segments.length; i++) {
            String s = segments[i];
            String t = NUMBER.matcher(s).matches() ? "{id}"
                    : UUID.matcher(s).matches() ? "{uuid}"
                    : HEX.matcher(s).matches() ? "{hash}" : s;
            if (!t.equals(s)) {
                segments[i] = t;
                changed = true;
            }
        }
        return changed ? String.join("/", segments) : path;
    }
}

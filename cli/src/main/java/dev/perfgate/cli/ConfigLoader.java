package dev.perfgate.cli;

import dev.perfgate.codec.ConfigParser;
import dev.perfgate.model.InputException;
import dev.perfgate.model.config.MappingRule;
import dev.perfgate.model.config.Naming;
import dev.perfgate.model.config.PerfgateConfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;

/** Finds and reads perfgate.yml: {@code --config FILE}, else {@code ./perfgate.yml} when present, else built-in defaults. */
final class ConfigLoader {

    static final String DEFAULT_NAME = "perfgate.yml";

    private ConfigLoader() {
    }

    static PerfgateConfig load(Main.Environment environment, String explicit) {
        if (explicit != null) {
            return parse(environment.resolve(explicit), explicit);
        }
        Path implicit = environment.resolve(DEFAULT_NAME);
        return Files.isRegularFile(implicit) ? parse(implicit, DEFAULT_NAME) : ConfigParser.empty();
    }

    private static PerfgateConfig parse(Path path, String display) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return ConfigParser.parse(display, reader);
        } catch (NoSuchFileException e) {
            throw new InputException(display, "no such config file");
        } catch (MalformedInputException e) {
            throw new InputException(display, OptionalLong.empty(), "is not UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(display, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
    }

    /** A short hash of the mapping rules, so runs extracted with different mappings can be told apart. */
    static Optional<String> mappingHash(PerfgateConfig config) {
        if (config.mapping().isEmpty() && config.naming().equals(Naming.defaults())) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(config.naming().toString()).append('\n');
        for (MappingRule rule : config.mapping()) {
            canonical.append(rule.canonical()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Optional.of("sha256:" + HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

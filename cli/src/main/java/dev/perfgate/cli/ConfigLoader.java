package dev.perfgate.cli;

import dev.perfgate.codec.ConfigParser;
import dev.perfgate.model.InputException;
import dev.perfgate.model.config.PerfgateConfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
        } catch (IOException e) {
            throw new InputException(display, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
    }
}

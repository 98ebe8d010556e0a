package dev.loadverdict.cli;

import dev.loadverdict.codec.ConfigParser;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.config.LoadverdictConfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Finds and reads loadverdict.yml: {@code --config FILE}, else {@code ./loadverdict.yml} when present, else built-in defaults. */
final class ConfigLoader {

    static final String DEFAULT_NAME = "loadverdict.yml";

    private ConfigLoader() {
    }

    static LoadverdictConfig load(Main.Environment environment, String explicit) {
        if (explicit != null) {
            return parse(environment.resolve(explicit), explicit);
        }
        Path implicit = environment.resolve(DEFAULT_NAME);
        return Files.isRegularFile(implicit) ? parse(implicit, DEFAULT_NAME) : ConfigParser.empty();
    }

    private static LoadverdictConfig parse(Path path, String display) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return ConfigParser.parse(display, reader);
        } catch (NoSuchFileException e) {
            throw new InputException(display, "no such config file");
        } catch (IOException e) {
            throw new InputException(display, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
    }
}

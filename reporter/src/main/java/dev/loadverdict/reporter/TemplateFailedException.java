package dev.loadverdict.reporter;

import java.util.Optional;

/**
 * A report template failed or was refused. With {@code --template-dir} that is the user's input at fault (the CLI
 * reports it naming the template, exit 3); with the built-in templates it is a bug in loadverdict.
 */
public final class TemplateFailedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String location;

    TemplateFailedException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /** @param location the template file (and line) at fault, when known; the message then does not repeat it */
    TemplateFailedException(String location, String message, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    /** The template file (and line) at fault, when the failure names one of the user's files. */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }
}

package dev.loadverdict.cli;

/** A command line that parses but makes no sense (exit 2). */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}

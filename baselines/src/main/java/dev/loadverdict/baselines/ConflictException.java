package dev.loadverdict.baselines;

/**
 * Another process is changing the same suite: nothing the user gave is wrong, and nothing was lost (the message says
 * where the run is); trying again later succeeds. The command line exits with its own code for it, so a CI script can
 * tell it from bad input and retry.
 */
public final class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}

package dev.loadverdict.baselines;

/**
 * The data branch could not be read or written: git is missing, the remote cannot be reached, or a push kept
 * losing races with other jobs. Not bad input (nothing the user gave is wrong) but a failure of the environment,
 * like a GitHub failure; the message is one line and never holds a credential.
 */
public final class DataBranchException extends RuntimeException {

    public DataBranchException(String message) {
        super(message);
    }

    public DataBranchException(String message, Throwable cause) {
        super(message, cause);
    }
}

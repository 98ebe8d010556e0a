package dev.loadverdict.baselines;

import dev.loadverdict.model.InputException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Writes files whole or not at all: the content goes to a temporary file in the target's directory, is
 * forced to disk, optionally verified, and then renamed over the target (or linked to a new name that must
 * not exist yet). A reader never sees a half-written file. Problems with the path the user gave are
 * {@link InputException}s naming that path.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target}, replacing it if it exists. */
    public static void write(Path target, String displayPath, String content) {
        write(target, displayPath, content, temp -> { });
    }

    /**
     * Writes {@code content} to {@code target}, replacing it if it exists, after {@code verify} accepted the
     * written temporary file (it throws to refuse).
     */
    public static void write(Path target, String displayPath, String content, Consumer<Path> verify) {
        Path absolute = prepare(target, displayPath);
        if (Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isDirectory(absolute)) {
            writeThrough(absolute, displayPath, content);
            return;
        }
        try {
            Path temp = temp(absolute, content, displayPath);
            try {
                verify.accept(temp);
                try {
                    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw failure(displayPath, e);
        }
    }

    /**
     * Writes into a target that is not a file but a device or a pipe ({@code -o /dev/null}, {@code -o /dev/stdout}, a
     * FIFO): renaming a temporary file over it would replace it — {@code /dev/null} itself, for a root user — so the
     * content is written into it as into a stream.
     */
    private static void writeThrough(Path target, String displayPath, String content) {
        try {
            Files.writeString(target, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw failure(displayPath, e);
        }
    }

    /**
     * Writes {@code content} to {@code target} only if no file of that name exists: of two concurrent
     * writers exactly one succeeds.
     *
     * @return false when the file already existed (nothing was written)
     */
    public static boolean createNew(Path target, String displayPath, String content) {
        Path absolute = prepare(target, displayPath);
        try {
            Path temp = temp(absolute, content, displayPath);
            try {
                Files.createLink(absolute, temp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException e) {
                // no hard links on this file system: fall back to an exclusive create
                try {
                    Files.writeString(absolute, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    return true;
                } catch (FileAlreadyExistsException exists) {
                    return false;
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw failure(displayPath, e);
        }
    }

    private static Path prepare(Path target, String displayPath) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new InputException(displayPath, "is a directory; give a file name");
        }
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw failure(displayPath, e);
        }
        return absolute;
    }

    private static Path temp(Path absolute, String content, String displayPath) throws IOException {
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        // createTempFile makes the file private (0600); the result is an ordinary file others may read
        try {
            Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(StandardCharsets.UTF_8.encode(content));
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private static InputException failure(String displayPath, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "its directory does not exist"
                : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage();
        return new InputException(displayPath, OptionalLong.empty(), "cannot be written: " + reason, e);
    }
}

package io.qunbao.common.storage;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a run checks before any work: that it can list the inbox and write the warehouse, the reports
 * and the work-dir. A permission or path problem is the operator's to fix, so it is a usage error
 * (exit 2) naming the setting, the path and the operating system's own words; rerunning would fail the
 * same way. A store that does not answer is exit 1: rerun when it is back.
 */
public final class StorageChecks {
  /** What Linux says for ENOSPC, in the message of every layer that passes the error up. */
  private static final String NO_SPACE = "No space left on device";

  private final Storage storage;

  public StorageChecks(Storage storage) {
    this.storage = storage;
  }

  /** Checks that the folder {@code location} (the config key {@code key}) exists and can be listed. */
  public void checkReadable(String key, String location) {
    Path folder = Storage.resolve(location);
    if (isLocal(folder)) {
      java.nio.file.Path local = Paths.get(folder.toUri());
      if (!Files.exists(local)) {
        throw new QunbaoException(ExitCode.USAGE, key + " " + local + " does not exist: set '" + key
            + "' in the --config file" + ("inbox".equals(key) ? " or run 'qunbao generate' for sample data" : ""));
      }
      try (var entries = Files.newDirectoryStream(local)) {
        // opening the folder for listing is the check
      } catch (IOException e) {
        throw pathProblem(key, local + " cannot be read", e);
      }
      return;
    }
    try {
      if (!storage.fileSystem(folder).exists(folder)) {
        throw new QunbaoException(ExitCode.USAGE, key + " " + folder + " does not exist: set '" + key + "' in the --config file");
      }
      storage.fileSystem(folder).listStatus(folder);
    } catch (AccessDeniedException e) {
      throw pathProblem(key, folder + " cannot be read", e);
    } catch (IOException e) {
      throw unreachable(folder, e);
    }
  }

  /** Checks that a file can be created (and removed) in the folder {@code location}, creating the folder. */
  public void checkWritable(String key, String location) {
    Path folder = Storage.resolve(location);
    if (isLocal(folder)) {
      java.nio.file.Path local = Paths.get(folder.toUri());
      try {
        Files.createDirectories(local);
        Files.delete(Files.createTempFile(local, ".qunbao-write-check-", ""));
      } catch (IOException e) {
        throw pathProblem(key, local + " cannot be written", e);
      }
      return;
    }
    Path probe = new Path(folder, "_qunbao-write-check-" + UUID.randomUUID());
    try {
      FileSystem fs = storage.fileSystem(probe);
      fs.create(probe, true).close();
      fs.delete(probe, false);
    } catch (AccessDeniedException e) {
      throw pathProblem(key, folder + " cannot be written", e);
    } catch (IOException e) {
      throw unreachable(folder, e);
    }
  }

  /**
   * A full disk, found anywhere in {@code failure}'s causes (Hadoop's local file system wraps it in an
   * Error, Spark in its task failure): one line naming the folder being written, for a run that cannot
   * go on until space is freed.
   */
  public static Optional<QunbaoException> diskFull(Throwable failure, Path writing) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t instanceof FileSystemException fse ? fse.getReason() : t.getMessage();
      if (message != null && message.contains(NO_SPACE)) {
        return Optional.of(new QunbaoException(ExitCode.FAILED, "disk full: no space left on device writing "
            + (isLocal(writing) ? Paths.get(writing.toUri()).toString() : writing.toString())
            + "; free space there and rerun the same command", failure));
      }
    }
    return Optional.empty();
  }

  private static boolean isLocal(Path folder) {
    return "file".equals(folder.toUri().getScheme());
  }

  private static QunbaoException pathProblem(String key, String what, IOException e) {
    return new QunbaoException(ExitCode.USAGE, key + " " + what + ": " + osMessage(e), e);
  }

  private static QunbaoException unreachable(Path folder, IOException e) {
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return new QunbaoException(ExitCode.FAILED, "cannot reach " + folder + " (" + message + "); rerun when the store answers", e);
  }

  /** The operating system's words for the error (Java leaves them out of its most common exceptions). */
  static String osMessage(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "Not a directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "File exists";
    }
    return String.valueOf(e.getMessage());
  }
}

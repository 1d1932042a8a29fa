package io.qunbao.app.batch;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time per work-dir: an OS lock on {@code <work-dir>/qunbao.lock}, which the OS
 * releases when the process dies, even by kill -9. Holding it therefore also proves that an
 * execution the job repository still calls STARTED belongs to a dead process.
 */
public final class RunLock implements AutoCloseable {
  public static final String FILE = "qunbao.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static RunLock acquire(Path workDir) {
    Path file = workDir.resolve(FILE);
    try {
      Files.createDirectories(workDir);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = Files.readString(file).strip();
        channel.close();
        throw new QunbaoException(ExitCode.LOCKED, "another qunbao run (pid " + (holder.isEmpty() ? "?" : holder)
            + ") holds " + file + "; wait for it to finish");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
      return new RunLock(channel, lock);
    } catch (IOException e) {
      throw new QunbaoException(ExitCode.USAGE, "cannot lock " + file + " (" + e + "): check work-dir", e);
    }
  }

  @Override
  public void close() {
    try (channel) {
      lock.release();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.qunbao.common.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishes a partition whole or not at all. Writers fill a fresh staging folder; {@link #publish}
 * writes the {@code _SUCCESS} marker into it and swaps it in for the target. Readers (and the next
 * steps) trust a partition only when its {@code _SUCCESS} is there.
 *
 * <p>On a file system with atomic directory rename (local disk, HDFS) the swap is: old partition
 * renamed aside, staged folder renamed into place, old one deleted. A reader sees the old partition,
 * briefly none, or the new one; never a mix. A crash between the two renames leaves the partition
 * absent (never half-written) and the rerun publishes it again.
 */
public final class PartitionPublisher {
  public static final String SUCCESS = "_SUCCESS";

  private final Storage storage;
  private final Path stagingRoot;

  public PartitionPublisher(Storage storage, Warehouse warehouse) {
    this.storage = storage;
    this.stagingRoot = warehouse.staging();
  }

  /** A new, empty staging folder for {@code target}; nothing reads it until {@link #publish}. */
  public Path stage(Path target) {
    Path staged = new Path(stagingRoot, UUID.randomUUID() + "/" + target.getName());
    try {
      FileSystem fs = storage.fileSystem(staged);
      fs.mkdirs(staged);
      return staged;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create staging folder " + staged, e);
    }
  }

  /** Marks {@code staged} complete and swaps it in for {@code target}. */
  public void publish(Path staged, Path target) {
    FileSystem fs = storage.fileSystem(target);
    try {
      fs.create(new Path(staged, SUCCESS), true).close();
      fs.mkdirs(target.getParent());
      Path aside = null;
      if (fs.exists(target)) {
        aside = new Path(stagingRoot, UUID.randomUUID() + "-replaced/" + target.getName());
        fs.mkdirs(aside.getParent());
        rename(fs, target, aside);
      }
      rename(fs, staged, target);
      fs.delete(staged.getParent(), true);
      if (aside != null) {
        fs.delete(aside.getParent(), true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("publishing " + target + " failed; the partition is as it was or absent, rerun to publish it", e);
    }
  }

  /** Drops a staging folder that will not be published (a failed gate, an aborted step). */
  public void discard(Path staged) {
    try {
      storage.fileSystem(staged).delete(staged.getParent(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete staging folder " + staged, e);
    }
  }

  public boolean isPublished(Path partition) {
    try {
      return storage.fileSystem(partition).exists(new Path(partition, SUCCESS));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + partition, e);
    }
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("rename " + from + " -> " + to + " refused");
    }
  }
}

package io.qunbao.common.storage;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Publishes a partition whole or not at all. Writers fill a fresh staging folder; {@link #publish}
 * makes it the partition and writes the {@code _SUCCESS} manifest ({@link PublishManifest}, the list
 * of its data files). Readers (and the next steps) trust a partition only when its {@code _SUCCESS}
 * is there, and only the files it lists ({@link #published}).
 *
 * <p>On a file system with atomic directory rename (local disk, HDFS) the swap is: old partition
 * renamed aside, staged folder renamed into place, old one deleted. A reader sees the old partition,
 * briefly none, or the new one; never a mix. A crash between the two renames leaves the partition
 * absent (never half-written) and the rerun publishes it again.
 *
 * <p>On an object store ({@code s3a://}) a rename is a copy per file and can fail halfway, so the
 * swap is by manifest instead: the staged files are moved into the partition under new names (the
 * publish id as prefix, so they never overwrite the old version's), then the new {@code _SUCCESS} is
 * written as one PUT, which S3 makes visible atomically; only then are the files the new manifest
 * does not list deleted. A failure before that PUT leaves the old manifest, whose files are all still
 * there; a failure after it leaves the new one complete plus leftovers no manifest lists, which the
 * next publish of the partition deletes.
 */
public final class PartitionPublisher {
  public static final String SUCCESS = "_SUCCESS";
  /** File systems where a directory rename is not atomic and publishing goes by manifest. */
  private static final Set<String> OBJECT_STORES = Set.of("s3a");

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
      throw storeFailure("cannot create the staging folder " + staged, e);
    }
  }

  /** Makes the files staged in {@code staged} the partition {@code target}, whole or not at all. */
  public void publish(Path staged, Path target) {
    FileSystem fs = storage.fileSystem(target);
    boolean objectStore = isObjectStore(target);
    try {
      if (objectStore) {
        publishByManifest(fs, staged, target);
      } else {
        publishBySwap(fs, staged, target);
      }
    } catch (IOException e) {
      throw storeFailure("publishing " + target + " failed; the partition is "
          + (objectStore ? "as it was" : "as it was or absent") + ", rerun to publish it", e);
    }
  }

  private void publishBySwap(FileSystem fs, Path staged, Path target) throws IOException {
    String version = UUID.randomUUID().toString();
    writeManifest(fs, staged, new PublishManifest(version, dataFiles(fs, staged)));
    fs.mkdirs(target.getParent());
    Path aside = null;
    if (fs.exists(target)) {
      aside = new Path(stagingRoot, version + "-replaced/" + target.getName());
      fs.mkdirs(aside.getParent());
      rename(fs, target, aside);
    }
    rename(fs, staged, target);
    fs.delete(staged.getParent(), true);
    if (aside != null) {
      fs.delete(aside.getParent(), true);
    }
  }

  private void publishByManifest(FileSystem fs, Path staged, Path target) throws IOException {
    String version = UUID.randomUUID().toString();
    String prefix = version.substring(0, 8) + "-";
    // listed first: on an object store a folder whose files have all moved away is gone
    List<Path> notes = notes(fs, staged);
    List<String> published = new ArrayList<>();
    for (String file : dataFiles(fs, staged)) {
      Path source = new Path(staged, file);
      String name = (source.getParent().equals(staged) ? "" : file.substring(0, file.lastIndexOf('/') + 1))
          + prefix + source.getName();
      rename(fs, source, new Path(target, name));
      published.add(name);
    }
    writeManifest(fs, target, new PublishManifest(version, published));
    // what the writer noted about the partition (an ingest's _INGEST.json), replaced after the manifest:
    // a crash in between leaves the old note beside the new version, which no reader takes for data
    for (Path note : notes) {
      fs.delete(new Path(target, note.getName()), false);
      rename(fs, note, new Path(target, note.getName()));
    }
    Set<String> listed = new HashSet<>(published);
    for (String file : dataFiles(fs, target)) {
      if (!listed.contains(file)) {
        fs.delete(new Path(target, file), false);
      }
    }
    fs.delete(staged.getParent(), true);
  }

  /** The writer's notes in a staged folder: its hidden files, but a {@code _SUCCESS} a committer wrote. */
  private static List<Path> notes(FileSystem fs, Path staged) throws IOException {
    List<Path> notes = new ArrayList<>();
    FileStatus[] entries;
    try {
      entries = fs.listStatus(staged);
    } catch (FileNotFoundException nothingStaged) {
      // on an object store, an empty folder is no object at all
      return notes;
    }
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      if (entry.isFile() && isHidden(name) && !name.equals(SUCCESS)) {
        notes.add(entry.getPath());
      }
    }
    return notes;
  }

  /** Whether {@code path} is on an object store, where a rename is a copy per file ({@code s3a://}). */
  public boolean isObjectStore(Path path) {
    return OBJECT_STORES.contains(storage.fileSystem(path).getScheme());
  }

  /** Drops a staging folder that will not be published (a failed gate, an aborted step). */
  public void discard(Path staged) {
    try {
      storage.fileSystem(staged).delete(staged.getParent(), true);
    } catch (IOException e) {
      throw storeFailure("cannot delete the staging folder " + staged, e);
    }
  }

  public boolean isPublished(Path partition) {
    try {
      return storage.fileSystem(partition).exists(new Path(partition, SUCCESS));
    } catch (IOException e) {
      throw storeFailure("cannot read " + partition, e);
    }
  }

  /**
   * A published partition as readers see it, from one read of its {@code _SUCCESS}.
   *
   * @param version what identifies this publish: the manifest's publish id, or, for a {@code _SUCCESS}
   *                without a list (a plain Spark job's), its data files' names, sizes and times; a
   *                republished partition gets a new version even when its rows are the same
   * @param files   its data files: those the manifest lists, or the folder's visible files
   */
  public record Published(String version, List<Path> files) {}

  public Published published(Path partition) {
    return publishedIfAny(partition).orElseThrow(() -> new QunbaoException(ExitCode.FAILED,
        partition + " is not published (no " + SUCCESS + "); run the step that writes it"));
  }

  /** The partition as readers see it ({@link #published}), or empty when it has no {@code _SUCCESS}. */
  public Optional<Published> publishedIfAny(Path partition) {
    FileSystem fs = storage.fileSystem(partition);
    try {
      PublishManifest manifest;
      try (InputStream in = fs.open(new Path(partition, SUCCESS))) {
        manifest = PublishManifest.readFrom(in);
      } catch (FileNotFoundException notPublished) {
        return Optional.empty();
      }
      List<String> names = manifest != null ? manifest.files() : dataFiles(fs, partition);
      List<Path> files = names.stream().map(f -> new Path(partition, f)).toList();
      if (manifest != null && manifest.version() != null) {
        return Optional.of(new Published(manifest.version(), files));
      }
      StringBuilder listing = new StringBuilder();
      for (Path file : files) {
        FileStatus status = fs.getFileStatus(file);
        listing.append(file.getName()).append(' ').append(status.getLen()).append(' ')
            .append(status.getModificationTime()).append('\n');
      }
      return Optional.of(new Published("files-" + UUID.nameUUIDFromBytes(listing.toString().getBytes(StandardCharsets.UTF_8)), files));
    } catch (IOException e) {
      throw storeFailure("cannot read the manifest of " + partition, e);
    }
  }

  /**
   * Files under {@code folder}, relative to it, sorted; hidden ones ({@code _x}, {@code .x}) left out.
   * A folder that does not exist has none: on an object store an empty folder (a day without rows)
   * is no object at all once its marker is gone.
   */
  private static List<String> dataFiles(FileSystem fs, Path folder) throws IOException {
    String root = fs.makeQualified(folder).toUri().getPath();
    List<String> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> listing;
    try {
      listing = fs.listFiles(folder, true);
    } catch (FileNotFoundException noFolder) {
      return files;
    }
    while (listing.hasNext()) {
      String relative = listing.next().getPath().toUri().getPath().substring(root.length() + 1);
      if (!isHidden(relative)) {
        files.add(relative);
      }
    }
    files.sort(null);
    return files;
  }

  /** Spark's and Hadoop's convention: a path segment starting with _ or . is not data. */
  private static boolean isHidden(String relative) {
    for (String segment : relative.split("/")) {
      if (segment.startsWith("_") || segment.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static void writeManifest(FileSystem fs, Path folder, PublishManifest manifest) throws IOException {
    // One create/close is one PUT on s3a: the manifest appears whole or not at all.
    try (OutputStream out = fs.create(new Path(folder, SUCCESS), true)) {
      manifest.writeTo(out);
    }
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("rename " + from + " -> " + to + " refused");
    }
  }

  /** An unreachable or failing store: one line saying what failed and why, no stack trace needed. */
  private static QunbaoException storeFailure(String what, IOException cause) {
    return new QunbaoException(ExitCode.FAILED, what + " (" + firstLine(cause) + ")", cause);
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

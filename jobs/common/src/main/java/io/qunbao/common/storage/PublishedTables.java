package io.qunbao.common.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The one way every reader of the warehouse (the metrics' inputs, the report, {@code qunbao sql}) finds
 * the files of a table: through the {@code _SUCCESS} manifests, never by listing a folder's data files.
 * A folder can hold files no manifest lists: on an object store, a publish that failed halfway leaves
 * its new files beside the old version until the next publish of the partition deletes them
 * (README, "Publishing a partition").
 */
public final class PublishedTables {
  private final Storage storage;
  private final PartitionPublisher publisher;

  public PublishedTables(Storage storage, PartitionPublisher publisher) {
    this.storage = storage;
    this.publisher = publisher;
  }

  /**
   * Every {@code <column>=YYYY-MM-DD} folder of {@code table} by day, published or not (none when the
   * table does not exist); a reader checks the days it reads with {@link #files}.
   */
  public static SortedMap<LocalDate, Path> folders(Storage storage, Path table, String column) {
    SortedMap<LocalDate, Path> folders = new TreeMap<>();
    for (FileStatus child : children(storage, table)) {
      String name = child.getPath().getName();
      if (child.isDirectory() && name.startsWith(column + "=")) {
        try {
          folders.put(LocalDate.parse(name.substring(column.length() + 1)), child.getPath());
        } catch (DateTimeParseException notADay) {
          // another folder of the table, not a partition
        }
      }
    }
    return folders;
  }

  /** The published {@code <column>=YYYY-MM-DD} partitions of {@code table}, by day. */
  public SortedMap<LocalDate, Path> partitions(Path table, String column) {
    SortedMap<LocalDate, Path> published = new TreeMap<>();
    folders(storage, table, column).forEach((day, folder) -> {
      if (publisher.isPublished(folder)) {
        published.put(day, folder);
      }
    });
    return published;
  }

  /** The data files the partition's manifest lists; none when it is not published. */
  public List<Path> files(Path partition) {
    return publisher.publishedIfAny(partition).map(PartitionPublisher.Published::files).orElse(List.of());
  }

  /**
   * The data files of a whole table: the files its manifest lists when it is published whole (a curated
   * table), else those of each of its published {@code key=value} partitions.
   */
  public List<Path> tableFiles(Path table) {
    if (publisher.isPublished(table)) {
      return files(table);
    }
    List<Path> files = new ArrayList<>();
    for (FileStatus child : children(storage, table)) {
      String name = child.getPath().getName();
      if (child.isDirectory() && name.contains("=") && !name.startsWith("_") && !name.startsWith(".")) {
        files.addAll(files(child.getPath()));
      }
    }
    return files;
  }

  private static List<FileStatus> children(Storage storage, Path folder) {
    FileSystem fs = storage.fileSystem(folder);
    try {
      if (!fs.exists(folder)) {
        return List.of();
      }
      List<FileStatus> children = new ArrayList<>(List.of(fs.listStatus(folder)));
      children.sort(null);
      return children;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }
}

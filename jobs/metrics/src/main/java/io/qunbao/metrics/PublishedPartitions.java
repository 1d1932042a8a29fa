package io.qunbao.metrics;

import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The complete date partitions ({@code <column>=YYYY-MM-DD} folders holding {@code _SUCCESS}) of a
 * table folder: what a reader may trust, landed exports and published metrics alike.
 */
final class PublishedPartitions {
  private PublishedPartitions() {}

  static Set<LocalDate> dates(Storage storage, PartitionPublisher publisher, Path table, String column) {
    Set<LocalDate> dates = new TreeSet<>();
    folders(storage, table, column).forEach((date, folder) -> {
      if (publisher.isPublished(folder)) {
        dates.add(date);
      }
    });
    return dates;
  }

  /** Every {@code <column>=YYYY-MM-DD} folder of {@code table}, complete or not (none when it does not exist). */
  static SortedMap<LocalDate, Path> folders(Storage storage, Path table, String column) {
    FileSystem fs = storage.fileSystem(table);
    SortedMap<LocalDate, Path> folders = new TreeMap<>();
    try {
      if (!fs.exists(table)) {
        return folders;
      }
      for (FileStatus dir : fs.listStatus(table)) {
        LocalDate date = dateOf(dir, column);
        if (date != null) {
          folders.put(date, dir.getPath());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + table, e);
    }
    return folders;
  }

  private static LocalDate dateOf(FileStatus dir, String column) {
    String name = dir.getPath().getName();
    if (!dir.isDirectory() || !name.startsWith(column + "=")) {
      return null;
    }
    try {
      return LocalDate.parse(name.substring(column.length() + 1));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

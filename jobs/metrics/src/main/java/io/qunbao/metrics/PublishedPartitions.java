package io.qunbao.metrics;

import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.PublishedTables;
import io.qunbao.common.storage.Storage;
import java.time.LocalDate;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;

/**
 * The complete date partitions ({@code <column>=YYYY-MM-DD} folders holding {@code _SUCCESS}) of a
 * table folder: what a reader may trust, landed exports and published metrics alike.
 */
final class PublishedPartitions {
  private PublishedPartitions() {}

  static Set<LocalDate> dates(Storage storage, PartitionPublisher publisher, Path table, String column) {
    return new TreeSet<>(new PublishedTables(storage, publisher).partitions(table, column).keySet());
  }

  /** Every {@code <column>=YYYY-MM-DD} folder of {@code table}, complete or not (none when it does not exist). */
  static SortedMap<LocalDate, Path> folders(Storage storage, Path table, String column) {
    return PublishedTables.folders(storage, table, column);
  }
}

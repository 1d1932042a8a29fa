package io.qunbao.generator;

import io.qunbao.common.Source;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The ground truth of injected bad rows, {@code <inbox>/_generator/expected_rejects.csv}: one line per
 * bad record (source, export date, file relative to the inbox, physical line where the record starts,
 * reason class). Entries come from two threads (chat is written in the background); they are kept for
 * a day and written in a fixed order (source, file, line) so that the file is reproducible.
 */
final class RejectLedger implements Closeable {
  static final String FILE = "_generator/expected_rejects.csv";

  private record Entry(Source source, LocalDate exportDate, String file, long line, RejectClass reason) {}

  private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::source)
      .thenComparing(Entry::exportDate).thenComparing(Entry::file).thenComparingLong(Entry::line);

  private final CSVPrinter printer;
  private final List<Entry> unwritten = new ArrayList<>();
  private final Map<RejectClass, Long> byReason = new EnumMap<>(RejectClass.class);
  private long entries;

  RejectLedger(Path inbox) throws IOException {
    Path file = inbox.resolve(FILE);
    Files.createDirectories(file.getParent());
    BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
        .setHeader("source", "export_date", "file", "line", "reason_class").get());
  }

  synchronized void record(Source source, LocalDate exportDate, String file, long line, RejectClass reason) {
    unwritten.add(new Entry(source, exportDate, file, line, reason));
    byReason.merge(reason, 1L, Long::sum);
    entries++;
  }

  /** Bad rows so far by reason class (every class, 0 for none). */
  synchronized Map<RejectClass, Long> countsByReason() {
    Map<RejectClass, Long> counts = new EnumMap<>(RejectClass.class);
    for (RejectClass reason : RejectClass.values()) {
      counts.put(reason, byReason.getOrDefault(reason, 0L));
    }
    return counts;
  }

  /** Writes the entries recorded so far, in order; call when a day's exports are complete. */
  synchronized void flush() {
    unwritten.sort(ORDER);
    try {
      for (Entry e : unwritten) {
        printer.printRecord(e.source().id(), e.exportDate(), e.file(), e.line(), e.reason().code());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE, e);
    }
    unwritten.clear();
  }

  synchronized long entries() {
    return entries;
  }

  @Override
  public void close() throws IOException {
    flush();
    printer.close(true);
  }
}

package io.qunbao.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The ground truth of injected bad rows, {@code <inbox>/_generator/expected_rejects.csv}: one line per
 * bad record (source, export date, file relative to the inbox, physical line where the record starts,
 * reason class), streamed as the rows are written.
 */
final class RejectLedger implements Closeable {
  static final String FILE = "_generator/expected_rejects.csv";

  private final CSVPrinter printer;
  private long entries;

  RejectLedger(Path inbox) throws IOException {
    Path file = inbox.resolve(FILE);
    Files.createDirectories(file.getParent());
    BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
        .setHeader("source", "export_date", "file", "line", "reason_class").get());
  }

  void record(Source source, LocalDate exportDate, String file, long line, RejectClass reason) {
    try {
      printer.printRecord(source.folder(), exportDate, file, line, reason.code());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE, e);
    }
    entries++;
  }

  long entries() {
    return entries;
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }
}

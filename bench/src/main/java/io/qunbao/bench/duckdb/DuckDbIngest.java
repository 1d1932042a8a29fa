package io.qunbao.bench.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest done with DuckDB for the side-by-side comparison: every export file of an
 * inbox, read with {@code read_json} / {@code read_csv}, parsed by the rules of exports.md
 * ({@code duckdb/ingest_<source>.sql}) and written as Parquet to
 * {@code <warehouse>/raw/<source>/export_date=D/}. Rejected rows are dropped, not written
 * (the comparison is about the accepted rows).
 */
public final class DuckDbIngest {
  private static final Logger log = LoggerFactory.getLogger(DuckDbIngest.class);

  /** What one source's ingest read and landed. */
  public record Landed(String source, long inputBytes, long rows, Duration time) {}

  private final ZoneId businessZone;
  private final Path scratch;

  /** @param scratch where UTF-8 copies of GB18030 files go */
  public DuckDbIngest(ZoneId businessZone, Path scratch) {
    this.businessZone = businessZone;
    this.scratch = scratch;
  }

  /** Lands every export of {@code inbox} dated on or before {@code lastExportDate} under {@code warehouse}/raw. */
  public List<Landed> land(Path inbox, Path warehouse, LocalDate lastExportDate) throws IOException, SQLException {
    List<Landed> landed = new ArrayList<>();
    try (DuckDbConnection duckDb = new DuckDbConnection(businessZone)) {
      duckDb.executeResource("parse_macros.sql");
      for (ExportSource source : ExportSource.values()) {
        long started = System.nanoTime();
        List<Path> files = exportFiles(inbox.resolve(source.folder), lastExportDate);
        if (files.isEmpty()) {
          continue;
        }
        long bytes = 0;
        StringJoiner reads = new StringJoiner("\nUNION ALL BY NAME\n");
        for (Path file : files) {
          bytes += Files.size(file);
          reads.add(source.isJsonLines() ? readJson(source, file) : readCsv(source, inbox, file));
        }
        duckDb.execute("CREATE OR REPLACE TEMP VIEW " + source.folder + "_text AS " + reads);
        String query = DuckDbConnection.resource("ingest_" + source.folder + ".sql");
        long rows = duckDb.copyToParquet(query, warehouse.resolve("raw").resolve(source.folder),
            "export_date");
        Duration time = Duration.ofNanos(System.nanoTime() - started);
        log.info("duckdb ingest {}: {} files, {} bytes -> {} rows in {} ms", source.folder, files.size(), bytes,
            rows, time.toMillis());
        landed.add(new Landed(source.folder, bytes, rows, time));
      }
    }
    return landed;
  }

  /** Files of {@code <inbox>/<source>/<D>/} for every export date D up to the last one, in path order. */
  private static List<Path> exportFiles(Path sourceFolder, LocalDate lastExportDate) throws IOException {
    if (!Files.isDirectory(sourceFolder)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(sourceFolder, 2)) {
      return paths.filter(Files::isRegularFile)
          .filter(file -> isExportDateOnOrBefore(file.getParent(), lastExportDate))
          .sorted()
          .toList();
    }
  }

  private static boolean isExportDateOnOrBefore(Path dayFolder, LocalDate lastExportDate) {
    String name = dayFolder.getFileName().toString();
    return name.matches("\\d{4}-\\d{2}-\\d{2}") && !LocalDate.parse(name).isAfter(lastExportDate);
  }

  private static String readJson(ExportSource source, Path file) {
    return "SELECT *, ordinality AS record_line FROM read_json(" + DuckDbConnection.literal(file.toString())
        + ", format = 'newline_delimited', ignore_errors = true, filename = true, columns = "
        + varcharColumns(source.columns) + ") WITH ORDINALITY";
  }

  /**
   * A CSV export: header columns mapped by name (any order, English or Chinese), record_line = record + 1.
   * strict_mode = false because in strict mode DuckDB's reader silently stops at the first broken quoted
   * record ({@code "sc1"x,...}) even with ignore_errors, losing the rest of the file; lenient, it reads
   * such a record as {@code sc1} instead of rejecting it (BENCHMARKS.md, "Known differences").
   */
  private String readCsv(ExportSource source, Path inbox, Path file) throws IOException {
    ExportFile export = ExportFile.prepareCsv(source, inbox, file, scratch);
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < export.headerColumns().size(); i++) {
      String column = export.headerColumns().get(i);
      positional.add(column == null ? "ignored_" + i : column);
    }
    StringJoiner select = new StringJoiner(", ");
    for (String column : source.columns) {
      select.add(positional.contains(column) ? column : "NULL::VARCHAR AS " + column);
    }
    // filename names the inbox file even when DuckDB reads a transcoded copy
    return "SELECT " + select + ", " + DuckDbConnection.literal(file.toString()) + " AS filename,"
        + " ordinality + 1 AS record_line FROM read_csv(" + DuckDbConnection.literal(export.readable().toString())
        + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', null_padding = true,"
        + " ignore_errors = true, strict_mode = false,"
        + " columns = " + varcharColumns(positional) + ") WITH ORDINALITY";
  }

  private static String varcharColumns(List<String> columns) {
    StringJoiner struct = new StringJoiner(", ", "{", "}");
    for (String column : columns) {
      struct.add(DuckDbConnection.literal(column) + ": 'VARCHAR'");
    }
    return struct.toString();
  }
}

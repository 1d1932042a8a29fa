package io.qunbao.bench.duckdb;

import io.qunbao.common.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second, independent implementation of two tables of metrics.md, in DuckDB SQL: {@code type_daily}
 * and {@code cohort_conversion}, computed from the landed raw Parquet ({@code <raw>/<source>/export_date=D/})
 * and written to {@code <out>/metrics/<table>/dt=D/} like Qunbao publishes them, so the two can be
 * compared row by row.
 */
public final class DuckDbMetrics {
  private static final Logger log = LoggerFactory.getLogger(DuckDbMetrics.class);
  /** The tables this implementation computes, in the order they run. */
  public static final List<String> TABLES = List.of("type_daily", "cohort_conversion");
  private static final List<String> RAW_SOURCES = Source.ids();

  private final ZoneId businessZone;
  private final int conversionWindowDays;

  public DuckDbMetrics(ZoneId businessZone, int conversionWindowDays) {
    this.businessZone = businessZone;
    this.conversionWindowDays = conversionWindowDays;
  }

  /**
   * A full recomputation for run date {@code runDate}: reads every export dated on or before it.
   *
   * @return rows written per table
   */
  public Map<String, Long> compute(Path rawRoot, LocalDate runDate, Path out) throws SQLException, IOException {
    Map<String, Long> written = new LinkedHashMap<>();
    try (DuckDbConnection duckDb = new DuckDbConnection(businessZone)) {
      duckDb.setVariable("run_date", runDate);
      duckDb.setVariable("window_days", conversionWindowDays);
      for (String source : RAW_SOURCES) {
        String files = rawRoot.resolve(source).resolve("*").resolve("*.parquet").toString();
        duckDb.execute("CREATE OR REPLACE TEMP VIEW raw_" + source + " AS SELECT * FROM read_parquet("
            + DuckDbConnection.literal(files) + ", hive_partitioning = true, hive_types = {'export_date': DATE})"
            + " WHERE export_date <= getvariable('run_date')");
      }
      long started = System.nanoTime();
      duckDb.executeResource("clean.sql");
      log.info("duckdb metrics: cleaning and membership in {} ms", millisSince(started));
      for (String table : TABLES) {
        long tableStarted = System.nanoTime();
        long rows = duckDb.copyToParquet(DuckDbConnection.resource(table + ".sql"),
            out.resolve("metrics").resolve(table), "dt");
        log.info("duckdb metrics: {} {} rows in {} ms", table, rows, millisSince(tableStarted));
        written.put(table, rows);
      }
    }
    return written;
  }

  private static long millisSince(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
  }
}

package io.qunbao.bench.duckdb;

import static io.qunbao.bench.WorkedExample.RUN_DATE;
import static io.qunbao.bench.WorkedExample.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.app.QunbaoCli;
import io.qunbao.bench.WorkedExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's setting on the worked example: Qunbao's own ingest lands the inbox (one export date at a
 * time, as cron runs it, the 2026-10-04 exports included), and the DuckDB SQL computes its two tables from
 * that landed Parquet. They must be the hand-worked tables, so the DuckDB side of the agreement check reads
 * Qunbao's landed layout and types correctly.
 */
class WorkedExampleOverQunbaoIngestIT {
  @TempDir Path work;

  @Test
  void duckDbTablesOverQunbaosLandedExampleAreTheWorkedExample() throws Exception {
    // given the example inbox landed by `qunbao ingest` for each of its four export dates
    Path warehouse = work.resolve("warehouse");
    Path config = work.resolve("qunbao.yml");
    Files.writeString(config, String.join("\n", "inbox: " + WorkedExample.inbox(), "warehouse: " + warehouse,
        "work-dir: " + work.resolve("qunbao-work"), "timezone: " + ZONE.getId(), ""));
    for (String date : List.of("2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04")) {
      assertThat(QunbaoCli.execute("--config", config.toString(), "ingest", "--date", date)).isZero();
    }

    // when DuckDB computes type_daily and cohort_conversion for R = 2026-10-03 from it
    Path out = work.resolve("duckdb");
    new DuckDbMetrics(ZONE, 7).compute(warehouse.resolve("raw"), RUN_DATE, out);

    // then both are the tables of expected/, which the example's README works out by hand
    assertThat(WorkedExample.differences("type_daily", "type_daily.csv", out)).isEmpty();
    assertThat(WorkedExample.differences("cohort_conversion", "cohort_conversion.csv", out)).isEmpty();
  }
}

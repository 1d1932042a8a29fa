package io.qunbao.bench.duckdb;

import static io.qunbao.bench.WorkedExample.RUN_DATE;
import static io.qunbao.bench.WorkedExample.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.bench.WorkedExample;
import io.qunbao.testkit.DuckDb;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB implementation of type_daily and cohort_conversion against the worked example of the spec
 * (its inbox, and the tables worked by hand in its README). Here the DuckDB ingest lands the whole inbox,
 * including the 2026-10-04 exports that a run of 2026-10-03 must ignore; WorkedExampleOverQunbaoIngestIT
 * does the same over what Qunbao's own ingest lands.
 */
class DuckDbMetricsTest {
  @TempDir static Path work;
  private static Path raw;

  @BeforeAll
  static void landTheExampleInbox() throws Exception {
    Path warehouse = work.resolve("warehouse");
    new DuckDbIngest(ZONE, work.resolve("scratch")).land(WorkedExample.inbox(), warehouse, LocalDate.MAX);
    raw = warehouse.resolve("raw");
  }

  @Test
  void typeDailyIsTheWorkedExample() throws Exception {
    // given the landed example, when the metrics run with the default 7-day window
    Path out = work.resolve("window_7");
    new DuckDbMetrics(ZONE, 7).compute(raw, RUN_DATE, out);

    // then every row of expected/type_daily.csv, e.g. traffic on D1: members 6 (u1..u5 in gA, u11 in gC),
    // reached 5 of them (u11 is in gC, which had no official message on D1) -> reach_rate 5/6
    assertThat(WorkedExample.differences("type_daily", "type_daily.csv", out)).isEmpty();
    assertThat(cell(out, "type_daily", "reach_rate", "dt = '2026-10-01' AND group_type = 'traffic'"))
        .isEqualTo(5.0 / 6);
  }

  @Test
  void cohortConversionIsTheWorkedExampleForBothWindows() throws Exception {
    // given the landed example, when the metrics run with a 7-day and with a 1-day window
    Path weekly = work.resolve("cohorts_7");
    new DuckDbMetrics(ZONE, 7).compute(raw, RUN_DATE, weekly);
    Path daily = work.resolve("cohorts_1");
    new DuckDbMetrics(ZONE, 1).compute(raw, RUN_DATE, daily);

    // then both match the hand-worked cohorts; e.g. traffic D1 with 7 days: u1 (o3 + o17 = 80.00),
    // u2 (o1 + o9 = 3299.00), u5 (o21 = 25.00), u11 (o18 = 40.00) convert: 4 of 6, 3444.00;
    // with 1 day only u2 and u5: 3324.00
    assertThat(WorkedExample.differences("cohort_conversion", "cohort_conversion.csv", weekly)).isEmpty();
    assertThat(WorkedExample.differences("cohort_conversion", "window_1/cohort_conversion.csv", daily)).isEmpty();
    assertThat(cell(weekly, "cohort_conversion", "gmv_in_window", "dt = '2026-10-01' AND group_type = 'traffic'"))
        .hasToString("3444.00");
  }

  private static Object cell(Path out, String table, String column, String where) {
    List<Map<String, Object>> rows =
        DuckDb.query("SELECT " + column + " FROM " + WorkedExample.table(out, table) + " WHERE " + where);
    assertThat(rows).hasSize(1);
    return rows.get(0).get(column);
  }
}

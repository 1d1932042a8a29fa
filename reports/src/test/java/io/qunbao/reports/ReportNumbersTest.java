package io.qunbao.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.testkit.DuckDb;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every number the report prints is the table's number: DuckDB reads the same Parquet tables the
 * report read, and the expected text is formatted here, independently, by the report's stated
 * rules (percent one decimal, thousands separators, ¥ with two decimals, "rate · n of d").
 */
class ReportNumbersTest {
  @TempDir static Path example;
  @TempDir static Path history;
  static final LocalDate HISTORY_DAY = LocalDate.parse("2026-11-20");
  static String exampleLastDay;
  static String exampleFirstDay;
  static String historyPage;

  @BeforeAll
  static void renderReports() throws IOException {
    // Given the spec's example tables and a 30-day history, when their reports are rendered in English
    ReportFixtures.example(example.resolve("warehouse"));
    exampleFirstDay = read(DailyReport.render(ReportSetup.config(example, "en", ""), ReportFixtures.EXAMPLE_FIRST_DAY));
    exampleLastDay = read(DailyReport.render(ReportSetup.config(example, "en", ""), ReportFixtures.EXAMPLE_LAST_DAY));
    ReportFixtures.history(history.resolve("warehouse"), HISTORY_DAY);
    historyPage = read(DailyReport.render(ReportSetup.config(history, "en", ""), HISTORY_DAY));
  }

  @Test
  void headlineCardsPrintTheTypeDailyRowOfTheDay() {
    List<Map<String, Object>> rows = DuckDb.query(
        "SELECT * FROM read_parquet('" + example + "/warehouse/metrics/type_daily/*/*.parquet', hive_partitioning = true)"
            + " WHERE dt = DATE '2026-10-03' AND group_type IS NOT NULL");
    // traffic, camp, vip, unknown exist on 2026-10-03 (example/expected/type_daily.csv)
    assertThat(rows).extracting(r -> r.get("group_type")).containsExactlyInAnyOrder("traffic", "camp", "vip", "unknown");
    Map<String, String> cells = cells(exampleLastDay, "data-type");
    for (Map<String, Object> row : rows) {
      String type = (String) row.get("group_type");
      assertThat(cells.get(type + "/members")).isEqualTo(count(row.get("members")));
      assertThat(cells.get(type + "/reach_rate")).isEqualTo(rate(row.get("reach_rate"), row.get("reached_members"), row.get("members")));
      assertThat(cells.get(type + "/activity_rate")).isEqualTo(rate(row.get("activity_rate"), row.get("active_members"), row.get("members")));
      assertThat(cells.get(type + "/repurchase_rate_30d"))
          .isEqualTo(rate(row.get("repurchase_rate_30d"), row.get("repeat_buyers_30d"), row.get("repurchase_buyers_30d")));
      assertThat(cells.get(type + "/k_factor")).isEqualTo(
          (row.get("k_factor") == null ? "—" : String.format(Locale.ROOT, "%.3f", (Double) row.get("k_factor")))
              + " · " + count(row.get("referred_joins")) + " of " + count(row.get("members")));
      assertThat(cells.get(type + "/gmv")).isEqualTo(String.format(Locale.ROOT, "¥%,.2f", (BigDecimal) row.get("gmv")));
      assertThat(cells.get(type + "/scans")).isEqualTo(count(row.get("scans")));
      assertThat(cells.get(type + "/scan_join_rate")).isEqualTo(rate(row.get("scan_join_rate"), row.get("scan_joins"), row.get("scanners")));
    }
    // Spot check against the CSV itself: traffic 2026-10-03 reached 0 of 4 members, GMV 7.00.
    assertThat(cells.get("traffic/reach_rate")).isEqualTo("0.0% · 0 of 4");
    assertThat(cells.get("traffic/gmv")).isEqualTo("¥7.00");
    // vip has no members: its rates are null in the table and print as a dash, never 0%.
    assertThat(cells.get("vip/reach_rate")).isEqualTo("— · 0 of 0");
  }

  @Test
  void unattributedOrdersArePrintedFromTheirOwnRow() {
    // type_daily 2026-10-01, group_type null: orders 1, gmv 10.00
    Map<String, Object> row = DuckDb.query(
        "SELECT orders, gmv FROM read_parquet('" + example + "/warehouse/metrics/type_daily/*/*.parquet', hive_partitioning = true)"
            + " WHERE dt = DATE '2026-10-01' AND group_type IS NULL").get(0);
    assertThat(exampleFirstDay).contains("Unattributed orders: " + count(row.get("orders")) + ", GMV "
        + String.format(Locale.ROOT, "¥%,.2f", (BigDecimal) row.get("gmv")));
  }

  @Test
  void conversionCardShowsTheLatestFinalCohortAndTheFunnelTheDaysCohort() {
    // With a 7-day window the latest final cohort on 2026-11-20 is 2026-11-13 (C + 7 <= R).
    List<Map<String, Object>> cohorts = DuckDb.query(
        "SELECT group_type, dt, converted, joiners, conversion_rate, is_final FROM read_parquet('" + history
            + "/warehouse/metrics/cohort_conversion/*/*.parquet', hive_partitioning = true) WHERE dt IN (DATE '2026-11-13', DATE '2026-11-20')");
    Map<String, String> cells = cells(historyPage, "data-type");
    for (Map<String, Object> cohort : cohorts) {
      String expected = rate(cohort.get("conversion_rate"), cohort.get("converted"), cohort.get("joiners"));
      String metric = cohort.get("dt").toString().equals("2026-11-13") ? "conversion_rate" : "funnel_converted";
      assertThat(cohort.get("is_final")).isEqualTo(metric.equals("conversion_rate"));
      assertThat(cells.get(cohort.get("group_type") + "/" + metric)).isEqualTo(expected);
    }
    assertThat(cohorts).hasSize(6);
  }

  @Test
  void topChannelsAreRankedByScanJoinRateWithTheirCounts() {
    List<Map<String, Object>> channels = DuckDb.query(
        "SELECT code_id, scan_joins, scanners, scan_join_rate FROM read_parquet('" + history
            + "/warehouse/metrics/channel_daily/*/*.parquet', hive_partitioning = true) ORDER BY scan_join_rate DESC");
    Map<String, String> cells = cells(historyPage, "data-code");
    for (Map<String, Object> channel : channels) {
      assertThat(cells.get(channel.get("code_id") + "/scan_join_rate"))
          .isEqualTo(rate(channel.get("scan_join_rate"), channel.get("scan_joins"), channel.get("scanners")));
    }
    // Printed in the order of the rate: live-7 (20 of 25) first, store-qr (1 of 8) last.
    assertThat(historyPage.indexOf("data-code=\"live-7\"")).isLessThan(historyPage.indexOf("data-code=\"poster-a\""));
    assertThat(historyPage.indexOf("data-code=\"poster-a\"")).isLessThan(historyPage.indexOf("data-code=\"store-qr\""));
  }

  @Test
  void dyingGroupsAreTheGroupsFlaggedInGroupHealth() {
    // example/expected/group_health.csv, 2026-10-01: gA, gC and gV are dead, gB is not.
    List<Map<String, Object>> dead = DuckDb.query(
        "SELECT group_id, members, active_7d FROM read_parquet('" + example
            + "/warehouse/metrics/group_health/*/*.parquet', hive_partitioning = true) WHERE dt = DATE '2026-10-01' AND is_dead");
    assertThat(dead).extracting(r -> r.get("group_id")).containsExactlyInAnyOrder("gA", "gC", "gV");
    Map<String, String> cells = cells(exampleFirstDay, "data-group");
    for (Map<String, Object> group : dead) {
      assertThat(cells.get(group.get("group_id") + "/members")).isEqualTo(count(group.get("members")));
      assertThat(cells.get(group.get("group_id") + "/active_7d")).isEqualTo(count(group.get("active_7d")));
    }
    assertThat(cells).doesNotContainKey("gB/members");
  }

  /** {@code <td ... attribute="key" data-metric="metric">text</td>} → "key/metric" → text. */
  private static Map<String, String> cells(String page, String attribute) {
    Matcher m = Pattern.compile(attribute + "=\"([^\"]+)\" data-metric=\"([^\"]+)\">([^<]*)<").matcher(page);
    Map<String, String> cells = new HashMap<>();
    while (m.find()) cells.put(m.group(1) + "/" + m.group(2), m.group(3));
    return cells;
  }

  private static String rate(Object rate, Object numerator, Object denominator) {
    String percent = rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", (Double) rate * 100);
    return percent + " · " + count(numerator) + " of " + count(denominator);
  }

  private static String count(Object value) {
    return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
  }

  private static String read(org.apache.hadoop.fs.Path page) throws IOException {
    return Files.readString(Path.of(page.toUri()));
  }
}

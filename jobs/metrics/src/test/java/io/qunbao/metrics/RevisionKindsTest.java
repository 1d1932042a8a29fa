package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.testkit.DuckDb;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code revisions.kind}: a change to a value published provisionally (a cohort before
 * {@code is_final}, the scan joins of the day that was the last published one) is a maturation;
 * a change to a final value is a restatement. Three nights on one traffic group g1, a 1-day
 * conversion window, business days in Asia/Shanghai (02:00Z is 10:00 the same day):
 * <ol>
 *   <li>June 1: u1 joins at 10:00 (cohort June 1); u2 scans code c1 at 22:00.
 *   <li>June 2: u2 joins at 09:00, within 24 h of the scan: June 1's scan joins fill in. Order a
 *       (10.00) of u1, paid at 04:00 on June 2, within u1's window: cohort June 1, published while
 *       open, converts, and is final now (June 1 + 1 <= June 2).
 *   <li>June 3: order a is refunded: the final cohort June 1 loses its convert, and June 2 its
 *       purchase; a message of u1 sent on June 2 arrives late; cohort June 2 becomes final.
 * </ol>
 */
class RevisionKindsTest extends LocalSparkTest {
  private static final String WINDOW_1 = "metrics:\n  conversion-window-days: 1\n";
  private static final String TRAFFIC = "group_type=traffic";
  private static final String CODE_C1 = "code_id=c1, channel=poster, group_type=traffic";
  private static final String CAMPAIGN_C1 = "code_id=c1";

  @Test
  void aProvisionalValueMaturesAndAFinalOneIsRestated() {
    Path root = dir.resolve("nights");
    LandedFixture landed = new LandedFixture(spark, root.resolve("warehouse"));
    MetricsJob job = new MetricsJob(TestSpark.config(root, WINDOW_1), spark);
    landed.land("groups", FamilyFixture.GROUPS, "2026-06-01,g1,G1,traffic,boss,2026-05-01T00:00:00Z,");
    landed.land("staff", FamilyFixture.STAFF, "2026-06-01,boss,owner");
    landed.land("chat", FamilyFixture.CHAT, "2026-06-01,j1,g1,u1,2026-06-01T02:00:00Z,member_join,");
    landed.land("scans", FamilyFixture.SCANS, "2026-06-01,s1,2026-06-01T14:00:00Z,c1,poster,u2,g1");
    job.run(day(1), Scope.NIGHTLY);

    landed.land("chat", FamilyFixture.CHAT, "2026-06-02,j2,g1,u2,2026-06-02T01:00:00Z,member_join,");
    landed.land("orders", FamilyFixture.ORDERS, "2026-06-02,a,u1,2026-06-01T20:00:00Z,10.00,paid,g1,2026-06-01T20:00:00Z");
    job.run(day(2), Scope.NIGHTLY);

    landed.land("orders", FamilyFixture.ORDERS, "2026-06-03,a,u1,2026-06-01T20:00:00Z,10.00,refunded,g1,2026-06-03T01:00:00Z");
    landed.land("chat", FamilyFixture.CHAT, "2026-06-03,late2,g1,u1,2026-06-02T05:00:00Z,text,");
    job.run(day(3), Scope.NIGHTLY);

    Map<String, String> kinds = kinds(root);
    // Maturation, and nothing else: the values that were provisional when published. June 2:
    // June 1 was the last published day at the previous run, so its scan joins (0 -> 1 of 1
    // scanner) filled in, per type, per code and per campaign (whose window of 1 day closed too);
    // cohort June 1, published open, converted 0 -> 1 and closed. June 3: cohort June 2 closed
    // (is_final false -> true).
    assertThat(new TreeSet<>(kinds.entrySet().stream()
        .filter(revision -> revision.getValue().equals(RevisionDiff.MATURATION)).map(Map.Entry::getKey).toList()))
        .containsExactlyInAnyOrder(
            revision(2, "type_daily", 1, TRAFFIC, "scan_joins"),
            revision(2, "type_daily", 1, TRAFFIC, "scan_join_rate"),
            revision(2, "channel_daily", 1, CODE_C1, "scan_joins"),
            revision(2, "channel_daily", 1, CODE_C1, "scan_join_rate"),
            revision(2, "campaign_daily", 1, CAMPAIGN_C1, "scan_joins"),
            revision(2, "campaign_daily", 1, CAMPAIGN_C1, "scan_join_rate"),
            revision(2, "campaign_daily", 1, CAMPAIGN_C1, "is_final"),
            revision(2, "cohort_conversion", 1, TRAFFIC, "converted"),
            revision(2, "cohort_conversion", 1, TRAFFIC, "conversion_rate"),
            revision(2, "cohort_conversion", 1, TRAFFIC, "gmv_in_window"),
            revision(2, "cohort_conversion", 1, TRAFFIC, "is_final"),
            revision(3, "cohort_conversion", 2, TRAFFIC, "is_final"));
    // Restatement: the refund, of the final cohort June 1 and of June 2's purchases ...
    for (String column : List.of("converted", "conversion_rate", "gmv_in_window")) {
      assertThat(kinds).containsEntry(revision(3, "cohort_conversion", 1, TRAFFIC, column), RevisionDiff.RESTATEMENT);
    }
    for (String column : List.of("orders", "buyers", "gmv")) {
      assertThat(kinds).containsEntry(revision(3, "type_daily", 2, TRAFFIC, column), RevisionDiff.RESTATEMENT);
    }
    // ... and the late message of June 2 (u1 active: 0 -> 1 of 2 members), though June 2 was the
    // last published day (only its scan joins were provisional)
    for (String column : List.of("active_members", "activity_rate", "messages")) {
      assertThat(kinds).containsEntry(revision(3, "type_daily", 2, TRAFFIC, column), RevisionDiff.RESTATEMENT);
    }
    assertThat(kinds).containsEntry(revision(3, "group_daily", 2, "group_id=g1", "messages"), RevisionDiff.RESTATEMENT);
  }

  /** "run|table|dt|row_key|column" → kind, of every revision recorded, read by DuckDB. */
  private static Map<String, String> kinds(Path root) {
    Map<String, String> kinds = new TreeMap<>();
    for (Map<String, Object> row : DuckDb.query("select run_date, table_name, dt, row_key, column_name, kind from read_parquet('"
        + root.resolve("warehouse/metrics/revisions") + "/*/*.parquet', hive_partitioning = true)")) {
      kinds.put(String.join("|", row.get("run_date").toString(), (String) row.get("table_name"), row.get("dt").toString(),
          (String) row.get("row_key"), (String) row.get("column_name")), (String) row.get("kind"));
    }
    return kinds;
  }

  private static String revision(int runDay, String table, int dayOfJune, String rowKey, String column) {
    return String.join("|", day(runDay).toString(), table, day(dayOfJune).toString(), rowKey, column);
  }

  private static LocalDate day(int dayOfJune) {
    return LocalDate.of(2026, 6, dayOfJune);
  }
}

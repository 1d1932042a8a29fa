package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.metrics.recomputation.RunPlan;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * metrics.md, "Runs, late data and recomputation": a nightly run recomputes from the first day the
 * exports new to it can change, and still ends with what one full recomputation gives. Each night
 * below lands one kind of change; the expected first days are worked out from the rule it exercises:
 * the first day of every metric, and of the values counted from purchases, which new orders and
 * maturing cohorts can make earlier (the days between keep their other values as published).
 * The conversion window is 1 day, so maturing cohorts reach back 0 days before the last run date;
 * business days are Asia/Shanghai (02:00Z is 10:00 the same day).
 *
 * <p>The nights also carry what reaches back in the tables beyond the core (metrics.md, "Beyond the
 * core tables"), each bounded where the night's other rows are: a referral chain v1 -> v2 -> v3 -> v4
 * whose links move (a late message, a late join, a member becoming staff), live code c2's groups (a
 * late scan) and its joiner's conversion (a refund), an owner and a capacity that change, and a night
 * without new rows that turns the last run date's rows final.
 */
class AffectedDaysTest extends LocalSparkTest {
  private static final String WINDOW_1 = "metrics:\n  conversion-window-days: 1\n";

  @Test
  void eachNightRecomputesFromTheFirstDayItsNewExportsCanChangeAndEndsEqualToAFullRun() {
    Path nightlyRoot = dir.resolve("nightly");
    LandedFixture nightly = new LandedFixture(spark, nightlyRoot.resolve("warehouse"));
    MetricsJob job = new MetricsJob(TestSpark.config(nightlyRoot, WINDOW_1), spark);
    landHistory(nightly);
    assertFrom(job.run(day(6), Scope.FULL), "full run", day(1), day(1));

    // a message of the day: its day, and the day before (scans of the 24 h before a join)
    landNight7(nightly);
    assertFrom(job.run(day(7), Scope.NIGHTLY), "on-time message", day(6), day(6));
    // a message of June 3 exported late, on June 8: June 3 - 1
    landNight8(nightly);
    assertFrom(job.run(day(8), Scope.NIGHTLY), "late message", day(2), day(2));
    // v3's late message in g2 (June 3, before v3's g1 join) is v3's first join now, not referred: v3 is
    // of generation 0, so v4's join (June 4, invited by v3) has depth 1, not 3; u3's too (u1 is of 0)
    assertThat(referral("traffic", 4)).containsEntry("referred_joins", 2L).containsEntry("gen1_joins", 2L)
        .containsEntry("max_depth", 1);
    // order a (paid June 4) refunded: what purchases count from its day and the 1-day window of
    // cohorts before it; every metric only from the new day, June 9
    landNight9(nightly);
    assertFrom(job.run(day(9), Scope.NIGHTLY), "refund", day(9), day(3));
    // order c, refunded too, was v4's purchase an hour after joining by code c2: June 4 is one of the
    // days whose other columns are kept as published, and its conversion is recomputed
    assertThat(campaign("c2", 4)).containsEntry("joiners", 1L).containsEntry("converted", 0L);
    // a scan of June 5 exported late: its day
    landNight10(nightly);
    assertFrom(job.run(day(10), Scope.NIGHTLY), "late scan", day(5), day(5));
    // g2 relabeled camp -> vip: g2 was created June 2, its first message is of June 3 (June 3 - 1)
    landNight11(nightly);
    assertFrom(job.run(day(11), Scope.NIGHTLY), "relabeled group", day(2), day(2));
    // u3 becomes staff: u3's join of June 4 (and the day before)
    landNight12(nightly);
    assertFrom(job.run(day(12), Scope.NIGHTLY), "new staff", day(3), day(3));
    // gX, listed nowhere, first named in chat on June 13 (every metric from June 12): order b (paid
    // June 6, tagged gX) moves from last touch to its tag
    landNight13(nightly);
    assertFrom(job.run(day(13), Scope.NIGHTLY), "newly known group", day(12), day(6));
    // g2 dissolved on June 6 at 09:00 local: m6 and u2's presence after it go, nothing before it
    // (and the scans of the 24 h before a join): June 6 - 1, where a relabel would reach back to June 2
    landNight14(nightly);
    assertFrom(job.run(day(14), Scope.NIGHTLY), "dissolution", day(5), day(5));
    // m3 (June 3) exported again on June 15 with another time, June 15: the first copy stays, but a
    // repeated id bounds at every copy's day (June 3 - 1), as if the new copy had come first
    landNight15(nightly);
    assertFrom(job.run(day(15), Scope.NIGHTLY), "repeated id", day(2), day(2));
    // w1's late join (June 3, invited by v2 of generation 1) is w1's first join now: generation 2 where
    // u3's becoming staff had left 0, so w2's join (June 6, invited by w1) has depth 3
    assertThat(referral("traffic", 6)).containsEntry("max_depth", 3).containsEntry("gen3plus_joins", 1L);
    // a message of the day: cleaned from June 15, where m3's second copy is, which must still lose to
    // its first copy of June 3 (not cleaned again)
    landNight16(nightly);
    assertFrom(job.run(day(16), Scope.NIGHTLY), "message after a repeated id", day(15), day(15));
    // v5's join (June 16, invited by v4, of generation 1 since night 8) has depth 2 from chains of
    // first joins before the first recomputed day; c2's groups were first routed before it too
    assertThat(referral("traffic", 16)).containsEntry("gen2_joins", 1L).containsEntry("max_depth", 2);
    assertThat(campaign("c2", 16)).containsEntry("groups", 2L).containsEntry("scan_joins", 1L);
    // an export dated June 2, delivered now, repeats m5 (June 5) at June 17: dated before m5's first
    // export, it becomes m5's first copy, so June 5 loses m5 (June 5 - 1), not only June 17 gains it
    landNight17(nightly);
    assertFrom(job.run(day(17), Scope.NIGHTLY), "earlier export repeating an id", day(4), day(4));

    // g1's capacity alone changes (500 -> 5): g1's every day, from its creation (before the first day)
    landNight18(nightly);
    assertFrom(job.run(day(18), Scope.NIGHTLY), "capacity", day(1), day(1));
    // c2's groups on June 16 are g1 (v4's code join, June 4) and g2 (the late scan, June 5); g1 is full
    // from the day it has 5 customers: u1, v1 .. v4 on June 4 (u3 is staff by now)
    assertThat(campaign("c2", 16)).containsEntry("groups", 2L).containsEntry("full_groups", 1L);
    // a night without new rows: June 18's referral and campaign rows turn final (June 18 + 1 <= June 19)
    RunSummary quiet = job.run(day(19), Scope.NIGHTLY);
    assertFrom(quiet, "no new rows", day(19), day(18));
    assertThat(referral("traffic", 18)).containsEntry("is_final", true);
    assertThat(campaign("c2", 18)).containsEntry("is_final", true);

    // a rerun finds nothing new: only the cohorts not final at the last run (June 19) are recomputed
    RunSummary rerun = job.run(day(19), Scope.NIGHTLY);
    assertFrom(rerun, "rerun", day(20), day(19));
    TableSpec.PUBLISHED_METRICS.forEach(table -> assertThat(rerun.tables().get(table).partitions()).as(table).isZero());

    // every table equals one full recomputation over the same exports
    Path fullRoot = dir.resolve("full");
    LandedFixture full = new LandedFixture(spark, fullRoot.resolve("warehouse"));
    landHistory(full);
    landNight7(full);
    landNight8(full);
    landNight9(full);
    landNight10(full);
    landNight11(full);
    landNight12(full);
    landNight13(full);
    landNight14(full);
    landNight15(full);
    landNight16(full);
    landNight17(full);
    landNight18(full);
    new MetricsJob(TestSpark.config(fullRoot, WINDOW_1), spark).run(day(19), Scope.FULL);
    for (String table : TableSpec.PUBLISHED_METRICS) {
      assertThat(sortedRows(nightlyRoot, table)).as(table).isEqualTo(sortedRows(fullRoot, table));
    }
    // and so do the membership intervals, which each night walked on from the ones published before it
    assertThat(sortedIntervals(nightlyRoot)).isEqualTo(sortedIntervals(fullRoot));
    // and the messages, which each night cleaned from its first day: m3 once, on June 3; m5 once, on June 17
    List<Map<String, Object>> messages = PublishedTables.readCuratedByDay(nightlyRoot.resolve("warehouse"), TableSpec.MESSAGES);
    assertThat(PublishedTables.sorted(messages)).isEqualTo(
        PublishedTables.sorted(PublishedTables.readCuratedByDay(fullRoot.resolve("warehouse"), TableSpec.MESSAGES)));
    assertThat(messages).filteredOn(row -> List.of("m3", "m5").contains(row.get("msg_id")))
        .extracting(row -> row.get("msg_id") + " " + row.get("dt"))
        .containsExactlyInAnyOrder("m3 2026-06-03", "m5 2026-06-17");

    // an export ingested again (other rows, unknown earlier content): everything is recomputed
    nightly.land("scans", FamilyFixture.SCANS, "2026-06-05,s5b,2026-06-05T07:00:00Z,c1,poster,u8,g1");
    assertPlan(job.plan(day(19), Scope.NIGHTLY), "re-ingested partition", day(1), day(1));
    // other settings: every day (published, so that the old ones change back next)
    assertFrom(new MetricsJob(TestSpark.config(nightlyRoot, "metrics:\n  conversion-window-days: 2\n"), spark)
        .run(day(19), Scope.NIGHTLY), "settings changed", day(1), day(1));
    assertPlan(job.plan(day(19), Scope.NIGHTLY), "settings changed back", day(1), day(1));
  }

  private static void assertPlan(RunPlan plan, String night, LocalDate everyMetric, LocalDate purchaseCounts) {
    assertThat(plan.activityFrom()).as(night + ": every metric from").isEqualTo(everyMetric);
    assertThat(plan.purchasesFrom()).as(night + ": purchase counts from").isEqualTo(purchaseCounts);
  }

  private static void assertFrom(RunSummary run, String night, LocalDate everyMetric, LocalDate purchaseCounts) {
    assertThat(run.recomputedFrom()).as(night + ": every metric from").isEqualTo(everyMetric);
    assertThat(run.ordersRecomputedFrom()).as(night + ": purchase counts from").isEqualTo(purchaseCounts);
  }

  private static void landHistory(LandedFixture landed) {
    landed.land("groups", FamilyFixture.GROUPS_WITH_CAPACITY,
        "2026-06-01,g1,G1,traffic,boss,2026-05-01T00:00:00Z,500,",
        "2026-06-01,g2,G2,camp,boss,2026-06-02T01:00:00Z,200,");
    landed.land("staff", FamilyFixture.STAFF, "2026-06-01,boss,owner");
    landed.land("chat", FamilyFixture.CHAT,
        "2026-06-01,j1,g1,u1,2026-06-01T02:00:00Z,member_join,",
        "2026-06-01,o1,g1,boss,2026-06-01T03:00:00Z,text,",
        "2026-06-03,j2,g2,u2,2026-06-03T02:00:00Z,member_join,",
        "2026-06-03,m3,g1,u1,2026-06-03T02:00:00Z,text,",
        "2026-06-04,j4,g1,u3,2026-06-04T02:00:00Z,member_join,u1",
        "2026-06-05,m5,g1,u1,2026-06-05T02:00:00Z,text,",
        "2026-06-06,m6,g2,u2,2026-06-06T02:00:00Z,text,");
    // a referral chain v1 -> v2 -> v3 -> v4, v4 by live code c2 too; w1 invited by u3, w2 by w1 (no chat
    // export is dated June 2: night 17 delivers one)
    landed.land("chat", FamilyFixture.CODE_CHAT,
        "2026-06-01,v1j,g1,v1,2026-06-01T04:00:00Z,member_join,,",
        "2026-06-03,v2j,g1,v2,2026-06-02T04:00:00Z,member_join,v1,",
        "2026-06-03,v3j,g1,v3,2026-06-03T04:00:00Z,member_join,v2,",
        "2026-06-04,v4j,g1,v4,2026-06-04T04:00:00Z,member_join,v3,c2",
        "2026-06-05,w1j,g1,w1,2026-06-05T04:00:00Z,member_join,u3,",
        "2026-06-06,w2j,g1,w2,2026-06-06T04:00:00Z,member_join,w1,");
    landed.land("orders", FamilyFixture.ORDERS,
        "2026-06-04,a,u1,2026-06-04T04:00:00Z,10.00,paid,g1,2026-06-04T04:00:00Z",
        "2026-06-06,b,u2,2026-06-06T04:00:00Z,20.00,paid,gX,2026-06-06T04:00:00Z",
        "2026-06-04,c,v4,2026-06-04T05:00:00Z,5.00,paid,,2026-06-04T05:00:00Z");
    landed.land("scans", FamilyFixture.SCANS, "2026-06-05,s5,2026-06-05T01:00:00Z,c1,poster,u9,g1");
  }

  private static void landNight7(LandedFixture landed) {
    landed.land("chat", FamilyFixture.CHAT, "2026-06-07,m7,g1,u1,2026-06-07T02:00:00Z,text,");
  }

  private static void landNight8(LandedFixture landed) {
    landed.land("chat", FamilyFixture.CHAT,
        "2026-06-08,late3,g1,u1,2026-06-03T05:00:00Z,text,",
        "2026-06-08,m8,g1,u1,2026-06-08T02:00:00Z,text,",
        "2026-06-08,late3v,g2,v3,2026-06-03T01:00:00Z,text,");
  }

  private static void landNight9(LandedFixture landed) {
    landed.land("orders", FamilyFixture.ORDERS,
        "2026-06-09,a,u1,2026-06-04T04:00:00Z,10.00,refunded,g1,2026-06-09T01:00:00Z",
        "2026-06-09,c,v4,2026-06-04T05:00:00Z,5.00,refunded,,2026-06-09T01:00:00Z");
  }

  private static void landNight10(LandedFixture landed) {
    landed.land("scans", FamilyFixture.SCANS,
        "2026-06-10,s5late,2026-06-05T06:00:00Z,c1,poster,u9,g1",
        // c2 routed u9 to g2 on June 5: a second group of c2's from that day
        "2026-06-10,s6late,2026-06-05T08:00:00Z,c2,poster,u9,g2");
  }

  private static void landNight11(LandedFixture landed) {
    // g2 is relabeled, and handed to another owner
    landed.land("groups", FamilyFixture.GROUPS_WITH_CAPACITY,
        "2026-06-11,g1,G1,traffic,boss,2026-05-01T00:00:00Z,500,",
        "2026-06-11,g2,G2,vip,lee,2026-06-02T01:00:00Z,200,");
  }

  private static void landNight12(LandedFixture landed) {
    landed.land("staff", FamilyFixture.STAFF, "2026-06-12,boss,owner", "2026-06-12,u3,sales");
  }

  private static void landNight13(LandedFixture landed) {
    landed.land("chat", FamilyFixture.CHAT, "2026-06-13,x1,gX,u1,2026-06-13T02:00:00Z,text,");
  }

  private static void landNight14(LandedFixture landed) {
    landed.land("groups", FamilyFixture.GROUPS_WITH_CAPACITY,
        "2026-06-14,g1,G1,traffic,boss,2026-05-01T00:00:00Z,500,",
        "2026-06-14,g2,G2,vip,lee,2026-06-02T01:00:00Z,200,2026-06-06T01:00:00Z");
  }

  private static void landNight15(LandedFixture landed) {
    landed.land("chat", FamilyFixture.CHAT,
        "2026-06-15,m3,g1,u1,2026-06-15T02:00:00Z,text,",
        // a late join of w1's, invited by v2, before w1's join of June 5
        "2026-06-15,w1late,g2,w1,2026-06-03T05:00:00Z,member_join,v2");
  }

  private static void landNight16(LandedFixture landed) {
    landed.land("chat", FamilyFixture.CHAT,
        "2026-06-16,m16,g1,u1,2026-06-16T02:00:00Z,text,",
        "2026-06-16,v5j,g1,v5,2026-06-16T04:00:00Z,member_join,v4");
    landed.land("scans", FamilyFixture.SCANS, "2026-06-16,s16,2026-06-16T03:00:00Z,c2,poster,v5,g1");
  }

  private static void landNight17(LandedFixture landed) {
    landed.land("chat", FamilyFixture.CHAT, "2026-06-02,m5,g1,u1,2026-06-17T02:00:00Z,text,");
  }

  private static void landNight18(LandedFixture landed) {
    landed.land("groups", FamilyFixture.GROUPS_WITH_CAPACITY,
        "2026-06-18,g1,G1,traffic,boss,2026-05-01T00:00:00Z,5,",
        "2026-06-18,g2,G2,vip,lee,2026-06-02T01:00:00Z,200,2026-06-06T01:00:00Z");
    landed.land("chat", FamilyFixture.CHAT, "2026-06-18,v6j,g1,v6,2026-06-18T04:00:00Z,member_join,v5");
    landed.land("scans", FamilyFixture.SCANS, "2026-06-18,s18,2026-06-18T03:00:00Z,c2,poster,v6,g1");
  }

  /** The published referral_daily row of a type on a day of June (it must exist). */
  private static Map<String, Object> referral(String type, int dayOfJune) {
    return publishedRow("referral_daily", "group_type", type, dayOfJune);
  }

  /** The published campaign_daily row of a code on a day of June (it must exist). */
  private static Map<String, Object> campaign(String code, int dayOfJune) {
    return publishedRow("campaign_daily", "code_id", code, dayOfJune);
  }

  private static Map<String, Object> publishedRow(String table, String keyColumn, String key, int dayOfJune) {
    List<Map<String, Object>> rows = PublishedTables.read(dir.resolve("nightly/warehouse"), table).stream()
        .filter(row -> day(dayOfJune).toString().equals(String.valueOf(row.get(TableSpec.DT))) && key.equals(row.get(keyColumn)))
        .toList();
    assertThat(rows).as(table + " " + key + " on June " + dayOfJune).hasSize(1);
    return rows.get(0);
  }

  private static LocalDate day(int dayOfJune) {
    return LocalDate.of(2026, 6, dayOfJune);
  }

  private static List<String> sortedIntervals(Path root) {
    return PublishedTables.sorted(PublishedTables.readCurated(root.resolve("warehouse"), "membership_intervals"));
  }

  private static List<String> sortedRows(Path root, String table) {
    return PublishedTables.sorted(PublishedTables.read(root.resolve("warehouse"), table));
  }
}

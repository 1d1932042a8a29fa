package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * metrics.md, "Beyond the core tables", campaign_daily: a campaign's groups up to the day and their
 * first routing, full groups, the code's scan funnel over all its groups, code joins, joiners and
 * their conversion. UTC instants, 8 h before Shanghai's (each falls on the Shanghai day of its UTC
 * date); the run date is 2026-05-03, the window 7 days.
 */
class CampaignTest extends LocalSparkTest {
  static FamilyFixture fixture;

  @BeforeAll
  static void landAndRun() {
    fixture = new FamilyFixture(spark, dir);
    fixture.landed.land("groups", FamilyFixture.GROUPS_WITH_CAPACITY,
        "2026-05-01,g1,G1,traffic,boss,2026-04-01T00:00:00Z,2,",
        "2026-05-01,g2,G2,traffic,boss,2026-04-01T00:00:00Z,2,",
        "2026-05-01,g3,G3,new_user,boss,2026-04-01T00:00:00Z,200,",
        "2026-05-01,g4,G4,traffic,boss,2026-04-01T00:00:00Z,,");
    fixture.landed.land("staff", FamilyFixture.STAFF, "2026-05-01,boss,owner", "2026-05-01,kol,koc");
    fixture.landed.land("scans", FamilyFixture.SCANS,
        // D1: code c1 routes a and b to g1, then (g1 full) e to g2; kol, staff, tests it on g9
        "2026-05-01,s1,2026-05-01T01:00:00Z,c1,poster,a,g1",
        "2026-05-01,s2,2026-05-01T01:20:00Z,c1,poster,b,g1",
        "2026-05-01,s3,2026-05-01T02:00:00Z,c1,poster,e,g2",
        "2026-05-01,s4,2026-05-01T03:00:00Z,c1,poster,kol,g9",
        // D2: a third group, g3, of another type; a scans again and is routed there too
        "2026-05-02,s5,2026-05-02T01:00:00Z,c1,poster,f,g3",
        "2026-05-02,s6,2026-05-02T05:00:00Z,c1,poster,a,g3");
    fixture.landed.land("chat", FamilyFixture.CODE_CHAT,
        "2026-05-01,j1,g1,a,2026-05-01T01:10:00Z,member_join,,c1",
        "2026-05-01,j2,g1,b,2026-05-01T01:30:00Z,member_join,,c1",
        // kol's code join is staff's: no interval, no routing
        "2026-05-01,j3,g9,kol,2026-05-01T03:10:00Z,member_join,,c1",
        // e joins exactly 24 h after the scan: a code join of D2, no scan join
        "2026-05-02,j4,g2,e,2026-05-02T02:00:00Z,member_join,,c1",
        "2026-05-02,j5,g3,f,2026-05-02T01:30:00Z,member_join,,c1",
        // a joins g2 with the code too: a code join of D2, but a's earliest code join is of D1
        "2026-05-02,j6,g2,a,2026-05-02T03:00:00Z,member_join,,c1",
        // code c2 has no scan: x's code join alone routes g4 to it
        "2026-05-01,j7,g4,x,2026-05-01T04:00:00Z,member_join,,c2");
    fixture.landed.land("orders", FamilyFixture.ORDERS,
        // a: two days after her D1 code join; e: an hour after his; f: half an hour before his
        "2026-05-03,o1,a,2026-05-03T00:00:00Z,10.00,paid,,2026-05-03T00:00:00Z",
        "2026-05-02,o2,e,2026-05-02T03:00:00Z,20.00,paid,,2026-05-02T03:00:00Z",
        "2026-05-02,o3,f,2026-05-02T01:00:00Z,5.00,paid,,2026-05-02T01:00:00Z");
    fixture.run(LocalDate.parse("2026-05-03"));
  }

  @Test
  void aCodeRoutingToThreeGroupsOnTwoDaysHasThemAsItsGroupsFromTheirFirstRouting() {
    // g1 (a's scan, 01:00) and g2 (e's scan, 02:00) on D1, g3 (f's scan) on D2; kol's g9 is staff's
    assertThat(fixture.rows("select code_id, group_id, cast(first_routing_day as string) as day from campaign_groups"
        + " order by code_id, group_id"))
        .extracting(r -> r.get("code_id"), r -> r.get("group_id"), r -> r.get("day"))
        .containsExactly(tuple("c1", "g1", "2026-05-01"), tuple("c1", "g2", "2026-05-01"), tuple("c1", "g3", "2026-05-02"),
            tuple("c2", "g4", "2026-05-01"));
  }

  @Test
  void campaignDailyCountsEachDayFromTheDefinitions() {
    // c1 D1: groups g1, g2 (both new); g1 full (a and b, capacity 2), g2 still empty; members a, b;
    //   scans s1-s3 by a, b, e (kol's s4 is staff's); scan joins a (10 min after), b (10 min after),
    //   not e (exactly 24 h): 2 of 3; code joins a, b, both joiners; a converted (o1, 10.00, two days
    //   after her join), b did not: 1 of 2; not final (D1 + 7 > R)
    // c1 D2: groups g1, g2, g3 (g3 new); full g1 (a, b) and g2 (e, a), not g3 (f, capacity 200);
    //   members a, b, e, f; scans s5 (f), s6 (a): f joined g3 30 min later, a joined g2, not g3: 1 of
    //   2; code joins e, f, a; joiners e, f (a's earliest code join is of D1); e converted (o2, 20.00),
    //   f paid before his join: 1 of 2
    // c2 D1: g4 (new; no capacity, never full), member x; no scans (rate null); x's code join, joiner,
    //   not converted: 0 of 1
    assertThat(fixture.rows("select cast(dt as string) as dt, code_id, groups, new_groups, full_groups, members, scans,"
        + " scanners, scan_joins, scan_join_rate, code_joins, joiners, converted, conversion_rate,"
        + " cast(gmv_in_window as string) as gmv, is_final from campaign_daily order by dt, code_id"))
        .extracting(r -> r.get("dt"), r -> r.get("code_id"), r -> r.get("groups"), r -> r.get("new_groups"),
            r -> r.get("full_groups"), r -> r.get("members"), r -> r.get("scans"), r -> r.get("scanners"),
            r -> r.get("scan_joins"), r -> r.get("scan_join_rate"), r -> r.get("code_joins"), r -> r.get("joiners"),
            r -> r.get("converted"), r -> r.get("conversion_rate"), r -> r.get("gmv"), r -> r.get("is_final"))
        .containsExactly(
            tuple("2026-05-01", "c1", 2L, 2L, 1L, 2L, 3L, 3L, 2L, 2 / 3.0, 2L, 2L, 1L, 0.5, "10.00", false),
            tuple("2026-05-01", "c2", 1L, 1L, 0L, 1L, 0L, 0L, 0L, null, 1L, 1L, 0L, 0.0, "0.00", false),
            tuple("2026-05-02", "c1", 3L, 1L, 2L, 4L, 2L, 2L, 1L, 0.5, 3L, 2L, 1L, 0.5, "20.00", false));
  }

  @Test
  void aDayWithoutScansCodeJoinsOrJoinersHasNoRow() {
    // D3: members are still in c1's groups, but nothing of the code happened
    List<Map<String, Object>> rows = fixture.rows("select * from campaign_daily where dt = DATE '2026-05-03'");
    assertThat(rows).isEmpty();
  }
}

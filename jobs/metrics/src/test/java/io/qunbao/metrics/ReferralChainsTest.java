package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * metrics.md, "Beyond the core tables", referral_daily and its terms: first join, generation, depth,
 * quick quit, repeat. All instants are UTC, 8 h before Shanghai's, so every event below falls on the
 * Shanghai day of its UTC date; the run date is 2026-05-03.
 */
class ReferralChainsTest extends LocalSparkTest {
  static FamilyFixture fixture;

  @BeforeAll
  static void landAndRun() {
    fixture = new FamilyFixture(spark, dir);
    fixture.landed.land("groups", FamilyFixture.GROUPS,
        "2026-05-01,g1,G1,camp,boss,2026-04-01T00:00:00Z,",
        "2026-05-01,g2,G2,camp,boss,2026-04-01T00:00:00Z,",
        "2026-05-01,g3,G3,traffic,boss,2026-04-01T00:00:00Z,",
        "2026-05-01,g4,G4,traffic,boss,2026-04-01T00:00:00Z,2026-05-02T04:00:00Z");
    fixture.landed.land("staff", FamilyFixture.STAFF, "2026-05-01,boss,owner", "2026-05-01,kol,koc");
    fixture.landed.land("chat", FamilyFixture.CHAT,
        // a chain of three generations in g3: a (by a link) -> b -> c -> d, a day apart
        "2026-05-01,a1,g3,a,2026-05-01T01:00:00Z,member_join,",
        "2026-05-01,b1,g3,b,2026-05-01T02:00:00Z,member_join,a",
        "2026-05-02,c1,g3,c,2026-05-02T02:00:00Z,member_join,b",
        "2026-05-03,d1,g3,d,2026-05-03T02:00:00Z,member_join,c",
        // p is invited by q, whose own first join (invited by a) comes two hours later; then p invites r
        "2026-05-01,p1,g1,p,2026-05-01T03:00:00Z,member_join,q",
        "2026-05-01,q1,g1,q,2026-05-01T05:00:00Z,member_join,a",
        "2026-05-02,r1,g1,r,2026-05-02T03:00:00Z,member_join,p",
        // s leaves 23:59:59 after joining, t exactly 24 h after
        "2026-05-01,s1,g2,s,2026-05-01T04:00:00Z,member_join,a",
        "2026-05-02,s2,g2,s,2026-05-02T03:59:59Z,member_leave,",
        "2026-05-01,t1,g2,t,2026-05-01T04:00:00Z,member_join,a",
        "2026-05-02,t2,g2,t,2026-05-02T04:00:00Z,member_leave,",
        // u joins camp by a link, then is invited into a second camp group
        "2026-05-01,u1,g1,u,2026-05-01T06:00:00Z,member_join,",
        "2026-05-02,u2,g2,u,2026-05-02T06:00:00Z,member_join,a",
        // v's interval in g4 ends 21 h later, when g4 is dissolved
        "2026-05-01,v1,g4,v,2026-05-01T07:00:00Z,member_join,a",
        // staff joins no interval; a staff invitation and a self-invitation are no referrals
        "2026-05-01,k1,g3,kol,2026-05-01T08:00:00Z,member_join,a",
        "2026-05-01,w1,g3,w,2026-05-01T08:00:00Z,member_join,kol",
        "2026-05-01,x1,g3,x,2026-05-01T08:00:00Z,member_join,x");
    fixture.run(LocalDate.parse("2026-05-03"));
  }

  private static Map<String, Object> referral(String type, String day) {
    List<Map<String, Object>> rows = fixture.rows("select * from referral_daily"
        + " where group_type = '" + type + "' and dt = DATE '" + day + "'");
    assertThat(rows).as(type + " " + day).hasSize(1);
    return rows.get(0);
  }

  private static Map<String, Object> classified(String member) {
    List<Map<String, Object>> rows = fixture.rows("select depth, is_quick_quit, is_repeat, is_net from classified_referrals"
        + " where member_id = '" + member + "'");
    assertThat(rows).as(member).hasSize(1);
    return rows.get(0);
  }

  @Test
  void aChainOfThreeGenerationsGoesOneDeeperEachLink() {
    // a's first join is by a link: generation 0. b's first join is invited by a, whose first join is
    // earlier: 1 + 0. c: 1 + 1, d: 1 + 2
    assertThat(fixture.rows("select member_id, generation from generations where member_id in ('a', 'b', 'c', 'd')"
        + " order by member_id"))
        .extracting(r -> r.get("member_id"), r -> r.get("generation"))
        .containsExactly(tuple("a", 0), tuple("b", 1), tuple("c", 2), tuple("d", 3));
    // so the traffic joins are of depth 1 (b, and v invited by a) on D1, 2 (c) on D2, 3 (d) on D3
    assertThat(referral("traffic", "2026-05-01"))
        .containsEntry("gen1_joins", 2L).containsEntry("gen2_joins", 0L).containsEntry("gen3plus_joins", 0L)
        .containsEntry("max_depth", 1);
    assertThat(referral("traffic", "2026-05-02"))
        .containsEntry("gen1_joins", 0L).containsEntry("gen2_joins", 1L).containsEntry("gen3plus_joins", 0L)
        .containsEntry("max_depth", 2);
    assertThat(referral("traffic", "2026-05-03"))
        .containsEntry("gen1_joins", 0L).containsEntry("gen2_joins", 0L).containsEntry("gen3plus_joins", 1L)
        .containsEntry("max_depth", 3);
  }

  @Test
  void anInviterWhoseFirstJoinIsLaterCountsAsGenerationZero() {
    // q's first join is invited by a (earlier): generation 1. p's first join (03:00) is invited by q,
    // whose first join (05:00) is later: p is of generation 1, not 1 + 1
    assertThat(fixture.rows("select member_id, generation from generations where member_id in ('p', 'q', 'r')"
        + " order by member_id"))
        .extracting(r -> r.get("member_id"), r -> r.get("generation"))
        .containsExactly(tuple("p", 1), tuple("q", 1), tuple("r", 2));
    // p's join has depth 1; r's, invited by p (first join earlier, generation 1), depth 2
    assertThat(classified("p")).containsEntry("depth", 1);
    assertThat(classified("r")).containsEntry("depth", 2);
  }

  @Test
  void aLeave23h59m59sAfterTheJoinIsAQuickQuitAndOneExactly24hLaterIsNot() {
    assertThat(classified("s")).containsEntry("is_quick_quit", true).containsEntry("is_net", false);
    assertThat(classified("t")).containsEntry("is_quick_quit", false).containsEntry("is_net", true);
  }

  @Test
  void aJoinEndedByTheGroupsDissolutionIsNoQuickQuit() {
    // v's interval ends 21 h after the join, but by g4's dissolution: nobody left
    assertThat(classified("v")).containsEntry("is_quick_quit", false).containsEntry("is_net", true);
  }

  @Test
  void aReferredJoinIntoASecondGroupOfTheTypeIsARepeat() {
    // u's first camp join is g1 (a link) on D1; the referred join into g2 on D2 is not it
    assertThat(classified("u")).containsEntry("is_repeat", true).containsEntry("is_quick_quit", false)
        .containsEntry("is_net", false).containsEntry("depth", 1);
  }

  @Test
  void referralDailyCountsEachDayAndTypeFromTheDefinitions() {
    // camp D1: p, q, s, t referred (u's g1 join has no inviter); s a quick quit: net 3; all depth 1;
    //   members p, q, u (g1), s, t (g2): 5, net_k_factor 3 / 5
    // camp D2: r (depth 2, net) and u (a repeat, depth 1): net 1; members p, q, u, r (g1), s, t (both
    //   present until their leaves on D2): 6
    // traffic D1: b and v (depth 1, net); kol is staff (no interval), w was invited by staff, x by
    //   herself: 2; members a, b, w, x (g3), v (g4): 5
    // traffic D2: c (depth 2): members a, b, c, w, x, and v until g4's dissolution: 6
    // traffic D3: d (depth 3): members a, b, c, d, w, x: 6
    // final when D + 1 <= R (2026-05-03)
    assertThat(fixture.rows("select cast(dt as string) as dt, group_type, referred_joins, net_referred_joins, quick_quits,"
        + " repeat_joins, net_k_factor, gen1_joins, gen2_joins, gen3plus_joins, max_depth, is_final from referral_daily"
        + " order by dt, group_type"))
        .extracting(r -> r.get("dt"), r -> r.get("group_type"), r -> r.get("referred_joins"), r -> r.get("net_referred_joins"),
            r -> r.get("quick_quits"), r -> r.get("repeat_joins"), r -> r.get("net_k_factor"), r -> r.get("gen1_joins"),
            r -> r.get("gen2_joins"), r -> r.get("gen3plus_joins"), r -> r.get("max_depth"), r -> r.get("is_final"))
        .containsExactly(
            tuple("2026-05-01", "camp", 4L, 3L, 1L, 0L, 3 / 5.0, 4L, 0L, 0L, 1, true),
            tuple("2026-05-01", "traffic", 2L, 2L, 0L, 0L, 2 / 5.0, 2L, 0L, 0L, 1, true),
            tuple("2026-05-02", "camp", 2L, 1L, 0L, 1L, 1 / 6.0, 1L, 1L, 0L, 2, true),
            tuple("2026-05-02", "traffic", 1L, 1L, 0L, 0L, 1 / 6.0, 0L, 1L, 0L, 2, true),
            tuple("2026-05-03", "traffic", 1L, 1L, 0L, 0L, 1 / 6.0, 0L, 0L, 1L, 3, false));
    // and the referred joins are type_daily's, day by day
    assertThat(fixture.rows("select cast(dt as string) as dt, group_type, referred_joins from type_daily"
        + " where referred_joins > 0 order by dt, group_type"))
        .extracting(r -> r.get("dt") + " " + r.get("group_type") + " " + r.get("referred_joins"))
        .containsExactly("2026-05-01 camp 4", "2026-05-01 traffic 2", "2026-05-02 camp 2", "2026-05-02 traffic 1",
            "2026-05-03 traffic 1");
  }
}

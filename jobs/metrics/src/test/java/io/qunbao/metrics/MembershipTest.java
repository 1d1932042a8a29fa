package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** metrics.md, "Membership" and cleaning rule 7: the walk, its tie rule, and dissolution. */
class MembershipTest extends LocalSparkTest {
  static FamilyFixture fixture;

  @BeforeAll
  static void landAndRun() {
    fixture = new FamilyFixture(spark, dir);
    fixture.landed.land("groups", FamilyFixture.GROUPS,
        "2026-05-01,g1,G1,camp,boss,2026-04-01T00:00:00Z,",
        "2026-05-01,g2,G2,camp,boss,2026-04-01T00:00:00Z,2026-05-02T12:00:00Z");
    fixture.landed.land("staff", FamilyFixture.STAFF, "2026-05-01,boss,owner");
    fixture.landed.land("chat", FamilyFixture.CHAT,
        // a: leave, message and join written in that order at one instant
        "2026-05-01,a3,g1,a,2026-05-01T02:00:00Z,member_leave,",
        "2026-05-01,a2,g1,a,2026-05-01T02:00:00Z,text,",
        "2026-05-01,a1,g1,a,2026-05-01T02:00:00Z,member_join,",
        // b: an implicit join, a join while present, a leave, a leave while absent
        "2026-05-01,b1,g1,b,2026-05-01T03:00:00Z,text,",
        "2026-05-01,b2,g1,b,2026-05-01T04:00:00Z,member_join,x",
        "2026-05-01,b3,g1,b,2026-05-01T05:00:00Z,member_leave,",
        "2026-05-01,b4,g1,b,2026-05-01T06:00:00Z,member_leave,",
        // staff join no interval
        "2026-05-01,s1,g1,boss,2026-05-01T01:00:00Z,member_join,",
        // c in g2: open at the dissolution (12:00), then a message after it that must be ignored
        "2026-05-01,c1,g2,c,2026-05-01T08:00:00Z,member_join,",
        "2026-05-02,c2,g2,c,2026-05-02T13:00:00Z,text,");
    fixture.run(LocalDate.parse("2026-05-02"));
  }

  private static List<Map<String, Object>> intervalsOf(String member) {
    return fixture.rows("select cast(join_at as string) as join_at, cast(leave_at as string) as leave_at, ended_by,"
        + " explicit_join from membership_intervals where member_id = '" + member + "' order by join_at");
  }

  @Test
  void joinMessageAndLeaveAtOneInstantMakeOneZeroLengthInterval() {
    // at one instant the walk takes join, then message, then leave, whatever the msg_id order:
    // join -> present, message while present, leave -> absent: [02:00, 02:00]
    assertThat(intervalsOf("a")).extracting(r -> r.get("join_at"), r -> r.get("leave_at"), r -> r.get("ended_by"), r -> r.get("explicit_join"))
        .containsExactly(tuple("2026-05-01 02:00:00", "2026-05-01 02:00:00", "leave", true));
  }

  @Test
  void aMessageWhileAbsentIsAnImplicitJoinAndRepeatsChangeNothing() {
    // b1 text while absent starts the interval; b2 join while present changes nothing;
    // b3 leave ends it; b4 leave while absent changes nothing: one interval [03:00, 05:00]
    assertThat(intervalsOf("b")).extracting(r -> r.get("join_at"), r -> r.get("leave_at"), r -> r.get("explicit_join"))
        .containsExactly(tuple("2026-05-01 03:00:00", "2026-05-01 05:00:00", false));
  }

  @Test
  void staffHaveNoMembership() {
    assertThat(intervalsOf("boss")).isEmpty();
  }

  @Test
  void anIntervalOpenAtTheDissolutionEndsThereAndIsNoLeave() {
    // c joined g2 at 08:00 on D1; g2 dissolved at D2 12:00; c's D2 13:00 message comes after it
    assertThat(intervalsOf("c")).extracting(r -> r.get("join_at"), r -> r.get("leave_at"), r -> r.get("ended_by"))
        .containsExactly(tuple("2026-05-01 08:00:00", "2026-05-02 12:00:00", "dissolution"));
    // D2 (Shanghai): c is a member, nobody left, and the ignored message counts nowhere
    assertThat(fixture.rows("select members, leaves, messages from group_daily where group_id = 'g2' and dt = DATE '2026-05-02'"))
        .containsExactly(Map.of("members", 1L, "leaves", 0L, "messages", 0L));
  }

  @Test
  void groupDailyCountsJoinsLeavesAndMembersOfTheWalk() {
    // g1 on 2026-05-01 (all events at 10:00-14:00 Shanghai): members a, b; joins a, b (one each);
    // leaves a (zero-length), b (b3); active a (a2), b (b1); messages a2, b1
    assertThat(fixture.rows("select members, joins, leaves, active_members, messages from group_daily"
        + " where group_id = 'g1' and dt = DATE '2026-05-01'"))
        .containsExactly(Map.of("members", 2L, "joins", 2L, "leaves", 2L, "active_members", 2L, "messages", 2L));
  }
}

package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * metrics.md, "Beyond the core tables", owner_daily: every column over the owner's groups that exist
 * on the day, a dissolved group among them. UTC instants, 8 h before Shanghai's (each falls on the
 * Shanghai day of its UTC date); the run date is 2026-05-03, dead-group thresholds the defaults (age
 * 7 days, fewer than 3 active customers in 7 days).
 */
class OwnerTest extends LocalSparkTest {
  static FamilyFixture fixture;

  @BeforeAll
  static void landAndRun() {
    fixture = new FamilyFixture(spark, dir);
    fixture.landed.land("groups", FamilyFixture.GROUPS,
        "2026-05-01,gA,A,traffic,boss,2026-04-01T00:00:00Z,",
        // gB is dissolved on D2 at 12:00 Shanghai
        "2026-05-01,gB,B,camp,boss,2026-04-01T00:00:00Z,2026-05-02T04:00:00Z",
        "2026-05-01,gC,C,vip,boss,2026-04-01T00:00:00Z,",
        // gD does not exist yet: created after the run date
        "2026-05-01,gD,D,sale,boss,2026-05-05T00:00:00Z,",
        "2026-05-01,gE,E,traffic,lee,2026-04-01T00:00:00Z,");
    fixture.landed.land("staff", FamilyFixture.STAFF, "2026-05-01,boss,owner", "2026-05-01,lee,owner", "2026-05-01,adm,admin");
    fixture.landed.land("chat", FamilyFixture.CHAT,
        "2026-05-01,m1,gA,a,2026-05-01T01:00:00Z,member_join,",
        "2026-05-01,m2,gB,a,2026-05-01T01:30:00Z,member_join,",
        "2026-05-01,m3,gB,b,2026-05-01T02:00:00Z,member_join,",
        "2026-05-01,m4,gA,boss,2026-05-01T03:00:00Z,text,",
        "2026-05-01,m5,gB,adm,2026-05-01T03:30:00Z,text,",
        "2026-05-01,m6,gA,a,2026-05-01T04:00:00Z,text,",
        "2026-05-01,m7,gB,b,2026-05-01T05:00:00Z,member_leave,",
        "2026-05-01,m8,gA,d,2026-05-01T06:00:00Z,text,",
        "2026-05-01,m9,gA,e,2026-05-01T06:00:00Z,text,",
        "2026-05-01,m10,gE,c,2026-05-01T02:00:00Z,member_join,",
        "2026-05-01,m11,gE,lee,2026-05-01T03:00:00Z,text,",
        "2026-05-01,m12,gE,boss,2026-05-01T04:00:00Z,text,",
        "2026-05-02,m13,gA,a,2026-05-02T02:00:00Z,text,",
        // at gB's dissolution instant (kept), and an hour after it (ignored)
        "2026-05-02,m14,gB,boss,2026-05-02T04:00:00Z,text,",
        "2026-05-02,m15,gB,boss,2026-05-02T05:00:00Z,text,");
    fixture.landed.land("orders", FamilyFixture.ORDERS,
        "2026-05-01,o1,a,2026-05-01T05:00:00Z,30.00,paid,gA,2026-05-01T05:00:00Z",
        "2026-05-01,o2,b,2026-05-01T06:00:00Z,12.00,paid,gB,2026-05-01T06:00:00Z",
        "2026-05-02,o4,c,2026-05-02T02:00:00Z,9.00,paid,gE,2026-05-02T02:00:00Z",
        // tagged with gB, which no longer exists on D3
        "2026-05-03,o3,a,2026-05-03T02:00:00Z,7.00,paid,gB,2026-05-03T02:00:00Z");
    fixture.run(LocalDate.parse("2026-05-03"));
  }

  @Test
  void ownerDailyCountsEachDayOverTheGroupsExistingOnItFromTheDefinitions() {
    // boss D1: gA, gB, gC exist (gD is created later): 3. Members a, d, e (gA), a, b (gB): 4, a once.
    //   Active a, d, e. Reached: by boss's m4 in gA at 03:00 a (d and e join at 06:00), by adm's m5 in
    //   gB a and b: 2. Official m4, m5 (boss's m12 is in lee's gE); boss's own: m4. Joins a, d, e (gA),
    //   a, b (gB): 5; leaves b. Orders o1 (gA), o2 (gB): 42.00. Dead: gB, gC (no active customer);
    //   gA has 3 active customers in 7 days
    // boss D2: gB is dissolved that day and still exists: 3. Members a, d, e; active a (m13); m14 at
    //   the dissolution instant is kept and reaches a (her gB interval ends there); m15 is after it.
    //   The dissolution ends a's interval, which is no leave. Dead: gB, gC
    // boss D3: gA, gC: 2. Members a, d, e, nobody active or reached (reach_rate 0, not null). o3 is
    //   attributed to gB, which no longer exists: no order. Dead: gC
    // lee D1: gE, member c, reached by lee's m11 and boss's m12 (both official), lee's own: m11; dead
    // lee D2: o4 (9.00, tagged gE); D3: nothing but c
    assertThat(fixture.rows("select cast(dt as string) as dt, owner_id, groups, members, active_members, reached_members,"
        + " reach_rate, activity_rate, official_messages, owner_messages, joins, leaves, orders, buyers,"
        + " cast(gmv as string) as gmv, dead_groups from owner_daily order by dt, owner_id"))
        .extracting(r -> r.get("dt"), r -> r.get("owner_id"), r -> r.get("groups"), r -> r.get("members"),
            r -> r.get("active_members"), r -> r.get("reached_members"), r -> r.get("reach_rate"), r -> r.get("activity_rate"),
            r -> r.get("official_messages"), r -> r.get("owner_messages"), r -> r.get("joins"), r -> r.get("leaves"),
            r -> r.get("orders"), r -> r.get("buyers"), r -> r.get("gmv"), r -> r.get("dead_groups"))
        .containsExactly(
            tuple("2026-05-01", "boss", 3L, 4L, 3L, 2L, 2 / 4.0, 3 / 4.0, 2L, 1L, 5L, 1L, 2L, 2L, "42.00", 2L),
            tuple("2026-05-01", "lee", 1L, 1L, 0L, 1L, 1.0, 0.0, 2L, 1L, 1L, 0L, 0L, 0L, "0.00", 1L),
            tuple("2026-05-02", "boss", 3L, 3L, 1L, 1L, 1 / 3.0, 1 / 3.0, 1L, 1L, 0L, 0L, 0L, 0L, "0.00", 2L),
            tuple("2026-05-02", "lee", 1L, 1L, 0L, 0L, 0.0, 0.0, 0L, 0L, 0L, 0L, 1L, 1L, "9.00", 1L),
            tuple("2026-05-03", "boss", 2L, 3L, 0L, 0L, 0.0, 0.0, 0L, 0L, 0L, 0L, 0L, 0L, "0.00", 1L),
            tuple("2026-05-03", "lee", 1L, 1L, 0L, 0L, 0.0, 0.0, 0L, 0L, 0L, 0L, 0L, 0L, "0.00", 1L));
  }
}

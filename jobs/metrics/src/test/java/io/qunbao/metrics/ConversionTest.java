package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * metrics.md, "Conversion (转化)" with a 2-day window, "Group health", and the null rates of
 * type_daily for zero denominators.
 */
class ConversionTest extends LocalSparkTest {
  static FamilyFixture fixture;

  @BeforeAll
  static void landAndRun() {
    fixture = new FamilyFixture(spark, dir);
    fixture.landed.land("groups", FamilyFixture.GROUPS,
        "2026-05-01,g1,G1,camp,boss,2026-04-01T00:00:00Z,",
        "2026-05-01,g2,G2,camp,boss,2026-04-01T00:00:00Z,",
        "2026-05-01,empty,E,vip,boss,2026-04-01T00:00:00Z,");
    fixture.landed.land("staff", FamilyFixture.STAFF, "2026-05-01,boss,owner");
    fixture.landed.land("chat", FamilyFixture.CHAT,
        // a's first join to camp is g2 on D1 (invited by b); the later g1 join does not count
        "2026-05-01,a1,g2,a,2026-05-01T01:00:00Z,member_join,b",
        "2026-05-01,a2,g1,a,2026-05-02T01:00:00Z,member_join,",
        "2026-05-01,b1,g1,b,2026-05-01T02:00:00Z,member_join,boss",
        "2026-05-03,c1,g1,c,2026-05-03T02:00:00Z,member_join,");
    fixture.landed.land("orders", FamilyFixture.ORDERS,
        // a: 1 ms before the 48 h window closes; b: exactly 48 h after the join (outside)
        "2026-05-03,o1,a,2026-05-03T00:59:59.999Z,10.00,paid,,2026-05-03T01:00:00Z",
        "2026-05-03,o2,b,2026-05-03T02:00:00Z,20.00,paid,,2026-05-03T02:00:00Z");
    fixture.run(LocalDate.parse("2026-05-03"), "metrics:\n  conversion-window-days: 2\n");
  }

  @Test
  void cohortsCountFirstJoinsConversionsInsideTheWindowAndFinality() {
    // D1 camp cohort: a (referred by customer b), b (invited by staff: not referred);
    // converted: a (o1 inside [join, join + 48 h)); gmv 10.00; final: D1 + 2 <= R (2026-05-03)
    assertThat(fixture.rows("select joiners, converted, conversion_rate, referred_joiners, referred_converted,"
        + " cast(gmv_in_window as string) as gmv_in_window, is_final from cohort_conversion"
        + " where group_type = 'camp' and dt = DATE '2026-05-01'"))
        .containsExactly(Map.of("joiners", 2L, "converted", 1L, "conversion_rate", 0.5, "referred_joiners", 1L,
            "referred_converted", 1L, "gmv_in_window", "10.00", "is_final", true));
    // D3 cohort (c): D3 + 2 > R, not final
    assertThat(fixture.rows("select is_final from cohort_conversion where dt = DATE '2026-05-03'"))
        .containsExactly(Map.of("is_final", false));
  }

  @Test
  void ratesWithAZeroDenominatorAreNull() {
    // vip has a group existing but no member, no scan, no buyer: every rate null
    assertThat(fixture.rows("select activity_rate, reach_rate, k_factor, scan_join_rate, repurchase_rate_30d, groups"
        + " from type_daily where group_type = 'vip' and dt = DATE '2026-05-01'"))
        .singleElement()
        .satisfies(row -> {
          assertThat(row.get("groups")).isEqualTo(1L);
          assertThat(row).containsEntry("activity_rate", null).containsEntry("reach_rate", null)
              .containsEntry("k_factor", null).containsEntry("scan_join_rate", null)
              .containsEntry("repurchase_rate_30d", null);
        });
  }

  @Test
  void anExistingGroupWithoutActivityIsADeadGroupRow() {
    // 'empty' was created 2026-04-01: age 30 on 2026-05-01 >= 7, 0 active < max(3, ceil(0)) = 3
    assertThat(fixture.rows("select age_days, members, active_7d, is_dead from group_health"
        + " where group_id = 'empty' and dt = DATE '2026-05-01'"))
        .containsExactly(Map.of("age_days", 30, "members", 0L, "active_7d", 0L, "is_dead", true));
  }
}

package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** metrics.md, "Group health": active_7d and messages_7d over D-6 … D. */
class GroupHealthTest extends LocalSparkTest {
  static FamilyFixture fixture;

  @BeforeAll
  static void landAndRun() {
    fixture = new FamilyFixture(spark, dir);
    fixture.landed.land("groups", FamilyFixture.GROUPS, "2026-05-01,h,H,camp,boss,2026-04-01T00:00:00Z,");
    fixture.landed.land("staff", FamilyFixture.STAFF, "2026-05-01,boss,owner");
    fixture.landed.land("chat", FamilyFixture.CHAT,
        // x speaks on May 1 (twice), 3 and 12; y on May 5 (10:00 Shanghai each)
        "2026-05-01,x1,h,x,2026-05-01T02:00:00Z,text,",
        "2026-05-01,x2,h,x,2026-05-01T03:00:00Z,text,",
        "2026-05-03,x3,h,x,2026-05-03T02:00:00Z,text,",
        "2026-05-05,y1,h,y,2026-05-05T02:00:00Z,text,",
        "2026-05-12,x4,h,x,2026-05-12T02:00:00Z,text,");
    fixture.run(LocalDate.parse("2026-05-14"), "");
  }

  @Test
  void aMemberCountsOnceOnEachDayWithinSixDaysOfOneOfTheirActiveDays() {
    // D: who spoke in D-6 … D, and how many messages
    //  1: x (1, 1)          = 1 active, 2 messages
    //  3: x (1, 3)          = 1 active (x once), 3
    //  5: x (1, 3), y (5)   = 2, 4
    //  9: x (3), y (5)      = 2, 2    (May 1 + 6 = May 7 is x's May 1's last day)
    // 10: y (5)             = 1, 1    (May 3 + 6 = May 9 was x's last day)
    // 11: y (5)             = 1, 1
    // 12: x (12)            = 1, 1    (May 5 + 6 = May 11 was y's last day)
    // 14: x (12)            = 1, 1
    assertThat(fixture.rows("select day(dt) as day, active_7d, messages_7d from group_health"
        + " where group_id = 'h' and day(dt) in (1, 3, 5, 9, 10, 11, 12, 14) order by dt"))
        .containsExactlyElementsOf(List.of(
            Map.of("day", 1, "active_7d", 1L, "messages_7d", 2L),
            Map.of("day", 3, "active_7d", 1L, "messages_7d", 3L),
            Map.of("day", 5, "active_7d", 2L, "messages_7d", 4L),
            Map.of("day", 9, "active_7d", 2L, "messages_7d", 2L),
            Map.of("day", 10, "active_7d", 1L, "messages_7d", 1L),
            Map.of("day", 11, "active_7d", 1L, "messages_7d", 1L),
            Map.of("day", 12, "active_7d", 1L, "messages_7d", 1L),
            Map.of("day", 14, "active_7d", 1L, "messages_7d", 1L)));
  }
}

package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** metrics.md, "Scan funnel": the half-open 24 h window, staff scans, one row per code and type. */
class ScanFunnelTest extends LocalSparkTest {
  static FamilyFixture fixture;

  @BeforeAll
  static void landAndRun() {
    fixture = new FamilyFixture(spark, dir);
    fixture.landed.land("groups", FamilyFixture.GROUPS, "2026-05-01,g1,G1,camp,boss,2026-04-01T00:00:00Z,");
    fixture.landed.land("staff", FamilyFixture.STAFF, "2026-05-01,kol,koc");
    fixture.landed.land("scans", FamilyFixture.SCANS,
        "2026-05-01,s1,2026-05-01T01:00:00Z,c1,poster,early,g1",
        "2026-05-01,s2,2026-05-01T01:00:00Z,c1,poster,late,g1",
        "2026-05-01,s3,2026-05-01T01:00:00Z,c1,poster,kol,g1",
        "2026-05-01,s4,2026-05-01T01:00:00Z,c1,poster,early,gOther");
    fixture.landed.land("chat", FamilyFixture.CHAT,
        // 'early' joins 1 ms before the window closes, 'late' exactly 24 h after the scan
        "2026-05-02,j1,g1,early,2026-05-02T00:59:59.999Z,member_join,",
        "2026-05-02,j2,g1,late,2026-05-02T01:00:00Z,member_join,",
        "2026-05-02,j3,g1,kol,2026-05-01T02:00:00Z,member_join,");
    fixture.run(LocalDate.parse("2026-05-02"));
  }

  @Test
  void aJoinExactly24HoursLaterIsNoScanJoin() {
    // code c1 into camp on 2026-05-01 (09:00 Shanghai): scans s1, s2 (kol's s3 is staff);
    // scanners early, late; scan_joins early only; rate 1/2
    assertThat(fixture.rows("select scans, scanners, scan_joins, scan_join_rate from channel_daily"
        + " where code_id = 'c1' and group_type = 'camp' and dt = DATE '2026-05-01'"))
        .containsExactly(Map.of("scans", 2L, "scanners", 2L, "scan_joins", 1L, "scan_join_rate", 0.5));
  }

  @Test
  void aCodeRoutingToTwoTypesHasTwoRows() {
    // s4 routed to gOther, which no snapshot lists: a second row under 'unknown', no join there
    assertThat(fixture.rows("select scans, scanners, scan_joins from channel_daily"
        + " where code_id = 'c1' and group_type = 'unknown'"))
        .containsExactly(Map.of("scans", 1L, "scanners", 1L, "scan_joins", 0L));
  }
}

package io.qunbao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableDiffTest {
  private static final List<String> KEY = List.of("dt", "group_type");

  @Test
  void equalTablesAgreeAcrossNumberFormsAndTheNullKey() {
    // given one table as CSV text (all strings) and as typed values: 3444.00 is the decimal 3444.00,
    // 0.8333333333333334 the double 5/6, and the unattributed row has a null group_type
    String asText = "SELECT * FROM (VALUES ('2026-10-01', 'traffic', '3444.00', '0.8333333333333334'),"
        + " ('2026-10-01', NULL, '10.00', NULL)) t(dt, group_type, gmv, reach_rate)";
    String typed = "SELECT * FROM (VALUES (DATE '2026-10-01', 'traffic', 3444.00::DECIMAL(18,2), 5 / 6::DOUBLE),"
        + " (DATE '2026-10-01', NULL, 10.00::DECIMAL(18,2), NULL)) t(dt, group_type, gmv, reach_rate)";

    // when they are compared, then there is no difference
    assertThat(TableDiff.differences("type_daily", KEY, asText, typed)).isEmpty();
  }

  @Test
  void everyDifferingCellMissingAndUnexpectedRowIsNamed() {
    // given an expected table of two rows and an actual one where traffic's gmv is off by one cent,
    // camp is missing and vip is extra
    String expected = "SELECT * FROM (VALUES ('2026-10-01', 'traffic', 3444.00), ('2026-10-01', 'camp', 99.00))"
        + " t(dt, group_type, gmv)";
    String actual = "SELECT * FROM (VALUES ('2026-10-01', 'traffic', 3444.01), ('2026-10-01', 'vip', 0.00))"
        + " t(dt, group_type, gmv)";

    // when they are compared
    List<String> differences = TableDiff.differences("type_daily", KEY, expected, actual);

    // then each of the three differences is one line
    assertThat(differences).containsExactly(
        "type_daily [2026-10-01, camp]: missing, expected {dt=2026-10-01, group_type=camp, gmv=99}",
        "type_daily [2026-10-01, traffic]: gmv expected 3444, got 3444.01",
        "type_daily [2026-10-01, vip]: unexpected row {dt=2026-10-01, group_type=vip, gmv=0}");
  }
}

package io.qunbao.reports.model;

import java.time.LocalDate;

/**
 * One changed value from {@code metrics/revisions}: {@code table}'s partition {@code day} changed
 * on {@code runDate}. {@code maturation}: the value was provisional when published (a cohort not
 * yet final, the last published day's scan joins) and filled in as designed; otherwise a final
 * value was restated. Rows written before revisions had a kind count as restatements.
 */
public record Revision(
    String table, LocalDate day, String key, String column, String oldValue, String newValue, LocalDate runDate, boolean maturation) {

  static Revision from(Row row) {
    LocalDate runDate = row.day("run_date");
    return new Revision(
        row.string("table_name"), row.day("dt"), row.string("row_key"), row.string("column_name"), row.string("old_value"),
        row.string("new_value"), runDate == null ? row.partitionDay() : runDate, "maturation".equals(row.string("kind")));
  }

  public boolean isRestatement() {
    return !maturation;
  }

  /** The group type of a {@code type_daily} or {@code cohort_conversion} row ({@code group_type=camp}); null for the unattributed row. */
  public String groupType() {
    String prefix = "group_type=";
    if (key == null || !key.startsWith(prefix)) return null;
    String type = key.substring(prefix.length());
    return type.equals("null") ? null : type;
  }
}

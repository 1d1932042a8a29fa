package io.qunbao.reports.model;

import java.time.LocalDate;

/** One restated value from {@code metrics/revisions}: {@code table}'s partition {@code day} changed on {@code runDate}. */
public record Revision(String table, LocalDate day, String key, String column, String oldValue, String newValue, LocalDate runDate) {

  static Revision from(Row row) {
    return new Revision(
        row.string("table_name"), row.day("dt"), row.string("row_key"), row.string("column_name"), row.string("old_value"),
        row.string("new_value"), row.day("run_date"));
  }
}

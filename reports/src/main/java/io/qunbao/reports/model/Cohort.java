package io.qunbao.reports.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of {@code cohort_conversion}: the customers whose first join to a type fell on {@code day}. */
public record Cohort(
    LocalDate day,
    String type,
    int windowDays,
    long joiners,
    long converted,
    Double conversionRate,
    long referredJoiners,
    long referredConverted,
    BigDecimal gmvInWindow,
    boolean isFinal) {

  static Cohort from(Row row) {
    return new Cohort(
        row.partitionDay(), row.string("group_type"), row.count("window_days").intValue(), row.count("joiners"),
        row.count("converted"), row.rate("conversion_rate"), row.count("referred_joiners"),
        row.count("referred_converted"), row.decimal("gmv_in_window"), row.flag("is_final"));
  }
}

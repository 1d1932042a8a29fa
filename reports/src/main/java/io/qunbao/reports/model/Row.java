package io.qunbao.reports.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One Parquet row as column name → value (strings, longs, doubles, booleans, decimals), with the
 * partition's day. Typed getters keep the tables' nulls: a null rate stays null, never 0.
 */
public record Row(LocalDate partitionDay, Map<String, Object> values) {

  public String string(String column) {
    Object value = values.get(column);
    return value == null ? null : value.toString();
  }

  public Long count(String column) {
    Object value = values.get(column);
    return value == null ? null : ((Number) value).longValue();
  }

  public Double rate(String column) {
    Object value = values.get(column);
    return value == null ? null : ((Number) value).doubleValue();
  }

  public BigDecimal decimal(String column) {
    Object value = values.get(column);
    if (value == null) return null;
    return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
  }

  /** A date column, whether stored as a date (days since 1970) or as {@code YYYY-MM-DD} text. */
  public LocalDate day(String column) {
    Object value = values.get(column);
    if (value == null) return null;
    if (value instanceof LocalDate d) return d;
    if (value instanceof Integer epochDay) return LocalDate.ofEpochDay(epochDay);
    return LocalDate.parse(value.toString().substring(0, 10));
  }

  public boolean flag(String column) {
    return Boolean.TRUE.equals(values.get(column));
  }
}

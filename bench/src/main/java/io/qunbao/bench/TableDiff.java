package io.qunbao.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The agreement check: two relations of one metric table (Qunbao's and DuckDB's Parquet, or a golden
 * CSV and a result), compared row by row on the table key, every other column by value. Numbers are
 * compared at 15 significant digits, which is exact for counts and decimal yuan and leaves rates a
 * relative tolerance far below 1e-9, so that {@code 3444.00} equals {@code 3444.0} and a CSV's
 * {@code 0.8333333333333334} equals the double it was printed from.
 */
public final class TableDiff {
  private static final MathContext SIGNIFICANT = new MathContext(15);

  private TableDiff() {}

  /**
   * The differences between {@code expectedSql} and {@code actualSql} (DuckDB queries), one line per
   * differing cell, missing row or unexpected row; empty when they agree.
   */
  public static List<String> differences(String table, List<String> keyColumns, String expectedSql, String actualSql) {
    Map<List<String>, Map<String, String>> expected = rowsByKey(expectedSql, keyColumns);
    Map<List<String>, Map<String, String>> actual = rowsByKey(actualSql, keyColumns);
    List<String> differences = new ArrayList<>();
    expected.forEach((key, expectedRow) -> {
      Map<String, String> actualRow = actual.get(key);
      if (actualRow == null) {
        differences.add(table + " " + key + ": missing, expected " + expectedRow);
        return;
      }
      expectedRow.forEach((column, expectedValue) -> {
        String actualValue = actualRow.get(column);
        if (!Objects.equals(expectedValue, actualValue)) {
          differences.add(table + " " + key + ": " + column + " expected " + expectedValue + ", got " + actualValue);
        }
      });
    });
    actual.forEach((key, actualRow) -> {
      if (!expected.containsKey(key)) {
        differences.add(table + " " + key + ": unexpected row " + actualRow);
      }
    });
    return differences;
  }

  private static Map<List<String>, Map<String, String>> rowsByKey(String sql, List<String> keyColumns) {
    Map<List<String>, Map<String, String>> rows = new TreeMap<>(TableDiff::compareKeys);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i), canonical(rs.getObject(i)));
        }
        List<String> key = keyColumns.stream().map(row::get).toList();
        if (rows.put(key, row) != null) {
          throw new IllegalStateException("two rows with the key " + keyColumns + " = " + key + " in " + sql);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read rows to compare: " + sql, e);
    }
    return rows;
  }

  private static String canonical(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString();
    try {
      return new BigDecimal(text).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException notANumber) {
      return text;
    }
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int order = Objects.compare(a.get(i), b.get(i),
          (x, y) -> x == null ? (y == null ? 0 : -1) : (y == null ? 1 : x.compareTo(y)));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}

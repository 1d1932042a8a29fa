package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.testkit.DuckDb;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads published tables back with DuckDB (the independent reader) and compares them with the
 * spec's expected CSV files: rows keyed by the table key, an empty cell is null, doubles with a
 * relative tolerance of 1e-9, everything else as text.
 */
final class PublishedTables {
  private PublishedTables() {}

  /**
   * The published rows of a metrics table, every partition, as column name to value; none when every
   * partition is empty (published days without rows have no file).
   */
  static List<Map<String, Object>> read(Path warehouse, String table) {
    Path folder = warehouse.resolve("metrics").resolve(table);
    try (var files = Files.find(folder, 2, (path, attributes) -> path.toString().endsWith(".parquet"))) {
      if (files.findAny().isEmpty()) {
        return List.of();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return DuckDb.query("select * from read_parquet('" + folder + "/*/*.parquet', hive_partitioning = true, union_by_name = true)");
  }

  /** The published rows of a curated table published whole (one folder, no partitions). */
  static List<Map<String, Object>> readCurated(Path warehouse, String table) {
    return DuckDb.query("select * from read_parquet('" + warehouse.resolve("curated").resolve(table) + "/*.parquet')");
  }

  /** The published rows of a curated table kept by day ({@code dt} partitions). */
  static List<Map<String, Object>> readCuratedByDay(Path warehouse, String table) {
    return DuckDb.query("select * from read_parquet('" + warehouse.resolve("curated").resolve(table)
        + "/*/*.parquet', hive_partitioning = true)");
  }

  /** The rows as sorted strings, to compare two tables whatever order their files hold them in. */
  static List<String> sorted(List<Map<String, Object>> rows) {
    return rows.stream().map(Object::toString).sorted().toList();
  }

  static List<Map<String, String>> expected(Path csv) {
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        rows.add(record.toMap());
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that the published rows are exactly the expected ones. */
  static void assertMatches(Path warehouse, String table, Path expectedCsv) {
    List<String> key = TableSpec.load(table).key();
    Map<String, Map<String, Object>> actual = new TreeMap<>();
    for (Map<String, Object> row : read(warehouse, table)) {
      actual.put(keyOf(key, row), row);
    }
    Map<String, Map<String, String>> expected = new TreeMap<>();
    for (Map<String, String> row : expected(expectedCsv)) {
      expected.put(keyOf(key, row), row);
    }
    assertThat(actual.keySet()).as(table + " row keys").containsExactlyElementsOf(expected.keySet());
    expected.forEach((rowKey, want) -> want.forEach((column, cell) -> {
      Object got = actual.get(rowKey).get(column);
      String where = table + " " + rowKey + " " + column;
      if (cell.isEmpty()) {
        assertThat(got).as(where).isNull();
      } else if (got instanceof Double d) {
        assertThat(d).as(where).isCloseTo(Double.parseDouble(cell), org.assertj.core.data.Percentage.withPercentage(1e-7));
      } else if (got instanceof BigDecimal decimal) {
        assertThat(decimal.toPlainString()).as(where).isEqualTo(cell);
      } else {
        assertThat(String.valueOf(got)).as(where).isEqualTo(cell);
      }
    }));
  }

  private static String keyOf(List<String> key, Map<String, ?> row) {
    StringBuilder text = new StringBuilder();
    for (String column : key) {
      Object value = row.get(column);
      text.append(column).append('=').append(value == null || "".equals(value) ? "null" : value).append(' ');
    }
    return text.toString().trim();
  }
}

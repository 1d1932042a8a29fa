package io.qunbao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The spec's worked example (shared/spec/example, beside the repository): its inbox and its expected tables. */
public final class WorkedExample {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final LocalDate RUN_DATE = LocalDate.parse("2026-10-03");
  public static final Path FOLDER = find();

  private WorkedExample() {}

  public static Path inbox() {
    return FOLDER.resolve("inbox");
  }

  /** The differences between {@code expected/<expectedCsv>} and the table written under {@code out/metrics}. */
  public static List<String> differences(String table, String expectedCsv, Path out) {
    String expected = "SELECT * FROM read_csv(" + quoted(FOLDER.resolve("expected").resolve(expectedCsv))
        + ", header = true, all_varchar = true)";
    return TableDiff.differences(table, List.of("dt", "group_type"), expected, "SELECT * FROM " + table(out, table));
  }

  /** A DuckDB relation over a metric table written under {@code out/metrics/<table>/dt=D/}. */
  public static String table(Path out, String table) {
    return "read_parquet(" + quoted(out.resolve("metrics").resolve(table).resolve("*").resolve("*.parquet"))
        + ", hive_partitioning = true, hive_types = {'dt': DATE})";
  }

  private static String quoted(Path path) {
    return "'" + path.toString().replace("'", "''") + "'";
  }

  private static Path find() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path example = dir.resolve("shared/spec/example");
      if (Files.isDirectory(example)) {
        return example;
      }
    }
    throw new IllegalStateException("shared/spec/example not found above " + Path.of("").toAbsolutePath());
  }
}

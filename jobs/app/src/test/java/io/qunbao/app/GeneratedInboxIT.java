package io.qunbao.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.testkit.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qunbao generate} then {@code qunbao ingest} of every day: exactly the bad rows the
 * generator wrote (its ground truth, {@code _generator/expected_rejects.csv}) are rejected, with the
 * same file, line and reason class.
 */
class GeneratedInboxIT {
  private static final List<String> DATES = List.of("2026-11-01", "2026-11-02", "2026-11-03");
  @TempDir Path root;

  @Test
  void theGeneratedInboxLandsWithExactlyItsBadRowsRejected() throws IOException {
    // given a small generated inbox of three days
    Path config = Files.writeString(root.resolve("qunbao.yml"), "inbox: " + root.resolve("inbox") + "\nwarehouse: "
        + root.resolve("warehouse") + "\nwork-dir: " + root.resolve("work") + "\n");
    assertThat(QunbaoCli.execute("--config", config.toString(), "generate", "--days", "3", "--groups", "24")).isZero();

    // when every day is ingested
    for (String date : DATES) {
      assertThat(QunbaoCli.execute("--config", config.toString(), "ingest", "--date", date)).as(date).isZero();
    }

    // then the rejects are exactly the generator's ground truth
    TreeSet<String> expected = new TreeSet<>();
    try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(root.resolve("inbox/_generator/expected_rejects.csv")))) {
      for (CSVRecord r : parser) {
        expected.add(r.get("file") + ":" + r.get("line") + ":" + r.get("reason_class"));
      }
    }
    List<Map<String, Object>> rejects = DuckDb.query("select file, line, reason_class from read_parquet('"
        + root.resolve("warehouse") + "/rejects/*/*/*.parquet')");
    TreeSet<String> actual = new TreeSet<>();
    rejects.forEach(r -> actual.add(r.get("file") + ":" + r.get("line") + ":" + r.get("reason_class")));
    assertThat(expected).isNotEmpty();
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(rejects).hasSameSizeAs(expected);
  }
}

package io.qunbao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qunbao.metrics.TableSpec;
import io.qunbao.testkit.DuckDb;
import io.qunbao.testkit.WebhookServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invariant of spec/metrics.md, "Runs, late data and recomputation", through the real nightly
 * job on generated data (late messages in the next day's export, refunds and cancellations days
 * later, rows repeated across exports, and a whole orders export folder dropped three nights late,
 * which the last night catches up): night after night gives every partition one full recomputation
 * over every export gives, and a forced rerun of the last night changes nothing. A night marked done
 * whose warehouse was restored from an older backup is rebuilt, not trusted. Each night that runs
 * sends its digest to the chat robot.
 */
class NightlyRecomputationIT {
  private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);
  private static final int DAYS = 4;
  private static final LocalDate LAST = FIRST.plusDays(DAYS - 1);

  @TempDir Path root;

  @Test
  void nightAfterNightEqualsOneFullRecomputationAndARerunChangesNothing() throws IOException {
    try (WebhookServer robot = WebhookServer.start()) {
      nightAfterNight(robot);
    }
  }

  private void nightAfterNight(WebhookServer robot) throws IOException {
    // given a small generated inbox, and two warehouses over it (the nightly one with a chat robot)
    Path nightly = config("nightly", "alerts:\n  webhook-url: " + robot.url("digest-key") + "\n");
    Path full = config("full", "");
    assertThat(cli(nightly, "generate", "--days", String.valueOf(DAYS), "--groups", "24",
        "--messages-per-group-per-day", "30", "--start-date", FIRST.toString())).isZero();
    // and the orders exported on the first day held back by the upstream tool: they arrive three nights late
    Path lateOrders = root.resolve("inbox/orders/" + FIRST);
    Path heldBack = root.resolve("held-back-orders");
    Files.move(lateOrders, heldBack);

    // when one warehouse runs the nightly job day by day, the late orders dropped before the last night ...
    Path backup = root.resolve("nightly-backup");
    for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
      if (day.equals(LAST)) {
        Files.move(heldBack, lateOrders);
        copy(root.resolve("nightly/warehouse"), backup);
      }
      assertThat(cli(nightly, "nightly", "--date", day.toString())).as("nightly " + day).isZero();
    }
    // (the last night caught them up: their partition is landed)
    assertThat(root.resolve("nightly/warehouse/raw/orders/export_date=" + FIRST + "/_SUCCESS")).exists();
    // ... and the other lands every day, then recomputes everything once
    for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
      assertThat(cli(full, "ingest", "--date", day.toString())).as("ingest " + day).isZero();
    }
    assertThat(cli(full, "backfill", "--full", "--to", LAST.toString())).isZero();

    // then every metric table holds the same rows in both
    assertSameTables();
    // and the nights did restate days already published (late rows, refunds): the test saw revisions
    long revisions = revisionCount();
    assertThat(revisions).isPositive();

    // when the last night is forced to run again: the same rows, and no new revision
    assertThat(cli(nightly, "nightly", "--date", LAST.toString(), "--force")).isZero();
    assertSameTables();
    assertThat(revisionCount()).isEqualTo(revisions);
    // and a plain rerun of a completed night is a no-op that succeeds
    assertThat(cli(nightly, "nightly", "--date", LAST.toString())).isZero();

    // and every night that ran (the forced one too) sent its digest: markdown within the robot's
    // 4096 bytes, naming its day and where its report is
    List<String> digests = robot.bodies().stream().map(NightlyRecomputationIT::markdownContent).toList();
    assertThat(digests).hasSize(DAYS + 1);
    for (int night = 0; night <= DAYS; night++) {
      LocalDate day = FIRST.plusDays(Math.min(night, DAYS - 1));
      assertThat(digests.get(night).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
      assertThat(digests.get(night)).startsWith("**群报日报 " + day + " 已生成**")
          .endsWith("`" + root.resolve("nightly/reports/" + day + "/index.html") + "`");
    }

    // when the warehouse is restored from the backup taken before the last night (work-dir kept), the
    // rerun of the last night does not trust "done": it rebuilds what the night had published
    deleteRecursively(root.resolve("nightly/warehouse"));
    copy(backup, root.resolve("nightly/warehouse"));
    assertThat(cli(nightly, "nightly", "--date", LAST.toString())).isZero();
    assertThat(root.resolve("nightly/warehouse/raw/orders/export_date=" + FIRST + "/_SUCCESS")).exists();
    assertThat(root.resolve("nightly/warehouse/metrics/type_daily/dt=" + LAST + "/_SUCCESS")).exists();
    assertSameTables();
  }

  private static String markdownContent(String body) {
    try {
      JsonNode message = new ObjectMapper().readTree(body);
      assertThat(message.path("msgtype").asText()).isEqualTo("markdown");
      return message.path("markdown").path("content").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Files.copy(source, to.resolve(from.relativize(source).toString()));
      }
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private void assertSameTables() throws IOException {
    for (String table : TableSpec.PUBLISHED_METRICS) {
      String nightlyRows = rows("nightly", table);
      String fullRows = rows("full", table);
      long onlyNightly = count("select * from " + nightlyRows + " except all select * from " + fullRows);
      long onlyFull = count("select * from " + fullRows + " except all select * from " + nightlyRows);
      assertThat(onlyNightly + onlyFull).as(table + ": rows in one warehouse only").isZero();
      assertThat(count("select * from " + fullRows)).as(table + " rows").isPositive();
    }
  }

  /** The table's rows (every partition with its dt), read by DuckDB. */
  private String rows(String warehouse, String table) throws IOException {
    Path folder = root.resolve(warehouse + "/warehouse/metrics/" + table);
    try (Stream<Path> files = Files.walk(folder)) {
      assertThat(files.anyMatch(f -> f.toString().endsWith(".parquet"))).as(folder + " has data").isTrue();
    }
    return "(select * exclude (dt), dt from read_parquet('" + folder + "/*/*.parquet', hive_partitioning = true))";
  }

  private long revisionCount() {
    return count("select * from read_parquet('" + root.resolve("nightly/warehouse/metrics/revisions") + "/*/*.parquet')");
  }

  private static long count(String query) {
    return ((Number) DuckDb.query("select count(*) as n from (" + query + ")").get(0).get("n")).longValue();
  }

  private Path config(String name, String extraYaml) throws IOException {
    Path dir = root.resolve(name);
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("qunbao.yml"), String.join("\n",
        "inbox: " + root.resolve("inbox"),
        "warehouse: " + dir.resolve("warehouse"),
        "reports: " + dir.resolve("reports"),
        "work-dir: " + dir.resolve("work"),
        // interpreted, not compiled: too few rows to repay compiling each stage (production's tests run
        // the same nights compiled)
        "spark:",
        "  conf:",
        "    spark.sql.codegen.wholeStage: \"false\"",
        "    spark.sql.codegen.factoryMode: NO_CODEGEN",
        extraYaml));
  }

  private static int cli(Path config, String... args) {
    String[] all = Stream.concat(Stream.of("--config", config.toString()), Stream.of(args)).toArray(String[]::new);
    return QunbaoCli.execute(all);
  }
}

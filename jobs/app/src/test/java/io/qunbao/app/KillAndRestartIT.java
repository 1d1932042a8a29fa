package io.qunbao.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.testkit.DuckDb;
import io.qunbao.testkit.SpecExample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: {@code qunbao ingest} in child JVMs. One run is killed with SIGKILL in the middle
 * of its orders step; the rerun of the same date resumes it and publishes the same rows as an
 * uninterrupted run. Then a rerun is a no-op and a forced rerun replaces the partitions with the
 * same rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillAndRestartIT {
  private static final String DATE = "2026-10-02";
  /** Big enough that the orders step runs for seconds, so the kill lands inside it. */
  private static final int ORDER_ROWS = 300_000;
  private static final int BAD_ORDER_ROWS = 10;
  private static final List<String> SOURCES = List.of("chat", "orders", "scans");

  @TempDir static Path root;
  static Path inbox;

  @BeforeAll
  static void givenAnInboxWithABigOrdersExport() throws IOException {
    inbox = root.resolve("inbox");
    Path example = SpecExample.inbox();
    copy(example.resolve("chat/2026-10-02/msgs.jsonl.gz"), inbox.resolve("chat/" + DATE + "/msgs.jsonl.gz"));
    copy(example.resolve("scans/2026-10-02/scans.csv.gz"), inbox.resolve("scans/" + DATE + "/scans.csv.gz"));
    Path orders = inbox.resolve("orders/" + DATE + "/orders.csv");
    Files.createDirectories(orders.getParent());
    try (BufferedWriter w = Files.newBufferedWriter(orders, StandardCharsets.UTF_8)) {
      w.write("order_id,buyer_id,paid_at,amount,status,group_id,updated_at\n");
      for (int i = 0; i < ORDER_ROWS; i++) {
        w.write("o" + i + ",u" + (i % 5000) + ",2026-10-02 10:00:00,\"¥1," + (100 + i % 900) + ".50\",paid,g" + (i % 300)
            + ",2026-10-02 10:00:00\n");
        if (i % (ORDER_ROWS / BAD_ORDER_ROWS) == 0) {
          w.write("bad" + i + ",u1,2026-10-02 10:00:00,12.345,paid,,2026-10-02 10:00:00\n");
        }
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
  }

  /** A config with its own work-dir (job repository, lock) and warehouse. */
  private static Path config(String name) throws IOException {
    Path dir = root.resolve(name);
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("qunbao.yml"), "inbox: " + inbox + "\nwarehouse: " + dir.resolve("warehouse")
        + "\nwork-dir: " + dir.resolve("work") + "\n");
  }

  private static Path warehouse(String name) {
    return root.resolve(name).resolve("warehouse");
  }

  private static Process start(String name, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", System.getProperty("java.class.path"), QunbaoCli.class.getName(),
        "--config", config(name).toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Runs qunbao to its end; returns exit code and log. */
  private static Run run(String name, String... args) throws Exception {
    Path log = Files.createTempFile(root, name, ".log");
    Process process = start(name, log, args);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("qunbao finished").isTrue();
    return new Run(process.exitValue(), Files.readString(log));
  }

  private record Run(int exitCode, String log) {}

  @Test
  @Order(1)
  void aKilledRunResumesAndPublishesTheSameRowsAsACleanRun() throws Exception {
    // given an uninterrupted run of the date
    Run clean = run("clean", "ingest", "--date", DATE);
    assertThat(clean.exitCode()).as(clean.log()).isZero();

    // when a second run is killed (SIGKILL) while its orders step is writing into staging
    Path log = Files.createTempFile(root, "killed", ".log");
    Process victim = start("crashed", log, "ingest", "--date", DATE);
    Path crashed = warehouse("crashed");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!(Files.exists(crashed.resolve("raw/chat/export_date=" + DATE + "/_SUCCESS")) && stagedParquet(crashed))) {
      assertThat(victim.isAlive()).as("the run ended before it could be killed: " + Files.readString(log)).isTrue();
      assertThat(System.nanoTime()).as("staging never filled").isLessThan(deadline);
      Thread.sleep(10);
    }
    victim.destroyForcibly().waitFor();
    // then the orders step left nothing published
    assertThat(crashed.resolve("raw/orders/export_date=" + DATE)).doesNotExist();

    // when the same date is run again
    Run resumed = run("crashed", "ingest", "--date", DATE);
    // then it says it found the dead run, skips the completed chat step and redoes orders
    assertThat(resumed.exitCode()).as(resumed.log()).isZero();
    assertThat(resumed.log()).contains("no process holds the run lock").doesNotContain("ingestChat " + DATE + ": read")
        .contains("ingestOrders " + DATE + ": read " + (ORDER_ROWS + BAD_ORDER_ROWS) + ", written " + ORDER_ROWS
            + ", rejected " + BAD_ORDER_ROWS);
    // and the published rows are those of the clean run
    assertSameRows(warehouse("clean"), crashed);
  }

  @Test
  @Order(2)
  void aRerunOfACompletedDateIsANoOp() throws Exception {
    Path success = warehouse("crashed").resolve("raw/orders/export_date=" + DATE + "/_SUCCESS");
    FileTime before = Files.getLastModifiedTime(success);
    Run again = run("crashed", "ingest", "--date", DATE);
    assertThat(again.exitCode()).isZero();
    assertThat(again.log()).contains("ingest " + DATE + ": already done, nothing to do (use --force");
    assertThat(Files.getLastModifiedTime(success)).isEqualTo(before);
  }

  @Test
  @Order(3)
  void aForcedRerunReplacesThePartitionsWithTheSameRows() throws Exception {
    Path success = warehouse("crashed").resolve("raw/orders/export_date=" + DATE + "/_SUCCESS");
    FileTime before = Files.getLastModifiedTime(success);
    Run forced = run("crashed", "ingest", "--date", DATE, "--force");
    assertThat(forced.exitCode()).as(forced.log()).isZero();
    assertThat(forced.log()).contains("ingestChat " + DATE + ": read", "ingestOrders " + DATE + ": read");
    assertThat(Files.getLastModifiedTime(success)).isGreaterThan(before);
    assertSameRows(warehouse("clean"), warehouse("crashed"));
  }

  private static boolean stagedParquet(Path warehouse) throws IOException {
    Path staging = warehouse.resolve("_staging");
    if (!Files.isDirectory(staging)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(staging)) {
      return files.anyMatch(p -> p.getFileName().toString().equals("part-00000.parquet"));
    }
  }

  /** Every raw and rejects table of the date holds the same rows (as a multiset) in both warehouses. */
  private static void assertSameRows(Path expected, Path actual) {
    for (String source : SOURCES) {
      for (String layer : List.of("raw", "rejects")) {
        String a = "read_parquet('" + expected.resolve(layer + "/" + source + "/export_date=" + DATE) + "/*.parquet')";
        String b = "read_parquet('" + actual.resolve(layer + "/" + source + "/export_date=" + DATE) + "/*.parquet')";
        long onlyInExpected = (long) DuckDb.query("select count(*) as n from (select * from " + a
            + " except all select * from " + b + ")").get(0).get("n");
        long onlyInActual = (long) DuckDb.query("select count(*) as n from (select * from " + b
            + " except all select * from " + a + ")").get(0).get("n");
        long rows = (long) DuckDb.query("select count(*) as n from " + b).get(0).get("n");
        assertThat(onlyInExpected + onlyInActual).as(layer + "/" + source + " differs").isZero();
        if (layer.equals("raw")) {
          assertThat(rows).as("raw/" + source + " rows").isGreaterThan(0);
        }
      }
    }
  }
}

package io.qunbao.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.testkit.DuckDb;
import io.qunbao.testkit.PostgresServer;
import io.qunbao.testkit.SpecExample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spring Batch's job repository in a real PostgreSQL: a run killed (kill -9) in the middle of a
 * step is restarted from what PostgreSQL recorded, skipping the steps it had completed.
 */
class PostgresJobRepositoryIT {
  private static final String DAY = "2026-10-01";
  /** Enough orders that their step runs for a few seconds, long enough to be killed in the middle. */
  private static final int ORDERS = 400_000;

  @TempDir static Path tmp;
  static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() {
    Assumptions.assumeTrue(PostgresServer.installation().isPresent(),
        "SKIPPED: PostgreSQL is not installed here (apt-get install postgresql; scripts/setup-system does it)");
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aRunKilledMidStepRestartsFromTheRepositoryInPostgres() throws Exception {
    // given: the example's exports of 2026-10-01 plus a large orders export of that day, and a
    // config whose job repository is the PostgreSQL database
    Path inbox = inboxWithLargeOrders();
    Path config = Files.writeString(tmp.resolve("qunbao.yml"), String.join("\n",
        "inbox: " + inbox,
        "warehouse: " + tmp.resolve("warehouse"),
        "work-dir: " + tmp.resolve("work"),
        "job-repository:",
        "  url: " + postgres.jdbcUrl(),
        "  username: " + PostgresServer.USER, ""));

    // when: the ingest runs, and is killed while its orders step runs (the chat step is done)
    Process first = qunbao(config, tmp.resolve("first.log"));
    awaitStep("ingestOrders", "STARTED", first);
    first.destroyForcibly().waitFor();

    // then: PostgreSQL holds one execution, stuck at STARTED, whose chat step completed
    assertThat(query("select status from batch_job_execution")).containsExactly("STARTED");
    assertThat(query("select step_name || ' ' || status from batch_step_execution order by step_execution_id"))
        .startsWith("ingestChat COMPLETED", "ingestOrders STARTED");

    // when: the same command runs again
    Process second = qunbao(config, tmp.resolve("second.log"));
    assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();

    // then: it succeeded, as a restart of the same job instance: the killed execution is FAILED, the
    // new one COMPLETED, and the new one ran every step but the chat step completed before the kill
    assertThat(second.exitValue()).as(Files.readString(tmp.resolve("second.log"))).isZero();
    assertThat(query("select count(*) from batch_job_instance")).containsExactly("1");
    assertThat(query("select status from batch_job_execution order by job_execution_id")).containsExactly("FAILED", "COMPLETED");
    assertThat(query("select step_name from batch_step_execution where job_execution_id = "
        + "(select max(job_execution_id) from batch_job_execution) order by step_execution_id"))
        .containsExactly("ingestOrders", "ingestScans", "ingestGroups", "ingestStaff");
    // then: every generated order is landed once (the killed attempt published nothing)
    assertThat(DuckDb.query("select count(*) as n, count(distinct order_id) as ids from read_parquet('"
        + tmp.resolve("warehouse/raw/orders/export_date=" + DAY) + "/*.parquet')").get(0))
        .containsEntry("n", (long) ORDERS).containsEntry("ids", (long) ORDERS);
  }

  /** The example inbox's 2026-10-01 exports, and orders o0 .. o399999 (all valid, all paid). */
  private static Path inboxWithLargeOrders() throws IOException {
    Path inbox = tmp.resolve("inbox");
    for (String source : List.of("chat", "scans", "groups", "staff")) {
      Path from = SpecExample.inbox().resolve(source).resolve(DAY);
      Path to = Files.createDirectories(inbox.resolve(source).resolve(DAY));
      try (var files = Files.list(from)) {
        for (Path file : files.toList()) {
          Files.copy(file, to.resolve(file.getFileName()));
        }
      }
    }
    Path orders = Files.createDirectories(inbox.resolve("orders").resolve(DAY)).resolve("orders.csv");
    try (BufferedWriter out = Files.newBufferedWriter(orders, StandardCharsets.UTF_8)) {
      out.write("order_id,buyer_id,paid_at,amount,status,group_id,updated_at\n");
      for (int i = 0; i < ORDERS; i++) {
        out.write("o" + i + ",u" + (i % 5000) + ",2026-10-01 10:30:00,99.00,paid,gA,2026-10-01 10:30:00\n");
      }
    }
    return inbox;
  }

  private static Process qunbao(Path config, Path log) throws IOException {
    return new ProcessBuilder(Repository.root().resolve("scripts/qunbao").toString(), "--config", config.toString(),
        "ingest", "--date", DAY).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Polls the repository until {@code step} has {@code status}; fails if the run ends first. */
  private static void awaitStep(String step, String status, Process run) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (!run.isAlive()) {
        throw new AssertionError("the run ended (exit " + run.exitValue() + ") before " + step + " was " + status
            + ": " + Files.readString(tmp.resolve("first.log")));
      }
      try {
        if (query("select status from batch_step_execution where step_name = '" + step + "'").contains(status)) {
          return;
        }
      } catch (SQLException tablesNotCreatedYet) {
        // the run creates the schema on its first start
      }
      Thread.sleep(50);
    }
    throw new AssertionError(step + " never reached " + status);
  }

  private static List<String> query(String sql) throws SQLException {
    try (Connection c = postgres.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }
}

package io.qunbao.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.common.ExitCode;
import io.qunbao.testkit.DuckDb;
import io.qunbao.testkit.SpecExample;
import io.qunbao.testkit.WebhookServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/qunbao-cron as cron runs it: under {@code env -i} (no PATH, no HOME), with only JAVA_HOME
 * given, as the documented crontab line does. Runs the real scripts/qunbao on the spec's example inbox.
 */
class QunbaoCronIT {
  private static final Path SCRIPT = Repository.root().resolve("scripts/qunbao-cron");

  @TempDir Path tmp;

  @Test
  void twoOverlappingRunsOneRunsTheOtherIsRefused() throws Exception {
    // given: a config whose work-dir and warehouse are fresh
    Path config = config(tmp);

    // when: cron starts the script twice at the same moment
    Process first = cron(tmp.resolve("first.err"), "--config", config.toString(), "--date", "2026-10-01", "--command", "ingest");
    Process second = cron(tmp.resolve("second.err"), "--config", config.toString(), "--date", "2026-10-01", "--command", "ingest");
    List<Integer> codes = List.of(exitCode(first), exitCode(second));

    // then: one ran (0) and one was refused with LOCKED (4) and a message saying so
    assertThat(codes).containsExactlyInAnyOrder(ExitCode.OK.code(), ExitCode.LOCKED.code());
    Path refused = codes.get(0) == ExitCode.LOCKED.code() ? tmp.resolve("first.err") : tmp.resolve("second.err");
    assertThat(Files.readString(refused)).contains("another run").contains("holds").contains("nothing was done");

    // then: the run that ran wrote one log and landed the day: scans.csv of 2026-10-01 has 9 rows,
    // of which lines 8, 9, 10 are rejects (spec/example/expected/rejected_rows.csv), so 6 are landed
    List<Path> logs = logs(tmp.resolve("work"));
    assertThat(logs).hasSize(1);
    assertThat(Files.readString(logs.get(0))).contains("ingest for 2026-10-01 done");
    List<Map<String, Object>> scans = DuckDb.query("select scan_id from read_parquet('"
        + tmp.resolve("warehouse/raw/scans/export_date=2026-10-01") + "/*.parquet') order by scan_id");
    assertThat(scans).extracting(r -> r.get("scan_id")).containsExactly("sc1", "sc2", "sc3", "sc4", "sc5", "sc7");
  }

  @Test
  void aBackfillStopsAtTheFirstFailingDateAndOldLogsRotate() throws Exception {
    // given: three logs of earlier runs, and a range whose second day has no exports at all
    // (the example inbox has exports dated 2026-10-01 to 10-04 only); and a webhook robot
    WebhookServer robot = WebhookServer.start();
    Path config = Files.writeString(config(tmp), "alerts:\n  webhook-url: " + robot.url("k") + "\n",
        StandardOpenOption.APPEND);
    Path logDir = Files.createDirectories(tmp.resolve("work/logs"));
    for (String old : List.of("20260101T000000Z-1", "20260102T000000Z-1", "20260103T000000Z-1")) {
      Files.writeString(logDir.resolve("qunbao-cron-" + old + ".log"), "old\n");
    }

    // when: the range 2026-10-04 .. 2026-10-06 is backfilled keeping 2 logs
    Path err = tmp.resolve("backfill.err");
    int code = exitCode(cron(err, "--config", config.toString(), "--from", "2026-10-04", "--to", "2026-10-06",
        "--command", "ingest", "--keep-logs", "2"));

    // then: 10-04 ran, 10-05 failed with NO_EXPORTS (5) and the message names it; 10-06 never ran
    assertThat(code).isEqualTo(ExitCode.NO_EXPORTS.code());
    String messages = Files.readString(err);
    assertThat(messages).contains("ingest for 2026-10-04 done")
        .contains("ingest for 2026-10-05 failed with exit code 5")
        .doesNotContain("2026-10-06 done").doesNotContain("for 2026-10-06 failed");
    assertThat(Files.exists(tmp.resolve("warehouse/raw/chat/export_date=2026-10-04/_SUCCESS"))).isTrue();
    // then: of the three old logs only the newest is kept, beside this run's
    assertThat(logs(tmp.resolve("work"))).extracting(p -> p.getFileName().toString())
        .hasSize(2).contains("qunbao-cron-20260103T000000Z-1.log");
    // then: the failed day alerted once, naming the day, the code and the job's own line
    robot.close();
    assertThat(robot.bodies()).singleElement().asString().contains("ingest for 2026-10-05 ended with exit code 5",
        "NO_EXPORTS", "qunbao: no exports for 2026-10-05");
  }

  @Test
  void aBadDateIsAUsageErrorThatAlerts() throws Exception {
    try (WebhookServer robot = WebhookServer.start()) {
      Path config = Files.writeString(config(tmp), "alerts:\n  webhook-url: " + robot.url("k") + "\n",
          StandardOpenOption.APPEND);
      Path err = tmp.resolve("usage.err");
      assertThat(exitCode(cron(err, "--config", config.toString(), "--date", "2026-02-30"))).isEqualTo(ExitCode.USAGE.code());
      assertThat(Files.readString(err)).contains("'2026-02-30' is not a date");
      assertThat(robot.bodies()).singleElement().asString().contains("exit code 2", "'2026-02-30' is not a date");
    }
  }

  private static Path config(Path tmp) throws IOException {
    return Files.writeString(tmp.resolve("qunbao.yml"), String.join("\n",
        "inbox: " + SpecExample.inbox(),
        "warehouse: " + tmp.resolve("warehouse"),
        "reports: " + tmp.resolve("reports"),
        "work-dir: " + tmp.resolve("work"),
        "timezone: Asia/Shanghai", ""), StandardCharsets.UTF_8);
  }

  /** The script under a bare environment, as cron starts it; stdout and stderr go to {@code err}. */
  private static Process cron(Path err, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("env", "-i", "JAVA_HOME=" + System.getProperty("java.home"), SCRIPT.toString()));
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(err.toFile()).start();
  }

  private static int exitCode(Process process) throws InterruptedException {
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("qunbao-cron did not finish within 5 minutes");
    }
    return process.exitValue();
  }

  private static List<Path> logs(Path workDir) throws IOException {
    try (Stream<Path> files = Files.list(workDir.resolve("logs"))) {
      return files.filter(p -> p.getFileName().toString().startsWith("qunbao-cron-")).sorted().toList();
    }
  }
}

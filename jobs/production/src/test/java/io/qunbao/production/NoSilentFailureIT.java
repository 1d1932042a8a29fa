package io.qunbao.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qunbao.common.ExitCode;
import io.qunbao.testkit.SpecExample;
import io.qunbao.testkit.WebhookServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures as cron meets them, each reproduced through {@code scripts/qunbao-cron} (under {@code env -i},
 * as the crontab line runs it) or {@code scripts/qunbao}: every non-zero exit reaches the webhook robot on
 * 127.0.0.1 as a real HTTP POST naming the date, the command, the exit code, the last meaningful log line
 * and the log; and the errors name their cause. One inbox serves them all: the spec example's chat of
 * 2026-10-01 and an orders export of that day without its amount column. Most need no Spark: a JVM that
 * fails at start, a config error or an ingest shows the failure.
 */
class NoSilentFailureIT {
  private static final Path CRON = Repository.root().resolve("scripts/qunbao-cron");
  private static final Path QUNBAO = Repository.root().resolve("scripts/qunbao");
  private static final String DAY = "2026-10-01";

  @TempDir static Path tmp;
  static WebhookServer robot;
  static Path inbox;

  @BeforeAll
  static void givenAnInboxAndARobot() throws IOException {
    robot = WebhookServer.start();
    inbox = tmp.resolve("inbox");
    Path chat = Files.createDirectories(inbox.resolve("chat/" + DAY));
    Files.copy(SpecExample.inbox().resolve("chat/" + DAY + "/msgs.jsonl"), chat.resolve("msgs.jsonl"));
    StringBuilder orders = new StringBuilder("order_id,buyer_id,status,updated_at\n");
    for (int i = 0; i < 13; i++) {
      orders.append("o").append(i).append(",u1,paid,2026-10-01 10:00:00\n");
    }
    Path ordersFolder = Files.createDirectories(inbox.resolve("orders/" + DAY));
    Files.writeString(ordersFolder.resolve("ORDERS.CSV"), orders);
  }

  @AfterAll
  static void stopRobot() {
    robot.close();
  }

  @Test
  void aConfigErrorAlerts() throws Exception {
    Path config = config("config-error", "nonsense: 1\n");
    Run run = cron(config, List.of(), "--date", DAY, "--command", "ingest");
    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(alertAfter(run)).contains("ingest for 2026-10-01 ended with exit code 2", "USAGE",
        "qunbao: unknown config key 'nonsense'", "log: " + tmp.resolve("work-config-error/logs/qunbao-cron-"));
  }

  @Test
  void aGateOfAnIngestAlertsNamingTheFileAndTheMissingColumn() throws Exception {
    // ORDERS.CSV is found whatever its case, and its 13 rows without amount fail the gate though under 100
    Run run = cron(config("gate", ""), List.of(), "--date", DAY, "--command", "ingest");
    assertThat(run.code()).isEqualTo(ExitCode.DATA_QUALITY.code());
    assertThat(alertAfter(run)).contains("exit code 3", "DATA_QUALITY",
        "orders/2026-10-01/ORDERS.CSV: required column amount (实付金额) is not in the header (13 of 13 rows rejected)");
    assertThat(tmp.resolve("warehouse-gate/rejects/orders/export_date=" + DAY + "/rejects.jsonl")).exists();
    assertThat(tmp.resolve("warehouse-gate/raw/orders")).doesNotExist();
  }

  @Test
  void aJvmOutOfMemoryAlerts() throws Exception {
    Run run = cron(config("oom", ""), List.of("QUNBAO_JAVA_OPTS=-Xmx16m"), "--date", DAY, "--command", "ingest");
    assertThat(run.code()).isEqualTo(ExitCode.FAILED.code());
    assertThat(alertAfter(run)).contains("ingest for 2026-10-01 ended with exit code 1", "java.lang.OutOfMemoryError");
  }

  @Test
  void aJvmKilledWithSigkillAlerts() throws Exception {
    Path config = config("killed", "");
    int before = robot.bodies().size();
    Process cron = start(tmp.resolve("killed.out"), config, List.of(), "--date", DAY, "--command", "nightly");
    ProcessHandle jvm = awaitDescendant(cron, "io.qunbao.app.QunbaoCli");
    jvm.destroyForcibly();
    int code = exitCode(cron);
    assertThat(code).isEqualTo(128 + 9);
    assertThat(alertAfter(new Run(code, "", before))).contains("nightly for 2026-10-01 ended with exit code 137",
        "KILLED: the JVM was killed by signal 9 (KILL)");
  }

  @Test
  void aSecondNightSkippedForTheLockAlertsTheFirstDoesNot() throws Exception {
    // given: another run holds the cron lock of the work-dir
    Path config = config("locked", "");
    Path lock = Files.createDirectories(tmp.resolve("work-locked")).resolve("qunbao-cron.lock");
    Process holder = new ProcessBuilder("flock", lock.toString(), "sh", "-c", "echo held; exec sleep 120").start();
    try {
      new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
      // when: two nights in a row find it held
      int before = robot.bodies().size();
      Run first = cron(config, List.of(), "--date", DAY);
      assertThat(first.code()).isEqualTo(ExitCode.LOCKED.code());
      assertThat(robot.bodies()).hasSize(before);
      Run second = cron(config, List.of(), "--date", "2026-10-02");
      // then: the first skip is quiet, the second alerts
      assertThat(second.code()).isEqualTo(ExitCode.LOCKED.code());
      assertThat(alertAfter(second)).contains("exit code 4", "another run", "2 runs in a row skipped");
      // and a robot that refuses the third alert is one line, and the exit code stands
      robot.answerWith(WebhookServer.INVALID_KEY_ANSWER);
      Run third = cron(config, List.of(), "--date", "2026-10-03");
      assertThat(third.code()).isEqualTo(ExitCode.LOCKED.code());
      assertThat(third.output()).contains("alert to the webhook at 127.0.0.1 not sent: ").doesNotContain("robot-key");
    } finally {
      robot.answerWith("{\"errcode\":0,\"errmsg\":\"ok\"}");
      holder.destroyForcibly().waitFor();
    }
  }

  @Test
  void aWarehouseOnAReadOnlyFileSystemIsAUsageErrorWithThePathAndTheSystemsWords() throws Exception {
    assumeTrue(canMount(), "needs root to mount a file system in a mount namespace of its own");
    // given: the warehouse folder is a read-only mount (as root, file modes do not stop a write)
    Path warehouse = Files.createDirectories(tmp.resolve("warehouse-read-only"));
    Path config = config("read-only", "");
    // when: cron runs the ingest with that mount in place
    Run run = run(tmp.resolve("read-only.out"), List.of("unshare", "-m", "sh", "-c",
        "mount -t tmpfs -o ro,size=64k tmpfs \"$0\" && exec \"$@\"", warehouse.toString(), "env", "-i",
        "JAVA_HOME=" + System.getProperty("java.home"), CRON.toString(), "--config", config.toString(),
        "--date", DAY, "--command", "ingest"));
    // then: exit 2 before any work, one line naming the folder and the system's words, and an alert
    assertThat(run.code()).as(run.output()).isEqualTo(ExitCode.USAGE.code());
    String line = "qunbao: warehouse " + warehouse + " cannot be written: Read-only file system";
    assertThat(log("read-only")).contains(line).doesNotContain("\tat ");
    assertThat(alertAfter(run)).contains(line);
  }

  @Test
  void aDiskThatFillsDuringTheMetricsSaysSoInOneLineWithThePath() throws Exception {
    assumeTrue(canMount(), "needs root to mount a file system in a mount namespace of its own");
    // given: a day landed on a small file system that then has only a little room left
    Path warehouse = Files.createDirectories(tmp.resolve("warehouse-full"));
    Path config = config("full", "");
    Path chatOnly = tmp.resolve("inbox-chat-only");
    Files.createDirectories(chatOnly.resolve("chat/" + DAY));
    Files.copy(inbox.resolve("chat/" + DAY + "/msgs.jsonl"), chatOnly.resolve("chat/" + DAY + "/msgs.jsonl"));
    Files.writeString(config, Files.readString(config).replace("inbox: " + inbox, "inbox: " + chatOnly));
    String script = String.join("\n",
        "set -e",
        "mount -t tmpfs -o size=4m tmpfs \"$0\"",
        "\"$1\" --config \"$2\" ingest --date \"$3\"",
        "used=$(df --output=used -k \"$0\" | tail -n 1)",
        "mount -o remount,size=$((used + 32))k \"$0\"",
        "exec \"$1\" --config \"$2\" backfill --full --to \"$3\"");
    // when: the metrics of the day are computed into it
    Run run = run(tmp.resolve("full.out"), List.of("unshare", "-m", "sh", "-c", script, warehouse.toString(),
        QUNBAO.toString(), config.toString(), DAY));
    // then: exit 1, and one line that says the disk is full and where, not Spark's stack traces
    assertThat(run.code()).as(run.output()).isEqualTo(ExitCode.FAILED.code());
    assertThat(run.output()).contains("qunbao: disk full: no space left on device writing " + warehouse + ";")
        .doesNotContain("\tat ");
  }

  private record Run(int code, String output, int alertsBefore) {}

  /** A config of its own warehouse and work-dir over the shared inbox, with the robot's webhook. */
  private static Path config(String name, String extra) throws IOException {
    return Files.writeString(tmp.resolve(name + ".yml"), String.join("\n",
        "inbox: " + inbox,
        "warehouse: " + tmp.resolve("warehouse-" + name),
        "reports: " + tmp.resolve("reports-" + name),
        "work-dir: " + tmp.resolve("work-" + name),
        "alerts:",
        "  webhook-url: " + robot.url("robot-key"),
        extra));
  }

  private static Run cron(Path config, List<String> environment, String... arguments) throws Exception {
    Path out = Files.createTempFile(tmp, "cron-", ".out");
    int before = robot.bodies().size();
    Process process = start(out, config, environment, arguments);
    int code = exitCode(process);
    return new Run(code, Files.readString(out), before);
  }

  /** qunbao-cron under a bare environment, as cron starts it, with {@code environment} added. */
  private static Process start(Path out, Path config, List<String> environment, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("env", "-i", "JAVA_HOME=" + System.getProperty("java.home")));
    command.addAll(environment);
    command.addAll(List.of(CRON.toString(), "--config", config.toString()));
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
  }

  private static Run run(Path out, List<String> command) throws Exception {
    int before = robot.bodies().size();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    int code = exitCode(process);
    return new Run(code, Files.readString(out), before);
  }

  private static int exitCode(Process process) throws InterruptedException {
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("the command did not finish within 10 minutes");
    }
    return process.exitValue();
  }

  /** The content of the one alert the robot received during {@code run}. */
  private static String alertAfter(Run run) throws IOException {
    List<String> bodies = robot.bodies();
    assertThat(bodies).as("alerts during the run; its output: " + run.output()).hasSize(run.alertsBefore() + 1);
    return new ObjectMapper().readTree(bodies.get(run.alertsBefore())).path("markdown").path("content").asText();
  }

  /** The cron log of the config {@code name}'s work-dir. */
  private static String log(String name) throws IOException {
    try (Stream<Path> logs = Files.list(tmp.resolve("work-" + name + "/logs"))) {
      return Files.readString(logs.findFirst().orElseThrow());
    }
  }

  /** The first process under {@code parent} whose command line holds {@code text}, once it is there. */
  private static ProcessHandle awaitDescendant(Process parent, String text) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      Optional<ProcessHandle> found = parent.descendants()
          .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false)).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no process running " + text + " under qunbao-cron within 2 minutes");
  }

  private static boolean canMount() throws Exception {
    Process probe = new ProcessBuilder("unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
  }
}

package io.qunbao.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.common.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes of the operator end with one line saying what to fix and a usage exit code, before any work. */
class CliErrorsTest {
  @TempDir Path root;

  private record Outcome(int exitCode, String out, String err) {}

  private static Outcome run(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = QunbaoCli.execute(args);
      return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  /** {@code yaml} with a work-dir, and a warehouse unless it names one, under the test's folder. */
  private Path config(String yaml) throws IOException {
    return Files.writeString(root.resolve("qunbao.yml"), yaml + "\nwork-dir: " + root.resolve("work") + "\n"
        + (yaml.contains("warehouse:") ? "" : "warehouse: " + root.resolve("warehouse") + "\n"));
  }

  @Test
  void aMissingInboxIsOneLineAndAUsageError() throws IOException {
    Outcome o = run("--config", config("inbox: " + root.resolve("nowhere")).toString(), "ingest", "--date", "2026-10-01");
    assertThat(o.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(o.err().strip()).isEqualTo("qunbao: inbox " + root.resolve("nowhere")
        + " does not exist: set 'inbox' in the --config file or run 'qunbao generate' for sample data");
  }

  @Test
  void aWarehouseThatCannotBeWrittenIsAUsageErrorWithThePathAndTheSystemsWordsBeforeAnyWork() throws IOException {
    // given a warehouse path that is a file, not a folder (what a mistyped path or a stray file gives)
    Files.createDirectories(root.resolve("inbox/chat/2026-10-01"));
    Path notAFolder = Files.writeString(root.resolve("warehouse-file"), "");
    Outcome o = run("--config", config("inbox: " + root.resolve("inbox") + "\nwarehouse: " + notAFolder.resolve("w"))
        .toString(), "ingest", "--date", "2026-10-01");
    assertThat(o.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(o.err().lines().toList()).singleElement().asString()
        .isEqualTo("qunbao: warehouse " + notAFolder.resolve("w") + " cannot be written: Not a directory");
  }

  @Test
  void aDateFolderThatIsNoDateIsADataErrorNamingIt() throws IOException {
    // given a day's orders in a folder named 2026-10-2 (no leading zero) beside a well-named chat folder
    Files.createDirectories(root.resolve("inbox/chat/2026-10-01"));
    Files.createDirectories(root.resolve("inbox/orders/2026-10-2"));
    Outcome o = run("--config", config("inbox: " + root.resolve("inbox") + "\nwarehouse: " + root.resolve("warehouse"))
        .toString(), "ingest", "--date", "2026-10-01");
    assertThat(o.exitCode()).isEqualTo(ExitCode.DATA_QUALITY.code());
    assertThat(o.err().lines().toList()).singleElement().asString()
        .startsWith("qunbao: orders/2026-10-2/ in the inbox ").contains("is not an export date (YYYY-MM-DD");
  }

  @Test
  void aBadDateIsOneLineAndAUsageError() {
    Outcome o = run("ingest", "--date", "2026-13-01");
    assertThat(o.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(o.err().lines().toList()).singleElement().asString()
        .contains("'2026-13-01' is not a date; write it as YYYY-MM-DD").endsWith("(qunbao ingest --help shows the options)");
  }

  @Test
  void anUnknownConfigKeyIsOneLineNamingTheKey() throws IOException {
    Outcome o = run("--config", config("ingest:\n  reject-share: 0.05").toString(), "ingest", "--date", "2026-10-01");
    assertThat(o.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(o.err().lines().toList()).singleElement().asString()
        .startsWith("qunbao: unknown config key 'ingest.reject-share'");
  }

  @Test
  void aDateWithoutAnyExportSaysSo() throws IOException {
    Files.createDirectories(root.resolve("inbox/chat/2026-10-01"));
    Outcome o = run("--config", config("inbox: " + root.resolve("inbox")).toString(), "ingest", "--date", "2026-10-02");
    assertThat(o.exitCode()).isEqualTo(ExitCode.NO_EXPORTS.code());
    assertThat(o.err().strip()).startsWith("qunbao: no exports for 2026-10-02 in ");
  }

  @Test
  void aFailedGateExitsWithDataQualityInOneLine() throws IOException {
    // given an orders export of 100 rows, 2 of them with a negative amount: 2% > the default 1%
    StringBuilder csv = new StringBuilder("order_id,buyer_id,amount,status,updated_at\n");
    for (int i = 0; i < 100; i++) {
      csv.append("o").append(i).append(",u1,").append(i < 2 ? "-1.00" : "1.00").append(",paid,2026-10-01 10:00:00\n");
    }
    Path orders = root.resolve("inbox/orders/2026-10-01/orders.csv");
    Files.createDirectories(orders.getParent());
    Files.writeString(orders, csv);
    String yaml = "inbox: " + root.resolve("inbox") + "\nwarehouse: " + root.resolve("warehouse");
    // when ingested, then exit 3 with one line naming the step, the counts, the file and its reject classes
    Outcome o = run("--config", config(yaml).toString(), "ingest", "--date", "2026-10-01");
    assertThat(o.exitCode()).isEqualTo(ExitCode.DATA_QUALITY.code());
    assertThat(o.err().lines().toList()).singleElement().asString()
        .startsWith("qunbao: ingestOrders 2026-10-01: 2 of 100 rows rejected (2.00%, limit 1%): "
            + "orders/2026-10-01/orders.csv: bad_amount 2");
    // and the orders are not landed, but their rejects are there to find the bad lines (2 and 3)
    assertThat(root.resolve("warehouse/raw/orders")).doesNotExist();
    assertThat(Files.readString(root.resolve("warehouse/rejects/orders/export_date=2026-10-01/rejects.jsonl")))
        .contains("\"line\":2,").contains("\"line\":3,");
  }

  @Test
  void aTruncatedGzipIsADataErrorNamingTheFileNotARerun() throws IOException {
    // given a gzip chat export cut short (a copy that did not finish)
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      for (int i = 0; i < 2000; i++) {
        out.write(("{\"msg_id\":\"m" + i + "\",\"group_id\":\"g\",\"sender_id\":\"u\",\"sent_at\":\"2026-10-01 08:00:00\","
            + "\"msg_type\":\"text\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    Path chat = Files.createDirectories(root.resolve("inbox/chat/2026-10-01")).resolve("msgs.jsonl.gz");
    Files.write(chat, java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2));
    Outcome o = run("--config", config("inbox: " + root.resolve("inbox")).toString(), "ingest", "--date", "2026-10-01");
    assertThat(o.exitCode()).isEqualTo(ExitCode.DATA_QUALITY.code());
    assertThat(o.err().lines().toList()).singleElement().asString()
        .startsWith("qunbao: chat/2026-10-01/msgs.jsonl.gz is corrupt or truncated (")
        .endsWith("Replace the file in the inbox and rerun");
  }

  @Test
  void helpNamesTheCommandsAndTheExitCodes() {
    Outcome o = run("--help");
    assertThat(o.exitCode()).isZero();
    assertThat(o.out()).contains("generate", "ingest", "--config", "Exit codes:", "3  a data-quality gate failed");
    Outcome ingestHelp = run("ingest", "--help");
    assertThat(ingestHelp.out()).contains("--date=YYYY-MM-DD", "--force");
  }

  @Test
  void noCommandIsAUsageError() {
    Outcome o = run();
    assertThat(o.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(o.err()).contains("name a command: ").contains("generate", "ingest");
  }
}

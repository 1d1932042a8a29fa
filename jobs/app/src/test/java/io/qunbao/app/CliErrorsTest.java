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

  private Path config(String yaml) throws IOException {
    return Files.writeString(root.resolve("qunbao.yml"), yaml + "\nwork-dir: " + root.resolve("work") + "\n");
  }

  @Test
  void aMissingInboxIsOneLineAndAUsageError() throws IOException {
    Outcome o = run("--config", config("inbox: " + root.resolve("nowhere")).toString(), "ingest", "--date", "2026-10-01");
    assertThat(o.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(o.err().strip()).isEqualTo("qunbao: inbox file:" + root.resolve("nowhere")
        + " does not exist: set 'inbox' in the --config file or run 'qunbao generate' for sample data");
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
    assertThat(o.err()).contains("name a command: generate, ingest");
  }
}

package io.qunbao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {
  @TempDir Path logs;

  @Test
  void peakRssOfAChildThatHolds256MiBIsAtLeastThat() throws Exception {
    // given a JVM child whose 256 MiB heap is touched at start (AlwaysPreTouch) and that then sleeps a
    // second, longer than many samples
    Path sleeper = logs.resolve("Sleep.java");
    Files.writeString(sleeper, "class Sleep { public static void main(String[] a) throws Exception { Thread.sleep(1000); } }");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", sleeper.toString());

    // when it is run and measured
    ChildProcess.Measurement measurement = ChildProcess.run(command, Map.of(), logs.resolve("child.log"));

    // then it succeeded and its peak resident set covers the 256 MiB it touched
    assertThat(measurement.succeeded()).isTrue();
    assertThat(measurement.peakRssBytes()).isGreaterThanOrEqualTo(256L * 1024 * 1024);
  }

  @Test
  void aFailedStepSaysWhyInQunbaosOwnLine() throws Exception {
    // given a child that fails the way scripts/qunbao does: a log line, its one-line error, exit 2
    List<String> command = List.of("sh", "-c",
        "echo '12:00:00 ERROR QunbaoCli - inbox missing'; echo 'qunbao: inbox /x does not exist'; echo '  usage'; exit 2");

    // when it is run
    ChildProcess.Measurement measurement = ChildProcess.run(command, Map.of(), logs.resolve("failed.log"));

    // then the exit code and the one-line reason are kept
    assertThat(measurement.exitCode()).isEqualTo(2);
    assertThat(measurement.reason()).isEqualTo("qunbao: inbox /x does not exist");
  }

  @Test
  void aCrashSaysWhichExceptionNotTheLastStackFrame() throws Exception {
    // given a child that dies with a stack trace, as Spark's driver does when a stage fails
    List<String> command = List.of("sh", "-c", "echo 'INFO starting'; "
        + "echo 'java.lang.UnsupportedOperationException: PlainBinaryDictionary'; "
        + "printf '\\tat org.apache.parquet.Dictionary.decodeToLong(Dictionary.java:49)\\n'; exit 1");

    // when it is run
    ChildProcess.Measurement measurement = ChildProcess.run(command, Map.of(), logs.resolve("crash.log"));

    // then the reason is the exception line
    assertThat(measurement.reason()).isEqualTo("java.lang.UnsupportedOperationException: PlainBinaryDictionary");
  }
}

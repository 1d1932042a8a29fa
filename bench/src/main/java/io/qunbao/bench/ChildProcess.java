package io.qunbao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one measured step as a child process: wall time from start to exit, and the peak resident set
 * of the process and of any process it started (VmHWM of /proc/PID/status, sampled every 20 ms while
 * it runs; VmHWM is itself a high-water mark, so a sample after the peak still sees it).
 */
final class ChildProcess {
  private static final long SAMPLE_MILLIS = 20;

  /** What one run of a step cost. */
  record Measurement(Duration wall, long peakRssBytes, int exitCode, Path log) {
    boolean succeeded() {
      return exitCode == 0;
    }

    /**
     * Why the step failed, in one line: Qunbao's own one-line error ({@code qunbao: ...}), picocli's usage
     * error, the first exception of a stack trace, else the last line of the output.
     */
    String reason() {
      try (Stream<String> lines = Files.lines(log)) {
        List<String> output = lines.filter(line -> !line.isBlank() && !line.startsWith("WARNING:")).toList();
        return output.stream().filter(line -> line.startsWith("qunbao:")).findFirst()
            .or(() -> output.stream().filter(line -> line.matches("(Unmatched|Unknown|Missing|Invalid) .*")).findFirst())
            .or(() -> output.stream().filter(line -> line.matches("([\\w$]+\\.)+[\\w$]*(Exception|Error)(: .*)?"))
                .findFirst())
            .orElse(output.isEmpty() ? "(no output)" : output.get(output.size() - 1));
      } catch (IOException e) {
        return "(output unreadable: " + e.getMessage() + ")";
      }
    }
  }

  private ChildProcess() {}

  static Measurement run(List<String> command, Map<String, String> environment, Path log)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    long started = System.nanoTime();
    Process process = builder.start();
    long peak = 0;
    while (!process.waitFor(SAMPLE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      peak = Math.max(peak, highWaterMark(process.toHandle()));
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - started);
    return new Measurement(wall, peak, process.exitValue(), log);
  }

  /** The largest VmHWM among the process and its descendants (each process's own peak, not their sum). */
  private static long highWaterMark(ProcessHandle root) {
    return Stream.concat(Stream.of(root), root.descendants())
        .mapToLong(handle -> vmHwmBytes(handle.pid()))
        .max()
        .orElse(0);
  }

  private static long vmHwmBytes(long pid) {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
      return lines.filter(line -> line.startsWith("VmHWM:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
          .findFirst()
          .orElse(0);
    } catch (IOException | java.io.UncheckedIOException exited) {
      return 0;
    }
  }
}

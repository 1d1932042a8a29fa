package io.qunbao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Spark's own per-stage metrics, from the event logs a run wrote with {@code spark.eventLog.enabled=true}:
 * one JSON object per line; a {@code SparkListenerStageCompleted} event holds the stage's name, its
 * submission and completion times, its task count and, for a failed stage, its failure reason.
 */
final class SparkEventLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One completed stage attempt. */
  record Stage(int id, int attempt, String name, long millis, int tasks, boolean failed) {}

  private SparkEventLog() {}

  /**
   * Every completed stage in the event log files under {@code folder} (a plain file per application, or
   * a rolling {@code eventlog_v2_*} folder of {@code events_*} files), slowest first. The logs must be
   * uncompressed ({@code spark.eventLog.compress=false}).
   */
  static List<Stage> stages(Path folder) throws IOException {
    List<Stage> stages = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return stages;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).filter(SparkEventLog::isEventFile).sorted().toList()) {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.contains("\"SparkListenerStageCompleted\"")) {
              stages.add(stage(JSON.readTree(line).path("Stage Info")));
            }
          }
        }
      }
    }
    stages.sort(Comparator.comparingLong(Stage::millis).reversed());
    return stages;
  }

  /** Not the status markers and checksums Spark writes beside the events. */
  private static boolean isEventFile(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".") && !name.startsWith("appstatus_") && !name.endsWith(".crc");
  }

  private static Stage stage(JsonNode info) {
    long millis = info.path("Completion Time").asLong() - info.path("Submission Time").asLong();
    return new Stage(info.path("Stage ID").asInt(), info.path("Stage Attempt ID").asInt(),
        info.path("Stage Name").asText(), millis, info.path("Number of Tasks").asInt(),
        info.hasNonNull("Failure Reason"));
  }
}

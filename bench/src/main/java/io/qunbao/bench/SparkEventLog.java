package io.qunbao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Spark's own per-stage metrics, from the event logs a run wrote with {@code spark.eventLog.enabled=true}:
 * one JSON object per line. A {@code SparkListenerStageCompleted} event holds the stage's times, task count
 * and, for a failed stage, its failure reason. Stage names are call sites inside Spark (adaptive query
 * stages are all "... at CompletableFuture.java"), so each stage is also named by the query it ran for:
 * the job that holds it ({@code SparkListenerJobStart}) carries {@code spark.sql.execution.id}, and that
 * execution's start event its call site and the first Qunbao frame of its stack.
 */
final class SparkEventLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One completed stage attempt and the query it belongs to ("" when none is known). */
  record Stage(int id, int attempt, String name, String query, long millis, int tasks, boolean failed) {}

  private SparkEventLog() {}

  /**
   * Every completed stage in the event log files under {@code folder} (a plain file per application, or
   * a rolling {@code eventlog_v2_*} folder of {@code events_*} files), slowest first. The logs must be
   * uncompressed ({@code spark.eventLog.compress=false}).
   */
  static List<Stage> stages(Path folder) throws IOException {
    Map<String, String> queryOfExecution = new HashMap<>();
    Map<Integer, String> executionOfStage = new HashMap<>();
    List<JsonNode> completed = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).filter(SparkEventLog::isEventFile).sorted().toList()) {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.contains("\"SparkListenerStageCompleted\"")) {
              completed.add(JSON.readTree(line).path("Stage Info"));
            } else if (line.contains("\"SparkListenerJobStart\"")) {
              JsonNode job = JSON.readTree(line);
              String execution = job.path("Properties").path("spark.sql.execution.id").asText("");
              job.path("Stage IDs").forEach(stage -> executionOfStage.put(stage.asInt(), execution));
            } else if (line.contains("SparkListenerSQLExecutionStart")) {
              JsonNode execution = JSON.readTree(line);
              queryOfExecution.put(execution.path("executionId").asText(), queryName(execution));
            }
          }
        }
      }
    }
    List<Stage> stages = new ArrayList<>();
    for (JsonNode info : completed) {
      int id = info.path("Stage ID").asInt();
      String query = queryOfExecution.getOrDefault(executionOfStage.getOrDefault(id, ""), "");
      stages.add(new Stage(id, info.path("Stage Attempt ID").asInt(), info.path("Stage Name").asText(), query,
          info.path("Completion Time").asLong() - info.path("Submission Time").asLong(),
          info.path("Number of Tasks").asInt(), info.hasNonNull("Failure Reason")));
    }
    stages.sort(Comparator.comparingLong(Stage::millis).reversed());
    return stages;
  }

  /** How many Spark jobs the event logs under {@code folder} started (0 when there are none). */
  static long jobs(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    long jobs = 0;
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).filter(SparkEventLog::isEventFile).toList()) {
        try (Stream<String> lines = Files.lines(file)) {
          jobs += lines.filter(line -> line.contains("\"SparkListenerJobStart\"")).count();
        }
      }
    }
    return jobs;
  }

  /** The execution's call site, and the first io.qunbao frame of its stack when that is not the call site. */
  private static String queryName(JsonNode execution) {
    String description = execution.path("description").asText("");
    String qunbaoFrame = execution.path("details").asText("").lines()
        .filter(frame -> frame.startsWith("io.qunbao."))
        .findFirst().orElse("");
    return qunbaoFrame.isEmpty() || description.contains(frameLocation(qunbaoFrame))
        ? description : description + " ← " + qunbaoFrame;
  }

  /** {@code MetricsJob.java:42} of {@code io.qunbao.metrics.MetricsJob.run(MetricsJob.java:42)}. */
  private static String frameLocation(String frame) {
    int open = frame.lastIndexOf('(');
    return open < 0 ? frame : frame.substring(open + 1, frame.length() - 1);
  }

  /** Not the status markers and checksums Spark writes beside the events. */
  private static boolean isEventFile(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".") && !name.startsWith("appstatus_") && !name.endsWith(".crc");
  }
}

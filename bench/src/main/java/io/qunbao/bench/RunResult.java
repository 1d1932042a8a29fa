package io.qunbao.bench;

import io.qunbao.bench.ChildProcess.Measurement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run measured. A step that could not run (its command failed) has no measurement
 * and a reason; throughput per source is rows and in-process seconds as the step itself reported them.
 */
final class RunResult {
  /** Rows landed and the seconds the source's ingest took inside its process. */
  record SourceThroughput(long rows, double seconds) {}

  final Map<String, Measurement> steps = new LinkedHashMap<>();
  final Map<String, String> failures = new LinkedHashMap<>();
  final Map<String, SourceThroughput> qunbaoIngest = new LinkedHashMap<>();
  final Map<String, SourceThroughput> duckDbIngest = new LinkedHashMap<>();
  /** Spark's stages of the full recomputation and of the nightly run's metrics. */
  List<SparkEventLog.Stage> sparkStages = List.of();
  List<SparkEventLog.Stage> nightlyStages = List.of();
  /** Spark jobs started by the full recomputation and by the nightly run's metrics. */
  long sparkJobs;
  long nightlyJobs;

  /** Records a step; false (and the reason) when it failed, so the steps that need its output are skipped. */
  boolean record(String step, Measurement measurement) {
    steps.put(step, measurement);
    if (!measurement.succeeded()) {
      failures.put(step, "exit " + measurement.exitCode() + ": " + measurement.reason());
    }
    return measurement.succeeded();
  }
}

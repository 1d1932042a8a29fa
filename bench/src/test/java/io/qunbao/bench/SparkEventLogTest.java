package io.qunbao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkEventLogTest {
  @TempDir Path events;

  @Test
  void completedStagesAreReadSlowestFirstWithFailuresMarked() throws Exception {
    // given a rolling event log folder as Spark 4 writes it (a status marker beside the events file, one
    // JSON event per line) with two completed stages, 1200 ms and 300 ms long, the second failed, and
    // events of other kinds
    Path rolling = Files.createDirectories(events.resolve("eventlog_v2_local-1700000000000"));
    Files.writeString(rolling.resolve("appstatus_local-1700000000000.inprogress"), "");
    Files.write(rolling.resolve("events_1_local-1700000000000"), List.of(
        "{\"Event\":\"SparkListenerApplicationStart\",\"App Name\":\"qunbao\"}",
        "{\"Event\":\"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart\",\"executionId\":7,"
            + "\"description\":\"parquet at MetricsPublisher.java:88\",\"details\":\"org.apache.spark.sql.Dataset.write\\n"
            + "io.qunbao.metrics.MetricsPublisher.stage(MetricsPublisher.java:88)\\nio.qunbao.metrics.MetricsJob.run\"}",
        "{\"Event\":\"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart\",\"executionId\":8,"
            + "\"description\":\"collectAsList at QualityChecks.java:51\",\"details\":\"org.apache.spark.sql.Dataset.collect\\n"
            + "io.qunbao.metrics.Intervals.build(Intervals.java:10)\"}",
        "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":0,\"Stage IDs\":[3],\"Properties\":{\"spark.sql.execution.id\":\"7\"}}",
        "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":1,\"Stage IDs\":[1,2],\"Properties\":{\"spark.sql.execution.id\":\"8\"}}",
        "{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":{\"Stage ID\":3,\"Stage Attempt ID\":0,"
            + "\"Stage Name\":\"parquet at MetricsJob.java:42\",\"Number of Tasks\":2,"
            + "\"Submission Time\":1000,\"Completion Time\":1300,\"Failure Reason\":\"OOM\"}}",
        "{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":{\"Stage ID\":1,\"Stage Attempt ID\":0,"
            + "\"Stage Name\":\"count at Intervals.java:10\",\"Number of Tasks\":4,"
            + "\"Submission Time\":500,\"Completion Time\":1700}}",
        "{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":0}"));

    // when the stages are read
    List<SparkEventLog.Stage> stages = SparkEventLog.stages(events);

    // then the 1700 - 500 = 1200 ms stage comes first, and the 300 ms one is the failed one; each is named
    // by its query (job -> SQL execution): the call site, and the Qunbao frame when that is elsewhere
    assertThat(stages).containsExactly(
        new SparkEventLog.Stage(1, 0, "count at Intervals.java:10",
            "collectAsList at QualityChecks.java:51 ← io.qunbao.metrics.Intervals.build(Intervals.java:10)",
            1200, 4, false),
        new SparkEventLog.Stage(3, 0, "parquet at MetricsJob.java:42", "parquet at MetricsPublisher.java:88",
            300, 2, true));
  }
}

package io.qunbao.app.spark;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.metrics.MetricsJob;
import io.qunbao.metrics.MetricsSession;
import io.qunbao.metrics.RunSummary;
import io.qunbao.metrics.Scope;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the metrics job in this JVM on the configured master ({@code spark.master}, local[*] by
 * default). {@code getOrCreate} keeps one SparkSession for the life of the process, so consecutive
 * steps and days do not pay Spark's start-up again.
 */
public final class MetricsRunner {
  private static final Logger log = LoggerFactory.getLogger(MetricsRunner.class);

  private final QunbaoConfig config;

  public MetricsRunner(QunbaoConfig config) {
    this.config = config;
  }

  public RunSummary run(LocalDate runDate, Scope scope) {
    long start = System.nanoTime();
    RunSummary summary = new MetricsJob(config, session()).run(runDate, scope);
    long partitions = summary.tables().values().stream().mapToLong(RunSummary.TableResult::partitions).sum();
    log.info("publishMetrics {} ({}): days from {} recomputed (purchase counts from {}), {} partitions published, {} revisions, {} s",
        runDate, scope, summary.recomputedFrom(), summary.ordersRecomputedFrom(), partitions, summary.totalRevisions(),
        (System.nanoTime() - start) / 1_000_000_000);
    return summary;
  }

  /** The process's session, built from the config the first time. */
  public SparkSession session() {
    return MetricsSession.builder(config, "qunbao", config.spark().master(),
        Map.of("spark.ui.enabled", "false", "spark.sql.session.timeZone", "UTC")).getOrCreate();
  }
}

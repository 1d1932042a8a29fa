package io.qunbao.app.spark;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.S3SparkSettings;
import io.qunbao.metrics.MetricsJob;
import io.qunbao.metrics.RunSummary;
import io.qunbao.metrics.Scope;
import java.time.LocalDate;
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
    log.info("publishMetrics {} ({}): days from {} recomputed, {} partitions published, {} revisions, {} s", runDate,
        scope, summary.recomputedFrom(), partitions, summary.totalRevisions(), (System.nanoTime() - start) / 1_000_000_000);
    return summary;
  }

  /** The process's session, built from the config the first time. */
  public SparkSession session() {
    SparkSession.Builder builder = SparkSession.builder()
        .appName("qunbao")
        .master(config.spark().master())
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC");
    if (config.spark().master().startsWith("local")) {
      // a laptop or a cron box: no network name lookups, nothing listening beyond loopback
      builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
      // Spark's default of 200 shuffle partitions makes thousands of tiny tasks per run on one machine;
      // a few per core is enough for the sizes one machine handles (spark.conf overrides it)
      builder.config("spark.sql.shuffle.partitions", String.valueOf(4 * Runtime.getRuntime().availableProcessors()));
    }
    S3SparkSettings.sparkConf(config).forEach(builder::config);
    config.spark().conf().forEach(builder::config);
    return builder.getOrCreate();
  }
}

package io.qunbao.app.spark;

import io.qunbao.common.QunbaoException;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.StorageChecks;
import io.qunbao.metrics.MetricsJob;
import io.qunbao.metrics.MetricsSession;
import io.qunbao.metrics.RunSummary;
import io.qunbao.metrics.Scope;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the metrics job where {@code spark.master} says: in this JVM on a local master ({@code
 * getOrCreate} keeps one SparkSession for the life of the process, so consecutive steps and days do
 * not pay Spark's start-up again), or on a cluster through spark-submit ({@link ClusterSubmit}).
 */
public final class MetricsRunner {
  private static final Logger log = LoggerFactory.getLogger(MetricsRunner.class);

  private final QunbaoConfig config;

  public MetricsRunner(QunbaoConfig config) {
    this.config = config;
  }

  public void run(LocalDate runDate, Scope scope) {
    if (!config.spark().isLocal()) {
      new ClusterSubmit(config).run(runDate, scope);
      return;
    }
    long start = System.nanoTime();
    RunSummary summary;
    try {
      summary = new MetricsJob(config, session()).run(runDate, scope);
    } catch (QunbaoException expected) {
      throw expected;
    } catch (Exception | Error e) {
      // a full disk reaches here as a Spark task failure a few hundred lines long (SparkException, checked
      // but undeclared, from Scala): say it in one
      Optional<QunbaoException> diskFull =
          StorageChecks.diskFull(e, Storage.resolve(config.warehouse()));
      if (diskFull.isPresent()) {
        throw diskFull.get();
      }
      throw e;
    }
    long partitions = summary.tables().values().stream().mapToLong(RunSummary.TableResult::partitions).sum();
    log.info("publishMetrics {} ({}): days from {} recomputed (purchase counts from {}), {} partitions published, {} revisions, {} s",
        runDate, scope, summary.recomputedFrom(), summary.ordersRecomputedFrom(), partitions, summary.totalRevisions(),
        (System.nanoTime() - start) / 1_000_000_000);
  }

  /** The process's session, built from the config the first time. */
  public SparkSession session() {
    return MetricsSession.builder(config, "qunbao", config.spark().master(),
        Map.of("spark.ui.enabled", "false", "spark.sql.session.timeZone", "UTC")).getOrCreate();
  }
}

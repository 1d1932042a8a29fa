package io.qunbao.metrics;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.S3SparkSettings;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session settings of every way the metrics run (the app's commands in one JVM, spark-submit of
 * {@link MetricsMain}), so a local run is tuned the same whichever way it was started. In order, later ones
 * winning: the caller's defaults, the local-mode settings, the s3a settings, the operator's
 * {@code spark.conf} entries.
 */
public final class MetricsSession {
  private MetricsSession() {}

  /**
   * A session builder for {@code master}, or for the master spark-submit set ({@code spark.master}) when
   * {@code master} is null.
   */
  public static SparkSession.Builder builder(QunbaoConfig config, String appName, String master,
      Map<String, String> defaults) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (master != null) {
      builder.master(master);
    }
    defaults.forEach(builder::config);
    // adaptive execution may also merge the shuffle partitions of a persisted plan (the run persists the
    // comparison of every table): otherwise its stages keep every partition, 1,200 tasks for a few
    // hundred changed rows on tier M
    builder.config("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
    String effectiveMaster = master != null ? master : new SparkConf().get("spark.master", "");
    if (effectiveMaster.startsWith("local")) {
      // a laptop or a cron box: no network name lookups, nothing listening beyond loopback
      builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
      // Shuffle partitions sized by the data: Spark's 200 as the most, merged by adaptive execution into
      // partitions of about 32 MB. Spark's own coalescing favours parallelism and leaves thousands of
      // tiny tasks per run on one machine; a fixed few per core (8 on 2 cores) made tier M 10% faster
      // but left 17M rows per task on tier L, whose rollup then spilled 116 GB (BENCHMARKS.md).
      builder.config("spark.sql.adaptive.coalescePartitions.parallelismFirst", "false")
          .config("spark.sql.adaptive.advisoryPartitionSizeInBytes", "32m");
    }
    // s3a connection and the S3A committer when the warehouse is on S3, then the operator's settings
    S3SparkSettings.sparkConf(config).forEach(builder::config);
    config.spark().conf().forEach(builder::config);
    return builder;
  }
}

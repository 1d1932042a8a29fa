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
    String effectiveMaster = master != null ? master : new SparkConf().get("spark.master", "");
    if (effectiveMaster.startsWith("local")) {
      // a laptop or a cron box: no network name lookups, nothing listening beyond loopback
      builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
      // Spark's default of 200 shuffle partitions makes thousands of tiny tasks per run on one machine;
      // a few per core is enough for the sizes one machine handles: on tier M (10M messages, 2 cores),
      // 8 instead of 200 took a full recomputation from 296 to 266 s (BENCHMARKS.md)
      builder.config("spark.sql.shuffle.partitions", String.valueOf(4 * Runtime.getRuntime().availableProcessors()));
    }
    // s3a connection and the S3A committer when the warehouse is on S3, then the operator's settings
    S3SparkSettings.sparkConf(config).forEach(builder::config);
    config.spark().conf().forEach(builder::config);
    return builder;
  }
}

package io.qunbao.metrics;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.S3SparkSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session settings of every way the metrics run (the app's commands in one JVM, spark-submit of
 * {@link MetricsMain}), so a local run is tuned the same whichever way it was started. Qunbao's defaults
 * (the caller's, the local-mode ones) yield to a setting spark-submit was given ({@code --conf}, or a
 * {@code -Dspark.…} property); then come the s3a settings and the operator's {@code spark.conf} entries,
 * which win over everything.
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
    SparkConf submitted = new SparkConf();
    Map<String, String> qunbaoDefaults = new LinkedHashMap<>(defaults);
    // adaptive execution may also merge the shuffle partitions of a persisted plan (the run persists the
    // comparison of every table): otherwise its stages keep every shuffle partition, however few the
    // changed rows
    qunbaoDefaults.put("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
    String effectiveMaster = master != null ? master : submitted.get("spark.master", "");
    if (effectiveMaster.startsWith("local")) {
      // a laptop or a cron box: no network name lookups, nothing listening beyond loopback
      qunbaoDefaults.put("spark.driver.host", "127.0.0.1");
      qunbaoDefaults.put("spark.driver.bindAddress", "127.0.0.1");
      // Shuffle partitions sized by the data: Spark's 200 as the most, merged by adaptive execution into
      // partitions of about 16 MB, yet one per core at least while each keeps 1 MB (parallelism first,
      // Spark's default). Merged by size alone, a shuffle of a few tens of MB runs in one or three tasks
      // while a core waits; a fixed few partitions per core leaves a large run's tasks too big to hold,
      // and its aggregations spill.
      qunbaoDefaults.put("spark.sql.adaptive.coalescePartitions.parallelismFirst", "true");
      qunbaoDefaults.put("spark.sql.adaptive.advisoryPartitionSizeInBytes", "16m");
    }
    qunbaoDefaults.forEach((key, value) -> {
      if (!submitted.contains(key)) {
        builder.config(key, value);
      }
    });
    // s3a connection and the S3A committer when the warehouse is on S3, then the operator's settings
    S3SparkSettings.sparkConf(config).forEach(builder::config);
    config.spark().conf().forEach(builder::config);
    return builder;
  }
}

package io.qunbao.production;

import io.qunbao.common.config.ConfigLoader;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.testkit.S3ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Config files that put the warehouse on a test S3 server. */
final class S3Configs {
  /** Spark in the nightly JVM, small: the example is a few dozen rows. */
  static final String SMALL_SPARK = "spark:\n  master: local[2]\n";
  static final String SMALL_SPARK_CONF = "    spark.sql.shuffle.partitions: \"2\"\n";
  /**
   * An outage must fail in seconds, not after s3a's production retry schedule (minutes), so the
   * tests shorten it through the same spark.hadoop.* keys an operator would use.
   */
  static final String FAST_FAILURE_CONF = ""
      + "    spark.hadoop.fs.s3a.retry.limit: \"1\"\n"
      + "    spark.hadoop.fs.s3a.retry.interval: 100ms\n"
      + "    spark.hadoop.fs.s3a.attempts.maximum: \"1\"\n";

  private S3Configs() {}

  /** Config lines that put the warehouse on {@code s3}, with the fast failure above. */
  static String yaml(S3ProxyServer s3, String warehouse) {
    return "warehouse: " + warehouse + "\n" + s3.s3ConfigYaml()
        + SMALL_SPARK + "  conf:\n" + SMALL_SPARK_CONF + FAST_FAILURE_CONF;
  }

  static QunbaoConfig pointingAt(S3ProxyServer s3, String warehouse, Path folder) {
    Path file = folder.resolve("qunbao-s3.yml");
    try {
      Files.writeString(file, yaml(s3, warehouse));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ConfigLoader().load(file);
  }
}

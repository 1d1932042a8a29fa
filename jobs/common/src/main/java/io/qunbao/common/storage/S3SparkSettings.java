package io.qunbao.common.storage;

import io.qunbao.common.config.QunbaoConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spark settings a job needs to read and write {@code s3a://} safely; the metrics runner applies
 * them to its session (or spark-submit passes them as {@code --conf}).
 *
 * <p>Connection: the s3a keys of {@link Storage#hadoopSettings}, as {@code spark.hadoop.*} so the
 * executors get them too (Spark redacts the secret in its UI and logs).
 *
 * <p>Commits, when the warehouse is on s3a: Spark's default FileOutputCommitter "commits" by renaming
 * task output, which on S3 is a copy that can fail halfway and leave a mix. The S3A magic committer
 * writes each task's files as pending multipart uploads and completes them all at job commit, so the
 * output folder gets all files or none; its {@code _SUCCESS} is a JSON listing them. Spark reaches it
 * through spark-hadoop-cloud's {@code PathOutputCommitProtocol}. That protocol refuses dynamic
 * partition overwrite, and needs none here: jobs write each partition into a fresh staging folder and
 * {@link PartitionPublisher} replaces the published partition.
 */
public final class S3SparkSettings {
  private S3SparkSettings() {}

  public static Map<String, String> sparkConf(QunbaoConfig config) {
    Map<String, String> conf = new LinkedHashMap<>();
    Storage.hadoopSettings(config).forEach((key, value) -> conf.put("spark.hadoop." + key, value));
    if (Storage.resolve(config.warehouse()).toUri().getScheme().equals("s3a")) {
      conf.put("spark.hadoop.fs.s3a.committer.name", "magic");
      conf.put("spark.hadoop.fs.s3a.committer.magic.enabled", "true");
      conf.put("spark.hadoop.mapreduce.outputcommitter.factory.scheme.s3a",
          "org.apache.hadoop.fs.s3a.commit.S3ACommitterFactory");
      conf.put("spark.sql.sources.commitProtocolClass",
          "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol");
      conf.put("spark.sql.parquet.output.committer.class",
          "org.apache.spark.internal.io.cloud.BindingParquetOutputCommitter");
    }
    return conf;
  }
}

package io.qunbao.common.storage;

import io.qunbao.common.config.QunbaoConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Locations of the inbox, warehouse and reports: a local folder (the default) or an
 * {@code s3a://bucket/prefix}. Everything goes through Hadoop's FileSystem so both work the same.
 */
public final class Storage {
  private static final String SPARK_HADOOP_PREFIX = "spark.hadoop.";

  private final Configuration hadoop;

  public Storage(QunbaoConfig config) {
    this.hadoop = hadoopConfiguration(config);
  }

  public Configuration hadoop() {
    return hadoop;
  }

  /** A local path (relative to the working directory) or a URI with a scheme. */
  public static Path resolve(String location) {
    if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return new Path(URI.create(location));
    }
    return new Path(Paths.get(location).toAbsolutePath().normalize().toUri());
  }

  public FileSystem fileSystem(Path path) {
    try {
      return path.getFileSystem(hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file system of " + path, e);
    }
  }

  /** The Hadoop configuration of {@link #hadoopSettings}. */
  public static Configuration hadoopConfiguration(QunbaoConfig config) {
    Configuration conf = new Configuration();
    hadoopSettings(config).forEach(conf::set);
    return conf;
  }

  /**
   * s3a settings from the config; empty keys leave Hadoop's defaults (the AWS provider chain).
   * {@code spark.conf} entries named {@code spark.hadoop.X} set Hadoop's {@code X} here too, as Spark
   * does for its own jobs, so one config line tunes both (e.g. {@code fs.s3a.retry.limit}).
   */
  public static Map<String, String> hadoopSettings(QunbaoConfig config) {
    Map<String, String> settings = new LinkedHashMap<>();
    config.spark().conf().forEach((key, value) -> {
      if (key.startsWith(SPARK_HADOOP_PREFIX)) {
        settings.put(key.substring(SPARK_HADOOP_PREFIX.length()), value);
      }
    });
    QunbaoConfig.S3 s3 = config.s3();
    if (!s3.endpoint().isEmpty()) {
      settings.put("fs.s3a.endpoint", s3.endpoint());
    }
    settings.put("fs.s3a.path.style.access", String.valueOf(s3.pathStyleAccess()));
    if (!s3.region().isEmpty()) {
      settings.put("fs.s3a.endpoint.region", s3.region());
    }
    if (!s3.accessKey().isEmpty()) {
      settings.put("fs.s3a.access.key", s3.accessKey());
      settings.put("fs.s3a.secret.key", s3.secretKey());
      settings.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    }
    return settings;
  }
}

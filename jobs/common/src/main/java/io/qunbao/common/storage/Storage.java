package io.qunbao.common.storage;

import io.qunbao.common.config.QunbaoConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Locations of the inbox, warehouse and reports: a local folder (the default) or an
 * {@code s3a://bucket/prefix}. Everything goes through Hadoop's FileSystem so both work the same.
 */
public final class Storage {
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

  /** s3a settings from the config; empty keys leave Hadoop's defaults (the AWS provider chain). */
  public static Configuration hadoopConfiguration(QunbaoConfig config) {
    Configuration conf = new Configuration();
    QunbaoConfig.S3 s3 = config.s3();
    if (!s3.endpoint().isEmpty()) {
      conf.set("fs.s3a.endpoint", s3.endpoint());
    }
    conf.setBoolean("fs.s3a.path.style.access", s3.pathStyleAccess());
    if (!s3.region().isEmpty()) {
      conf.set("fs.s3a.endpoint.region", s3.region());
    }
    if (!s3.accessKey().isEmpty()) {
      conf.set("fs.s3a.access.key", s3.accessKey());
      conf.set("fs.s3a.secret.key", s3.secretKey());
      conf.set("fs.s3a.aws.credentials.provider",
          "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    }
    return conf;
  }
}

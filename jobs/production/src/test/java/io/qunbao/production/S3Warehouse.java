package io.qunbao.production;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.testkit.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A warehouse on a test S3 server: the server (started, with its bucket), a config pointing at it,
 * and the storage objects the jobs build from that config.
 */
record S3Warehouse(S3ProxyServer s3, Path folder, QunbaoConfig config, Storage storage, Warehouse warehouse,
    PartitionPublisher publisher) implements AutoCloseable {

  /** Starts S3Proxy keeping its objects under {@code folder} and puts the warehouse in {@code bucket}. */
  static S3Warehouse start(Path folder, String bucket) throws IOException {
    S3ProxyServer s3 = S3ProxyServer.startIn(Files.createDirectories(folder.resolve("s3")));
    s3.createBucket(bucket);
    QunbaoConfig config = S3Configs.pointingAt(s3, "s3a://" + bucket + "/warehouse", folder);
    Storage storage = new Storage(config);
    Warehouse warehouse = Warehouse.of(config);
    return new S3Warehouse(s3, folder, config, storage, warehouse, new PartitionPublisher(storage, warehouse));
  }

  /**
   * Downloads the files the partition's manifest lists into a new local folder, for DuckDB (which
   * cannot reach S3 offline) to read.
   */
  Path download(org.apache.hadoop.fs.Path partition) throws IOException {
    Path local = Files.createTempDirectory(folder, "download");
    for (org.apache.hadoop.fs.Path file : publisher.published(partition).files()) {
      storage.fileSystem(file).copyToLocalFile(file, new org.apache.hadoop.fs.Path(local.resolve(file.getName()).toUri()));
    }
    return local;
  }

  @Override
  public void close() {
    s3.close();
  }
}

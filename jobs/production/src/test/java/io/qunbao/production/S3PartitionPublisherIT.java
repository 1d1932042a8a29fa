package io.qunbao.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qunbao.common.QunbaoException;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.testkit.DuckDb;
import io.qunbao.testkit.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PartitionPublisher on a real S3-compatible store (S3Proxy on 127.0.0.1), including an outage. */
class S3PartitionPublisherIT {
  private static final Schema ROW = SchemaBuilder.record("Row").fields().requiredInt("id").endRecord();
  private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

  @TempDir static Path tmp;
  static S3Warehouse store;
  static S3ProxyServer s3;
  static Storage storage;
  static Warehouse warehouse;
  static PartitionPublisher publisher;

  @BeforeAll
  static void startStore() throws IOException {
    store = S3Warehouse.start(tmp, "publisher-it");
    s3 = store.s3();
    storage = store.storage();
    warehouse = store.warehouse();
    publisher = store.publisher();
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @Test
  void aRepublishedPartitionHoldsExactlyTheNewVersion() throws IOException {
    // given: version 1 (ids 1..3 in two files) published
    org.apache.hadoop.fs.Path partition = warehouse.metrics("replaced", DAY);
    publishVersion(partition, List.of(List.of(1, 2), List.of(3)));

    // when: version 2 (ids 10, 11 in one file) is published over it
    publishVersion(partition, List.of(List.of(10, 11)));

    // then: the manifest lists one file, an independent reader finds exactly ids 10 and 11, and no
    // object of version 1 is left in the partition
    assertThat(publisher.isPublished(partition)).isTrue();
    assertThat(publisher.published(partition).files()).hasSize(1);
    assertThat(idsReadByDuckDb(partition)).containsExactly(10, 11);
    assertThat(objectNames(partition)).hasSize(2).contains("_SUCCESS");
  }

  @Test
  void anOutageDuringPublishKeepsTheOldVersionAndTheRerunPublishes() throws IOException {
    // given: version 1 (ids 1, 2) published and version 2 staged
    org.apache.hadoop.fs.Path partition = warehouse.metrics("outage", DAY);
    publishVersion(partition, List.of(List.of(1, 2)));
    org.apache.hadoop.fs.Path staged = publisher.stage(partition);
    writeParquet(new org.apache.hadoop.fs.Path(staged, "part-0.parquet"), List.of(20, 21));

    // when: the store goes away and the publish runs
    s3.stop();
    try {
      assertThatThrownBy(() -> publisher.publish(staged, partition))
          // then: a one-line error names the partition and what to do, without the secret
          .isInstanceOf(QunbaoException.class)
          .hasMessageContaining("publishing " + partition + " failed")
          .hasMessageContaining("rerun")
          .message().doesNotContain(S3ProxyServer.SECRET_KEY).doesNotContain("\n");
    } finally {
      s3.start();
    }

    // then: after the store is back, readers still see version 1 whole
    assertThat(idsReadByDuckDb(partition)).containsExactly(1, 2);

    // when: the step reruns
    publishVersion(partition, List.of(List.of(30), List.of(31)));

    // then: version 3 is published whole and only its two files remain
    assertThat(idsReadByDuckDb(partition)).containsExactly(30, 31);
    assertThat(objectNames(partition)).hasSize(3).contains("_SUCCESS");
  }

  @Test
  void aDiscardedStagingFolderNeverBecomesVisible() throws IOException {
    // given: a partition staged with data
    org.apache.hadoop.fs.Path partition = warehouse.metrics("discarded", DAY);
    org.apache.hadoop.fs.Path staged = publisher.stage(partition);
    writeParquet(new org.apache.hadoop.fs.Path(staged, "part-0.parquet"), List.of(7));

    // when: the step discards it (a failed gate)
    publisher.discard(staged);

    // then: the partition is not published and the staging folder is gone
    assertThat(publisher.isPublished(partition)).isFalse();
    assertThat(storage.fileSystem(staged).exists(staged)).isFalse();
  }

  /** Stages one Parquet file per list of ids and publishes them as {@code partition}. */
  private static void publishVersion(org.apache.hadoop.fs.Path partition, List<List<Integer>> files) throws IOException {
    org.apache.hadoop.fs.Path staged = publisher.stage(partition);
    for (int i = 0; i < files.size(); i++) {
      writeParquet(new org.apache.hadoop.fs.Path(staged, "part-" + i + ".parquet"), files.get(i));
    }
    publisher.publish(staged, partition);
  }

  private static void writeParquet(org.apache.hadoop.fs.Path file, List<Integer> ids) throws IOException {
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
        HadoopOutputFile.fromPath(file, storage.hadoop())).withSchema(ROW).build()) {
      for (int id : ids) {
        GenericRecord row = new GenericData.Record(ROW);
        row.put("id", id);
        writer.write(row);
      }
    }
  }

  /** The ids in the files the manifest lists, read by DuckDB. */
  private static List<Integer> idsReadByDuckDb(org.apache.hadoop.fs.Path partition) throws IOException {
    List<Map<String, Object>> rows = DuckDb.query("select id from read_parquet('" + store.download(partition) + "/*.parquet') order by id");
    return rows.stream().map(r -> (Integer) r.get("id")).collect(Collectors.toList());
  }

  private static List<String> objectNames(org.apache.hadoop.fs.Path partition) throws IOException {
    FileSystem fs = storage.fileSystem(partition);
    List<String> names = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> listing = fs.listFiles(partition, true);
    while (listing.hasNext()) {
      names.add(listing.next().getPath().getName());
    }
    return names;
  }
}

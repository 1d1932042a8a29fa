package io.qunbao.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.app.QunbaoCli;
import io.qunbao.common.config.ConfigLoader;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.testkit.DuckDb;
import io.qunbao.testkit.S3ProxyServer;
import io.qunbao.testkit.SpecExample;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest with inbox and warehouse on S3 (S3Proxy on 127.0.0.1), run by scripts/qunbao as a
 * scheduler would: it lands the same rows as on local disk; with the store down it fails with one
 * line and publishes nothing; the rerun after the store is back completes the day.
 */
class IngestOnS3IT {
  private static final List<String> SOURCES = List.of("chat", "orders", "scans", "groups", "staff");
  private static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));
  private static final String BUCKET = "ingest-it";

  @TempDir static Path tmp;
  static S3ProxyServer s3;

  @BeforeAll
  static void startStore() throws IOException {
    s3 = S3ProxyServer.startIn(Files.createDirectories(tmp.resolve("s3")));
    s3.createBucket(BUCKET);
  }

  @AfterAll
  static void stopStore() {
    s3.close();
  }

  @Test
  void s3LandsWhatLocalDiskLandsAndSurvivesAnOutage() throws Exception {
    // given: the example inbox uploaded to S3, and a config with inbox and warehouse there
    Path s3Config = Files.writeString(tmp.resolve("s3.yml"), "inbox: s3a://" + BUCKET + "/inbox\n"
        + "work-dir: " + tmp.resolve("work-s3") + "\n" + S3Configs.yaml(s3, "s3a://" + BUCKET + "/warehouse"));
    QunbaoConfig config = new ConfigLoader().load(s3Config);
    Storage storage = new Storage(config);
    org.apache.hadoop.fs.Path inbox = Storage.resolve(config.inbox());
    upload(storage, SpecExample.inbox(), inbox);
    // given: the reference, the same days landed on local disk
    Path localWarehouse = tmp.resolve("local-warehouse");
    Path localConfig = Files.writeString(tmp.resolve("local.yml"), "inbox: " + SpecExample.inbox() + "\n"
        + "warehouse: " + localWarehouse + "\nwork-dir: " + tmp.resolve("work-local") + "\n");
    for (LocalDate day : DAYS) {
      assertThat(QunbaoCli.execute("--config", localConfig.toString(), "ingest", "--date", day.toString())).isZero();
    }

    // when: the first day lands on S3, then the store goes down for the second
    assertThat(qunbao(s3Config, DAYS.get(0)).code()).isZero();
    s3.stop();
    Run duringOutage;
    try {
      duringOutage = qunbao(s3Config, DAYS.get(1));
    } finally {
      s3.start();
    }

    // then: that run failed (1) with a one-line error naming the store, without the secret
    assertThat(duringOutage.code()).isEqualTo(1);
    assertThat(duringOutage.output()).contains("qunbao: ").contains("s3a://" + BUCKET)
        .doesNotContain(S3ProxyServer.SECRET_KEY);
    // then: nothing of the second day is published
    Warehouse warehouse = new Warehouse(Storage.resolve(config.warehouse()));
    PartitionPublisher publisher = new PartitionPublisher(storage, warehouse);
    for (String source : SOURCES) {
      assertThat(publisher.isPublished(warehouse.raw(source, DAYS.get(1)))).as(source).isFalse();
    }

    // when: the same command runs again with the store back
    assertThat(qunbao(s3Config, DAYS.get(1)).code()).isZero();

    // then: every raw and rejects partition on S3 holds exactly the rows of the local run
    int compared = 0;
    for (String source : SOURCES) {
      for (LocalDate day : DAYS) {
        org.apache.hadoop.fs.Path raw = warehouse.raw(source, day);
        boolean landedLocally = Files.exists(localWarehouse.resolve("raw/" + source + "/export_date=" + day + "/_SUCCESS"));
        assertThat(publisher.isPublished(raw)).as(raw.toString()).isEqualTo(landedLocally);
        if (landedLocally) {
          assertThat(rowsOnS3(storage, publisher, raw))
              .as(raw.toString()).isEqualTo(rowsOf(localWarehouse.resolve("raw/" + source + "/export_date=" + day)));
          compared++;
        }
      }
    }
    // the example inbox holds 7 exports dated 10-01 or 10-02 (its <source>/<date>/ folders):
    // chat 01 and 02, groups 01, orders 02, scans 01 and 02, staff 01
    assertThat(compared).isEqualTo(7);
  }

  private record Run(int code, String output) {}

  private static Run qunbao(Path config, LocalDate day) throws Exception {
    Path log = Files.createTempFile(tmp, "qunbao-", ".log");
    Process process = new ProcessBuilder(Repository.root().resolve("scripts/qunbao").toString(), "--config", config.toString(),
        "ingest", "--date", day.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("qunbao ingest did not finish in 5 minutes; see " + log);
    }
    return new Run(process.exitValue(), Files.readString(log));
  }

  /** The rows of the files the partition's manifest lists, downloaded and read by DuckDB. */
  private static List<Map<String, Object>> rowsOnS3(Storage storage, PartitionPublisher publisher,
      org.apache.hadoop.fs.Path partition) throws IOException {
    Path local = Files.createTempDirectory(tmp, "download");
    for (org.apache.hadoop.fs.Path file : publisher.publishedFiles(partition)) {
      storage.fileSystem(file).copyToLocalFile(file, new org.apache.hadoop.fs.Path(local.resolve(file.getName()).toUri()));
    }
    return rowsOf(local);
  }

  /**
   * Copies a local folder to S3 file by file through s3a's output stream (what the jobs use); s3a's
   * copyFromLocalFile goes through the transfer manager, whose payload signing S3Proxy 2.6 rejects.
   */
  private static void upload(Storage storage, Path folder, org.apache.hadoop.fs.Path target) throws IOException {
    FileSystem fs = storage.fileSystem(target);
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(target, folder.relativize(file).toString()))) {
          Files.copy(file, out);
        }
      }
    }
  }

  private static List<Map<String, Object>> rowsOf(Path folder) {
    return new ArrayList<>(DuckDb.query("select * from read_parquet('" + folder + "/*.parquet', hive_partitioning = false) order by all"));
  }
}

package io.qunbao.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.app.QunbaoCli;
import io.qunbao.common.config.ConfigLoader;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.reports.model.ParquetTables;
import io.qunbao.testkit.DuckDb;
import io.qunbao.testkit.S3ProxyServer;
import io.qunbao.testkit.SpecExample;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The nightly job with inbox and warehouse on S3 (S3Proxy on 127.0.0.1), run by scripts/qunbao as a
 * scheduler would: with the store down it fails with one line and publishes nothing; the rerun after
 * the store is back publishes exactly what the same nightly publishes on local disk, landed rows
 * and metric tables alike, though a leftover file no manifest lists sits beside landed rows it reads;
 * a table without rows on its days is published empty there too.
 */
class NightlyOnS3IT {
  private static final String FIRST_DAY = "2026-10-01";
  private static final String RUN_DATE = "2026-10-02";
  private static final String BUCKET = "nightly-it";

  @TempDir static Path tmp;
  static S3Warehouse store;
  static S3ProxyServer s3;

  @BeforeAll
  static void startStore() throws IOException {
    store = S3Warehouse.start(tmp, BUCKET);
    s3 = store.s3();
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @Test
  void theNightlyOnS3PublishesWhatItPublishesLocallyAndSurvivesAnOutage() throws Exception {
    // given: the example inbox uploaded to S3, and a config with inbox and warehouse there
    Path s3Config = s3Config("");
    QunbaoConfig config = new ConfigLoader().load(s3Config);
    Storage storage = store.storage();
    upload(storage, SpecExample.inbox(), Storage.resolve(config.inbox()));
    // given: the reference, the same commands on local disk: ingest of 10-01, nightly of 10-02
    Path localConfig = localConfig(SpecExample.inbox(), "");
    Path local = tmp.resolve("local-warehouse");
    assertThat(QunbaoCli.execute("--config", localConfig.toString(), "ingest", "--date", FIRST_DAY)).isZero();
    assertThat(QunbaoCli.execute("--config", localConfig.toString(), "nightly", "--date", RUN_DATE)).isZero();

    // when: the first day lands on S3, then the store goes down during the nightly of the second
    assertThat(qunbao(s3Config, "ingest", FIRST_DAY).code()).isZero();
    s3.stop();
    Run duringOutage;
    try {
      duringOutage = qunbao(s3Config, "nightly", RUN_DATE);
    } finally {
      s3.start();
    }

    // then: that run failed (1) with a one-line error naming the store, without the secret
    assertThat(duringOutage.code()).isEqualTo(1);
    assertThat(duringOutage.output()).contains("qunbao: ").contains("s3a://" + BUCKET)
        .doesNotContain(S3ProxyServer.SECRET_KEY);
    // then: nothing of the run date is published
    Warehouse warehouse = store.warehouse();
    PartitionPublisher publisher = store.publisher();
    for (String source : List.of("chat", "orders", "scans", "groups", "staff")) {
      assertThat(publisher.isPublished(warehouse.raw(source, java.time.LocalDate.parse(RUN_DATE)))).as(source).isFalse();
    }
    assertThat(storage.fileSystem(warehouse.root()).exists(new org.apache.hadoop.fs.Path(warehouse.root(), "metrics"))).isFalse();

    // given: beside the first day's landed chat, a leftover of a publish that failed halfway: a file no
    // manifest lists (a copy of the landed one, so a reader that took it would count every message twice)
    org.apache.hadoop.fs.Path firstChat = warehouse.raw("chat", java.time.LocalDate.parse(FIRST_DAY));
    org.apache.hadoop.fs.Path landedFile = publisher.published(firstChat).files().get(0);
    org.apache.hadoop.fs.FileUtil.copy(storage.fileSystem(firstChat), landedFile, storage.fileSystem(firstChat),
        new org.apache.hadoop.fs.Path(firstChat, "0a1b2c3d-leftover.parquet"), false, storage.hadoop());

    // when: the same command runs again with the store back
    Run rerun = qunbao(s3Config, "nightly", RUN_DATE);

    // then: it succeeded, and every partition published locally (raw, rejects, metrics) is
    // published on S3 with exactly the same rows: the metrics read the first day through its manifest
    assertThat(rerun.code()).as(rerun.output()).isZero();
    assertPublishedAlike(local, warehouse);
    // and the report's reader, on S3 too, reads the landed rows alone
    java.time.LocalDate first = java.time.LocalDate.parse(FIRST_DAY);
    assertThat(new ParquetTables(storage, publisher).read(warehouse.rawTable("chat"), "export_date", first, first))
        .hasSize(rowsOf(local.resolve("raw/chat/export_date=" + FIRST_DAY)).size());
  }

  @Test
  void aTableWithoutRowsOnAnyDayItPublishesIsPublishedEmptyOnS3() throws Exception {
    // given: the example inbox without its scans, so channel_daily (the scan funnel, per live code)
    // has no row on any day; on S3 its write is skipped (the magic committer cannot commit a
    // partitioned write of no rows, S3SparkCommitIT) and its days are published empty
    Path inbox = tmp.resolve("inbox-without-scans");
    copyExcept(SpecExample.inbox(), inbox, "scans");
    Path s3Config = s3Config("-without-scans");
    QunbaoConfig config = new ConfigLoader().load(s3Config);
    upload(store.storage(), inbox, Storage.resolve(config.inbox()));
    Path localConfig = localConfig(inbox, "-without-scans");
    Path local = tmp.resolve("local-warehouse-without-scans");

    // when: the nightly of the first day runs on local disk and on S3
    assertThat(QunbaoCli.execute("--config", localConfig.toString(), "nightly", "--date", FIRST_DAY)).isZero();
    Run onS3 = qunbao(s3Config, "nightly", FIRST_DAY);

    // then: it succeeded, channel_daily's day is published on S3 with no file, and every partition
    // published locally is published on S3 with the same rows
    assertThat(onS3.code()).as(onS3.output()).isZero();
    Warehouse warehouse = Warehouse.of(config);
    org.apache.hadoop.fs.Path channelDay = new org.apache.hadoop.fs.Path(warehouse.metricsTable("channel_daily"), "dt=" + FIRST_DAY);
    assertThat(store.publisher().isPublished(channelDay)).isTrue();
    assertThat(store.publisher().published(channelDay).files()).isEmpty();
    assertPublishedAlike(local, warehouse);
  }

  /**
   * A config with inbox and warehouse on S3 ({@code s3a://BUCKET/inbox<suffix>}, {@code
   * …/warehouse<suffix>}), reports and work folder local.
   */
  private static Path s3Config(String suffix) throws IOException {
    return Files.writeString(tmp.resolve("s3" + suffix + ".yml"), "inbox: s3a://" + BUCKET + "/inbox" + suffix + "\n"
        + "reports: " + tmp.resolve("reports-s3" + suffix) + "\n"
        + "work-dir: " + tmp.resolve("work-s3" + suffix) + "\n"
        + S3Configs.yaml(s3, "s3a://" + BUCKET + "/warehouse" + suffix));
  }

  /** The reference: a config reading {@code inbox}, with everything on local disk (warehouse {@code local-warehouse<suffix>}). */
  private static Path localConfig(Path inbox, String suffix) throws IOException {
    return Files.writeString(tmp.resolve("local" + suffix + ".yml"), "inbox: " + inbox + "\n"
        + "warehouse: " + tmp.resolve("local-warehouse" + suffix) + "\nreports: " + tmp.resolve("reports-local" + suffix)
        + "\nwork-dir: " + tmp.resolve("work-local" + suffix)
        + "\n" + S3Configs.SMALL_SPARK + "  conf:\n" + S3Configs.SMALL_SPARK_CONF);
  }

  /** Every partition published under the local warehouse is published under {@code onS3} with the same rows. */
  private static void assertPublishedAlike(Path local, Warehouse onS3) throws IOException {
    List<String> partitions = publishedPartitions(local);
    assertThat(partitions).anyMatch(p -> p.startsWith("metrics/")).anyMatch(p -> p.startsWith("raw/"));
    for (String partition : partitions) {
      org.apache.hadoop.fs.Path published = new org.apache.hadoop.fs.Path(onS3.root(), partition);
      assertThat(store.publisher().isPublished(published)).as(partition).isTrue();
      assertThat(rowsOf(store.download(published))).as(partition).isEqualTo(rowsOf(local.resolve(partition)));
    }
  }

  private record Run(int code, String output) {}

  private static Run qunbao(Path config, String command, String date) throws Exception {
    Path log = Files.createTempFile(tmp, command + "-", ".log");
    Process process = new ProcessBuilder(Repository.root().resolve("scripts/qunbao").toString(), "--config", config.toString(),
        command, "--date", date).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("qunbao " + command + " did not finish in 10 minutes; see " + log);
    }
    return new Run(process.exitValue(), Files.readString(log));
  }

  /** Folders under the warehouse holding a _SUCCESS, relative to it ("raw/chat/export_date=…"). */
  private static List<String> publishedPartitions(Path warehouse) throws IOException {
    try (Stream<Path> files = Files.walk(warehouse)) {
      return files.filter(f -> f.getFileName().toString().equals(PartitionPublisher.SUCCESS))
          .map(f -> warehouse.relativize(f.getParent()).toString())
          .filter(p -> !p.startsWith("_"))
          .sorted().toList();
    }
  }

  /** Copies {@code folder} to {@code target}, without its subfolder {@code left}. */
  private static void copyExcept(Path folder, Path target, String left) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = folder.relativize(file);
        if (!relative.startsWith(left)) {
          Path copy = target.resolve(relative.toString());
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy);
        }
      }
    }
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

  private static List<Map<String, Object>> rowsOf(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      if (files.noneMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
        return List.of();
      }
    }
    return new ArrayList<>(DuckDb.query("select * from read_parquet('" + folder + "/*.parquet', hive_partitioning = false)"
        + " order by all"));
  }
}

package io.qunbao.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.app.QunbaoCli;
import io.qunbao.common.ExitCode;
import io.qunbao.common.config.ConfigLoader;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.testkit.DuckDb;
import io.qunbao.testkit.SparkCluster;
import io.qunbao.testkit.SpecExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@code nightly} command with a cluster {@code spark.master}: its metrics step submits the
 * cluster jar (target/qunbao-metrics-cluster.jar) with Spark's launcher to a standalone cluster of a
 * master and two workers, and publishes the same tables as the same night on local[2]. A failed
 * submission fails the night, and the rerun resumes at the metrics step.
 */
class MetricsOnSparkClusterIT {
  private static final String RUN_DATE = "2026-10-03";
  private static final Path CLUSTER_JAR = Path.of("target", "qunbao-metrics-cluster.jar").toAbsolutePath();

  @TempDir static Path tmp;
  static SparkCluster cluster;

  @BeforeAll
  static void startCluster() {
    // under target/, so the daemons' and executors' logs outlive a failed run
    cluster = SparkCluster.startIn(Path.of("target", "spark-cluster").toAbsolutePath());
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theNightlyOnTheClusterPublishesTheSameTablesAsLocallyAndResumesAfterAFailedSubmission() throws Exception {
    // given: the spec's example inbox (exports of 2026-10-01 .. 10-04) and two empty warehouses; the
    // nightly of 10-03 lands 10-01 and 10-02 as late exports, then 10-03, then computes the metrics
    Path local = tmp.resolve("local");
    Path onCluster = tmp.resolve("cluster");
    assertThat(QunbaoCli.execute("--config", config("local", local, "local[2]", CLUSTER_JAR).toString(),
        "nightly", "--date", RUN_DATE)).isZero();

    // when: the cluster night's submission fails (no cluster jar where the config says)
    Path missingJar = tmp.resolve("no-such.jar");
    int failed = QunbaoCli.execute("--config", config("cluster", onCluster, cluster.masterUrl(), missingJar).toString(),
        "nightly", "--date", RUN_DATE);
    // then: the night failed in its metrics step, with the exports landed
    assertThat(failed).isEqualTo(ExitCode.USAGE.code());
    org.apache.hadoop.fs.Path landedChat = new org.apache.hadoop.fs.Path(onCluster.resolve("raw/chat/export_date=" + RUN_DATE).toUri());
    String landedVersion = publisher(onCluster).published(landedChat).version();

    // when: the same night runs again with the jar, on the cluster
    assertThat(QunbaoCli.execute("--config", config("cluster", onCluster, cluster.masterUrl(), CLUSTER_JAR).toString(),
        "nightly", "--date", RUN_DATE)).isZero();

    // then: it resumed at the metrics step (the landed exports are the first run's, not landed again)
    assertThat(publisher(onCluster).published(landedChat).version()).isEqualTo(landedVersion);
    // then: the master ran the application (on its workers' executors)
    assertThat(cluster.masterState().path("completedapps").findValuesAsText("name"))
        .contains("qunbao-metrics " + RUN_DATE);
    // then: both published the same metric tables, row for row (read back by DuckDB), and the reports
    List<String> tables = tables(local);
    assertThat(tables).isNotEmpty().isEqualTo(tables(onCluster));
    for (String table : tables) {
      List<Map<String, Object>> localRows = rows(local, table);
      assertThat(rows(onCluster, table)).as(table).isEqualTo(localRows);
    }
    assertThat(tables.stream().mapToInt(t -> rows(local, t).size()).sum()).isPositive();
    assertThat(tmp.resolve("reports-cluster/" + RUN_DATE + "/index.html")).exists();
  }

  /** A config of the warehouse {@code warehouse} whose metrics run on {@code master}. */
  private static Path config(String name, Path warehouse, String master, Path clusterJar) throws IOException {
    return Files.writeString(tmp.resolve(name + ".yml"), String.join("\n",
        "inbox: " + SpecExample.inbox(),
        "warehouse: " + warehouse,
        "reports: " + tmp.resolve("reports-" + name),
        "work-dir: " + tmp.resolve("work-" + name),
        "spark:",
        "  master: " + master,
        "  home: " + cluster.sparkHome(),
        "  cluster-jar: " + clusterJar,
        "  conf:",
        "    spark.driver.host: 127.0.0.1",
        "    spark.ui.enabled: \"false\"",
        "    spark.sql.shuffle.partitions: \"4\"",
        "    spark.executor.memory: 512m", ""));
  }

  private static PartitionPublisher publisher(Path warehouse) throws IOException {
    QunbaoConfig config = new ConfigLoader().load(Files.writeString(tmp.resolve("read.yml"), "warehouse: " + warehouse + "\n"));
    Storage storage = new Storage(config);
    return new PartitionPublisher(storage, Warehouse.of(config));
  }

  /**
   * The metric tables: the folders under metrics/, hidden entries left out (the job's own
   * _recomputation.json and the local file system's .crc of it are no tables).
   */
  private static List<String> tables(Path warehouse) throws IOException {
    try (Stream<Path> entries = Files.list(warehouse.resolve("metrics"))) {
      return entries.filter(Files::isDirectory).map(d -> d.getFileName().toString())
          .filter(name -> !name.startsWith("_") && !name.startsWith(".")).sorted().toList();
    }
  }

  /** Every row of every published partition, in a total order. */
  private static List<Map<String, Object>> rows(Path warehouse, String table) {
    return DuckDb.query("select * from read_parquet('" + warehouse.resolve("metrics").resolve(table)
        + "/*/*.parquet', hive_partitioning = true, union_by_name = true) order by all");
  }
}

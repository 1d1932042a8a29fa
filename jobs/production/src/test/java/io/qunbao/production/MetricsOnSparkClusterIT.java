package io.qunbao.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.app.QunbaoCli;
import io.qunbao.testkit.DuckDb;
import io.qunbao.testkit.SparkCluster;
import io.qunbao.testkit.SpecExample;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics, run by spark-submit from the cluster jar (target/qunbao-metrics-cluster.jar) on a
 * standalone cluster of a master and two workers, publish the same tables as the same jar on
 * local[2].
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
  void theClusterRunPublishesTheSameTablesAsTheLocalRun() throws Exception {
    // given: the spec's example inbox landed for 2026-10-01 .. 10-03, in two identical warehouses
    Path landed = tmp.resolve("landed");
    Path ingestConfig = config("ingest", landed);
    for (String day : List.of("2026-10-01", "2026-10-02", "2026-10-03")) {
      assertThat(QunbaoCli.execute("--config", ingestConfig.toString(), "ingest", "--date", day)).isZero();
    }
    Path local = copy(landed, tmp.resolve("local"));
    Path onCluster = copy(landed, tmp.resolve("cluster"));

    // when: spark-submit runs the metrics of the run date on local[2], then on the cluster
    assertThat(sparkSubmit("local[2]", config("local", local), tmp.resolve("local-submit.log"))).isZero();
    assertThat(sparkSubmit(cluster.masterUrl(), config("cluster", onCluster), tmp.resolve("cluster-submit.log"))).isZero();

    // then: the master ran the application (on its workers' executors)
    assertThat(cluster.masterState().path("completedapps").findValuesAsText("name"))
        .contains("qunbao-metrics " + RUN_DATE);
    // then: both published the same metric tables, row for row (read back by DuckDB)
    List<String> tables = tables(local);
    assertThat(tables).isNotEmpty().isEqualTo(tables(onCluster));
    for (String table : tables) {
      List<Map<String, Object>> localRows = rows(local, table);
      assertThat(rows(onCluster, table)).as(table).isEqualTo(localRows);
    }
    assertThat(tables.stream().mapToInt(t -> rows(local, t).size()).sum()).isPositive();
  }

  private static Path config(String name, Path warehouse) throws IOException {
    return Files.writeString(tmp.resolve(name + ".yml"), String.join("\n",
        "inbox: " + SpecExample.inbox(),
        "warehouse: " + warehouse,
        "work-dir: " + tmp.resolve("work-" + name), ""));
  }

  /** spark-submit, as a separate JVM on the cluster's Spark jars, of the cluster jar. */
  private static int sparkSubmit(String master, Path config, Path log) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Dio.netty")).toList());
    command.addAll(List.of("-cp", cluster.sparkClasspath(), "org.apache.spark.deploy.SparkSubmit",
        "--master", master,
        "--class", "io.qunbao.metrics.MetricsMain",
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.sql.shuffle.partitions=4",
        "--conf", "spark.executor.memory=512m",
        CLUSTER_JAR.toString(),
        "--config", config.toString(), "--date", RUN_DATE));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(cluster.environment());
    Process process = builder.start();
    if (!process.waitFor(20, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("spark-submit on " + master + " did not finish in 20 minutes; see " + log);
    }
    if (process.exitValue() != 0) {
      System.err.println(Files.readString(log));
    }
    return process.exitValue();
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

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Files.copy(source, to.resolve(from.relativize(source).toString()));
      }
    }
    return to;
  }
}

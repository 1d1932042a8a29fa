package io.qunbao.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.S3SparkSettings;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark writes into s3a staging through the magic committer, and the publisher makes it visible. */
class S3SparkCommitIT {
  @TempDir static Path tmp;
  static S3Warehouse store;
  static SparkSession spark;
  static PartitionPublisher publisher;
  static Warehouse warehouse;
  static Storage storage;

  @BeforeAll
  static void start() throws IOException {
    store = S3Warehouse.start(tmp, "spark-commit-it");
    storage = store.storage();
    warehouse = store.warehouse();
    publisher = store.publisher();
    SparkSession.Builder builder = SparkSession.builder()
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1");
    S3SparkSettings.sparkConf(store.config()).forEach(builder::config);
    spark = builder.getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
    store.close();
  }

  @Test
  void sparkOutputIsCommittedByTheMagicCommitterAndPublishedWhole() throws IOException {
    // given: 100 rows (ids 1..100) in 4 partitions, so 4 tasks each commit a file
    Dataset<Row> rows = spark.range(1, 101).toDF("id").repartition(4);
    org.apache.hadoop.fs.Path partition = warehouse.metrics("spark_written", LocalDate.of(2026, 3, 14));
    org.apache.hadoop.fs.Path staged = publisher.stage(partition);

    // when: Spark writes the staging folder and the publisher publishes it
    rows.write().parquet(staged.toString());
    JsonNode commit = readJson(new org.apache.hadoop.fs.Path(staged, "_SUCCESS"));
    publisher.publish(staged, partition);

    // then: the magic committer wrote the staged output (its _SUCCESS is JSON naming it), all 4
    // files are published, and Spark reads back exactly ids 1..100 (sum = 100*101/2 = 5050)
    assertThat(commit.path("committer").asText()).isEqualTo("magic");
    List<org.apache.hadoop.fs.Path> files = publisher.published(partition).files();
    assertThat(files).hasSize(4);
    Row summary = spark.read().parquet(files.stream().map(Object::toString).toArray(String[]::new))
        .selectExpr("count(*) as n", "sum(id) as total", "count(distinct id) as distinct_ids").first();
    assertThat(summary.getLong(0)).isEqualTo(100L);
    assertThat(summary.getLong(1)).isEqualTo(5050L);
    assertThat(summary.getLong(2)).isEqualTo(100L);
  }

  @Test
  void theMagicCommitterCannotCommitAPartitionedWriteOfNoRows() {
    // given: no rows, to be written by day (MetricsPublisher.stageDays skips such a write on S3)
    Dataset<Row> none = spark.range(0).selectExpr("id", "date'2026-03-14' as dt");
    org.apache.hadoop.fs.Path staged = publisher.stage(warehouse.metrics("nothing_written", LocalDate.of(2026, 3, 14)));

    // when/then: the task's commit lists its output folder, which a task without rows never created
    assertThatThrownBy(() -> none.write().partitionBy("dt").parquet(staged.toString()))
        .hasStackTraceContaining("FileNotFoundException").hasStackTraceContaining("__base");
  }

  private static JsonNode readJson(org.apache.hadoop.fs.Path file) throws IOException {
    try (InputStream in = storage.fileSystem(file).open(file)) {
      return new ObjectMapper().readTree(in);
    }
  }
}

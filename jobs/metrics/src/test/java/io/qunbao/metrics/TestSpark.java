package io.qunbao.metrics;

import io.qunbao.common.config.ConfigLoader;
import io.qunbao.common.config.QunbaoConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The one local session a test class shares, tuned for tiny data, and configs pointing at a temp warehouse. */
final class TestSpark {
  private TestSpark() {}

  static SparkSession start() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("qunbao-metrics-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        // interpreted, not compiled: a fixture's rows are too few to repay compiling every stage's code
        // (the run's own SQL is the same either way; the app's and production's tests run it compiled)
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        // what parquet-avro writes for timestamp-millis, so fixtures land like ingest's files
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS")
        .getOrCreate();
  }

  /** The defaults, with the warehouse under {@code dir} and {@code extraYaml} laid over them. */
  static QunbaoConfig config(Path dir, String extraYaml) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("qunbao-" + System.nanoTime() + ".yml");
      Files.writeString(file, "warehouse: " + dir.resolve("warehouse") + "\n" + extraYaml);
      return new ConfigLoader().load(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

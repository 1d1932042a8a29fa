package io.qunbao.metrics;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class with its one shared local session (see {@link TestSpark}) and a temp folder. */
abstract class LocalSparkTest {
  static SparkSession spark;
  @TempDir static Path dir;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.start();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }
}

package io.qunbao.metrics;

import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class with the test JVM's one local session (see {@link TestSpark}) and a temp folder. The
 * session outlives the class (Spark stops with the JVM); what a class registered in it does not.
 */
abstract class LocalSparkTest {
  static SparkSession spark;
  @TempDir static Path dir;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.start();
  }

  @AfterAll
  static void forgetViews() {
    for (Row view : spark.sql("show tables").where("isTemporary").collectAsList()) {
      spark.catalog().dropTempView(view.getAs("tableName"));
    }
    spark.catalog().clearCache();
  }
}

package io.qunbao.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.testkit.SparkCluster;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkClusterIT {
  static SparkCluster cluster;

  @BeforeAll
  static void startCluster() {
    // under target/, so the daemons' and executors' logs outlive a failed run
    cluster = SparkCluster.startIn(Path.of("target", "spark-cluster"));
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void aJobRunsOnTheTwoWorkers() {
    // given: a driver connected to the standalone master
    SparkSession spark = SparkSession.builder().master(cluster.masterUrl())
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.executor.memory", "512m").getOrCreate();
    try {
      // when: a job sums 1..1000 in 4 tasks
      long total = spark.range(1, 1001, 1, 4).selectExpr("sum(id)").first().getLong(0);

      // then: 1000*1001/2 = 500500, and the master saw two executors' worth of cores
      assertThat(total).isEqualTo(500_500L);
      assertThat(cluster.masterState().path("workers")).hasSize(2);
    } finally {
      spark.stop();
    }
  }
}

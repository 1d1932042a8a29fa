package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quality gate fails with one clear line and exit code DATA_QUALITY. */
class QualityChecksTest extends LocalSparkTest {
  static FamilyFixture fixture;

  @BeforeAll
  static void landAndRun() {
    fixture = new FamilyFixture(spark, dir);
    fixture.landed.land("groups", FamilyFixture.GROUPS, "2026-05-01,g1,G1,camp,boss,2026-04-01T00:00:00Z,");
    fixture.landed.land("chat", FamilyFixture.CHAT, "2026-05-01,a1,g1,a,2026-05-01T02:00:00Z,member_join,");
    fixture.run(LocalDate.parse("2026-05-01"));
  }

  private static Map<TableSpec, Dataset<Row>> outputs() {
    Map<TableSpec, Dataset<Row>> outputs = new LinkedHashMap<>();
    TableSpec.METRICS.forEach(t -> outputs.put(TableSpec.load(t), TableSpec.load(t).conform(spark.table(t))));
    return outputs;
  }

  @Test
  void consistentTablesPass() {
    new QualityChecks(new SqlModels(spark, Map.of())).verify(outputs());
  }

  @Test
  void aDuplicateKeyFailsTheGateWithOneLine() {
    // given group_daily with its one row twice
    Map<TableSpec, Dataset<Row>> outputs = outputs();
    TableSpec groupDaily = TableSpec.load("group_daily");
    outputs.put(groupDaily, outputs.get(groupDaily).union(outputs.get(groupDaily)));

    assertThatThrownBy(() -> new QualityChecks(new SqlModels(spark, Map.of())).verify(outputs))
        .isInstanceOfSatisfying(QunbaoException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DATA_QUALITY))
        .hasMessage("data-quality check failed, nothing published: duplicate keys in group_daily"
            + " (dt=2026-05-01 group_id=g1 appears 2 times)");
  }

  @Test
  void moreReachedThanMembersFailsTheGate() {
    // given a type_daily view claiming 5 reached of 1 member
    Dataset<Row> original = spark.table("type_daily");
    original.withColumn("reached_members", org.apache.spark.sql.functions.lit(5L)).createOrReplaceTempView("type_daily");
    try {
      assertThatThrownBy(() -> new QualityChecks(new SqlModels(spark, Map.of())).verify(Map.of()))
          .isInstanceOf(QunbaoException.class)
          .hasMessageContaining("reached_members above members")
          .hasMessageContaining("reached_members 5 > members 1");
    } finally {
      original.createOrReplaceTempView("type_daily");
    }
  }
}

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
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quality gate fails with one clear line and exit code DATA_QUALITY. */
class QualityChecksTest extends LocalSparkTest {
  static FamilyFixture fixture;

  @BeforeAll
  static void landAndRun() {
    fixture = new FamilyFixture(spark, dir);
    fixture.landed.land("groups", FamilyFixture.GROUPS, "2026-05-01,g1,G1,camp,boss,2026-04-01T00:00:00Z,");
    fixture.landed.land("chat", FamilyFixture.CHAT,
        "2026-05-01,a1,g1,a,2026-05-01T02:00:00Z,member_join,",
        // b's join invited by a, a customer: one referred join in type_daily and referral_daily
        "2026-05-01,b1,g1,b,2026-05-01T03:00:00Z,member_join,a");
    fixture.run(LocalDate.parse("2026-05-01"));
    // computed once: each test checks these rows, as a run checks its materialized outputs
    TableSpec.METRICS.forEach(t -> spark.table(t).localCheckpoint().createOrReplaceTempView(t));
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
  void referralJoinsOtherThanTypeDailysFailTheGate() {
    // given referral_daily claiming 2 referred joins where type_daily has b's one
    Dataset<Row> original = spark.table("referral_daily");
    original.withColumn("referred_joins", functions.col("referred_joins").plus(1)).createOrReplaceTempView("referral_daily");
    try {
      assertThatThrownBy(() -> new QualityChecks(new SqlModels(spark, Map.of())).verify(Map.of()))
          .isInstanceOf(QunbaoException.class)
          .hasMessageContaining("referral_daily not adding up to type_daily's referred joins")
          .hasMessageContaining("referral_daily dt=2026-05-01 camp: referred_joins 2 (net 1, quick quits 0, repeats 0,"
              + " by depth 1/0/0) but type_daily 1");
    } finally {
      original.createOrReplaceTempView("referral_daily");
    }
  }

  @Test
  void moreFullGroupsThanGroupsFailTheGate() {
    // given a campaign_daily row with 2 full groups of 1
    Dataset<Row> original = spark.table("campaign_daily");
    spark.sql("select * from values (date'2026-05-01', 'c1', 1L, 0L, 2L, cast(null as double), cast(null as double))"
        + " as campaign(dt, code_id, groups, new_groups, full_groups, scan_join_rate, conversion_rate)")
        .createOrReplaceTempView("campaign_daily");
    try {
      assertThatThrownBy(() -> new QualityChecks(new SqlModels(spark, Map.of())).verify(Map.of()))
          .isInstanceOf(QunbaoException.class)
          .hasMessageContaining("a campaign with more new or full groups than groups")
          .hasMessageContaining("campaign_daily dt=2026-05-01 c1: groups 1, new_groups 0, full_groups 2");
    } finally {
      original.createOrReplaceTempView("campaign_daily");
    }
  }

  @Test
  void moreReachedThanMembersFailsTheGate() {
    // given a type_daily view claiming 5 reached of 2 members (a and b)
    Dataset<Row> original = spark.table("type_daily");
    original.withColumn("reached_members", org.apache.spark.sql.functions.lit(5L)).createOrReplaceTempView("type_daily");
    try {
      assertThatThrownBy(() -> new QualityChecks(new SqlModels(spark, Map.of())).verify(Map.of()))
          .isInstanceOf(QunbaoException.class)
          .hasMessageContaining("reached_members above members")
          .hasMessageContaining("reached_members 5 > members 2");
    } finally {
      original.createOrReplaceTempView("type_daily");
    }
  }
}

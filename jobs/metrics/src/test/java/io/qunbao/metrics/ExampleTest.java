package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.testkit.SpecExample;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The worked example of spec/example: its inbox, landed (rejects left out) and run for
 * R = 2026-10-03, must publish exactly the rows of expected/*.csv, and with a 1-day window those
 * of expected/window_1/. The expected rows are the spec's hand computation (example/README.md).
 */
class ExampleTest extends LocalSparkTest {
  static final LocalDate RUN_DATE = LocalDate.parse("2026-10-03");

  @Test
  void theExampleInboxPublishesExactlyTheExpectedTables() throws Exception {
    // given the example's exports, landed as ingest lands them
    Path root = dir.resolve("window7");
    new LandedFixture(spark, root.resolve("warehouse")).landExample();

    // when the metrics run for R with the default 7-day window
    RunSummary summary = new MetricsJob(TestSpark.config(root, ""), spark).run(RUN_DATE, Scope.NIGHTLY);

    // then every table holds exactly the expected rows, read back by DuckDB
    Path expected = SpecExample.root().resolve("expected");
    for (String table : TableSpec.METRICS) {
      PublishedTables.assertMatches(root.resolve("warehouse"), table, expected.resolve(table + ".csv"));
    }
    // and referrer_daily (Qunbao's addition) names the referrers behind type_daily.referred_joins:
    // D1 gA u1's member_join invited by u2, a customer (u3's inviter s_adm is staff, u4 invited
    // herself); D2 gB u9 invited by u7. u2's D2 member_join in gA, invited by u1, came while u2 was
    // present: no join, so no referral.
    PublishedTables.assertMatches(root.resolve("warehouse"), "referrer_daily",
        Path.of(ExampleTest.class.getResource("/expected-extra/referrer_daily.csv").toURI()));
    assertThat(summary.tables().get("group_daily").partitions()).isEqualTo(3);
    assertThat(summary.totalRevisions()).isZero();
  }

  @Test
  void aOneDayWindowGivesTheWindow1Cohorts() {
    Path root = dir.resolve("window1");
    new LandedFixture(spark, root.resolve("warehouse")).landExample();

    new MetricsJob(TestSpark.config(root, "metrics:\n  conversion-window-days: 1\n"), spark).run(RUN_DATE, Scope.NIGHTLY);

    PublishedTables.assertMatches(root.resolve("warehouse"), "cohort_conversion",
        SpecExample.root().resolve("expected/window_1/cohort_conversion.csv"));
  }
}

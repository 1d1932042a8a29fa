package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.testkit.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;

/**
 * metrics.md, "Runs, late data and recomputation": after nightly runs day by day, every published
 * partition equals one full recomputation over all exports; a rerun changes nothing; a restated
 * value is recorded in revisions. Data: the worked example, whose D2 and D3 exports hold late
 * messages (m21), repeated rows (m03, m16, sc1, o1, o8) and a refund of a D1 purchase (o5).
 */
class RecomputationTest extends LocalSparkTest {
  static final List<LocalDate> DAYS =
      List.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-03"));

  @Test
  void nightlyDayByDayEqualsOneFullRecomputationAndARerunChangesNothing() throws IOException {
    // given one warehouse fed and run night by night, and one landed at once and run in full
    Path nightly = dir.resolve("nightly");
    LandedFixture nightlyInbox = new LandedFixture(spark, nightly.resolve("warehouse"));
    MetricsJob nightlyJob = new MetricsJob(TestSpark.config(nightly, ""), spark);
    nightlyInbox.landExample(DAYS.get(0)::equals);
    nightlyJob.run(DAYS.get(0), Scope.NIGHTLY);
    nightlyInbox.landExample(DAYS.get(1)::equals);
    nightlyJob.run(DAYS.get(1), Scope.NIGHTLY);

    // when the D3 run fails while it publishes the metrics (group_health's folder cannot be written:
    // a file stands where it should be), the revisions it found are not published: readers never see
    // a revision of values that are not there
    nightlyInbox.landExample(DAYS.get(2)::equals);
    Path groupHealth = nightly.resolve("warehouse/metrics/group_health");
    Path keptAside = nightly.resolve("group_health-aside");
    Files.move(groupHealth, keptAside);
    Files.writeString(groupHealth, "not a folder");
    assertThatThrownBy(() -> nightlyJob.run(DAYS.get(2), Scope.NIGHTLY)).isInstanceOf(RuntimeException.class);
    assertThat(nightly.resolve("warehouse/metrics/revisions/run_date=" + DAYS.get(2))).doesNotExist();
    // and the rerun, once the folder is back, publishes them, although group_daily's changed day was
    // published by the failed run and no longer differs
    Files.delete(groupHealth);
    Files.move(keptAside, groupHealth);
    nightlyJob.run(DAYS.get(2), Scope.NIGHTLY);
    Path full = dir.resolve("full");
    new LandedFixture(spark, full.resolve("warehouse")).landExample();
    new MetricsJob(TestSpark.config(full, ""), spark).run(DAYS.get(2), Scope.FULL);

    // then every table has the same rows in both
    for (String table : TableSpec.PUBLISHED_METRICS) {
      assertThat(sortedRows(nightly, table)).as(table).isEqualTo(sortedRows(full, table));
    }

    // and the D3 run restated gA's D1 gmv: o5 (20.00, paid D1, tagged gA) was refunded in the D3
    // export, so 1299.00 (o1) + 25.00 (o21) + 20.00 (o5) = 1344.00 became 1324.00
    List<Map<String, Object>> gmvRevisions = DuckDb.query("select old_value, new_value from read_parquet('"
        + nightly.resolve("warehouse/metrics/revisions") + "/*/*.parquet', hive_partitioning = true)"
        + " where table_name = 'group_daily' and dt = DATE '2026-10-01' and row_key = 'group_id=gA'"
        + " and column_name = 'gmv' and run_date = DATE '2026-10-03'");
    assertThat(gmvRevisions).containsExactly(Map.of("old_value", "1344.00", "new_value", "1324.00"));
    assertThat(nightly.resolve("warehouse/metrics/_pending_revisions/run_date=" + DAYS.get(2))).doesNotExist();

    // when D3 is run again: nothing is republished and no revision is recorded
    RunSummary rerun = nightlyJob.run(DAYS.get(2), Scope.NIGHTLY);
    TableSpec.PUBLISHED_METRICS.forEach(table -> assertThat(rerun.tables().get(table).partitions()).as(table).isZero());
    assertThat(rerun.totalRevisions()).isZero();

    // when the published intervals are gone (a crash between the two renames of their swap), the walk
    // cannot resume and walks every day: a rerun still changes nothing
    PathUtils.deleteDirectory(nightly.resolve("warehouse/curated/membership_intervals"));
    RunSummary withoutIntervals = nightlyJob.run(DAYS.get(2), Scope.NIGHTLY);
    TableSpec.PUBLISHED_METRICS.forEach(table -> assertThat(withoutIntervals.tables().get(table).partitions()).as(table).isZero());
    assertThat(withoutIntervals.totalRevisions()).isZero();

    // when D2 alone is backfilled with every export so far (run date D3, range D2..D2):
    // every table republishes exactly that day, nothing is restated, and all still equals the full run
    RunSummary backfill = nightlyJob.run(DAYS.get(2), Scope.range(DAYS.get(1), DAYS.get(1)));
    TableSpec.PUBLISHED_METRICS.forEach(table -> assertThat(backfill.tables().get(table).partitions()).as(table).isEqualTo(1));
    assertThat(backfill.totalRevisions()).isZero();
    for (String table : TableSpec.PUBLISHED_METRICS) {
      assertThat(sortedRows(nightly, table)).as(table).isEqualTo(sortedRows(full, table));
    }

    // when curated/messages is in its layout of before it was kept by day (published whole: its files
    // and _SUCCESS at the table's root), the next night cleans every day again and publishes them by
    // day: the same messages, nothing of the whole-table publication left, no metric restated
    Path messages = nightly.resolve("warehouse/curated/" + TableSpec.MESSAGES);
    List<String> messagesByDay = sortedCuratedByDay(nightly);
    publishWholeInstead(nightly, messages);
    assertThat(messages.resolve(PartitionPublisher.SUCCESS)).exists();
    RunSummary converted = nightlyJob.run(DAYS.get(2), Scope.NIGHTLY);
    assertThat(converted.totalRevisions()).isZero();
    try (Stream<Path> entries = Files.list(messages)) {
      assertThat(entries.map(entry -> entry.getFileName().toString()))
          .containsExactlyInAnyOrder(DAYS.stream().map(day -> TableSpec.DT + "=" + day).toArray(String[]::new));
    }
    assertThat(sortedCuratedByDay(nightly)).isEqualTo(messagesByDay);
  }

  /** Replaces the curated table at {@code table} by the same rows published whole, as before it was kept by day. */
  private static void publishWholeInstead(Path root, Path table) throws IOException {
    QunbaoConfig config = TestSpark.config(root, "");
    Storage storage = new Storage(config);
    MetricsPublisher publisher = new MetricsPublisher(spark, storage, Warehouse.of(config));
    Path whole = root.resolve("published-whole");
    TableSpec spec = TableSpec.load(TableSpec.MESSAGES);
    publisher.publishWhole(spec.conform(spark.read().parquet(table.toString())),
        new org.apache.hadoop.fs.Path(whole.toUri()));
    PathUtils.deleteDirectory(table);
    Files.move(whole, table);
  }

  private static List<String> sortedCuratedByDay(Path root) {
    return PublishedTables.sorted(PublishedTables.readCuratedByDay(root.resolve("warehouse"), TableSpec.MESSAGES));
  }

  private static List<String> sortedRows(Path root, String table) {
    return PublishedTables.sorted(PublishedTables.read(root.resolve("warehouse"), table));
  }
}

package io.qunbao.metrics;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.ingest.SourceIngestion;
import io.qunbao.ingest.SourceReader;
import io.qunbao.ingest.chat.ChatSource;
import io.qunbao.ingest.groups.GroupsSource;
import io.qunbao.ingest.orders.OrdersSource;
import io.qunbao.ingest.parse.Timestamps;
import io.qunbao.ingest.scans.ScansSource;
import io.qunbao.ingest.staff.StaffSource;
import io.qunbao.testkit.SpecExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The worked example end to end: the real ingest lands every export of spec/example/inbox, then
 * the metrics run for R = 2026-10-03 must publish exactly expected/*.csv (read back by DuckDB).
 */
class IngestedExampleIT extends LocalSparkTest {

  @Test
  void theIngestedExampleInboxPublishesExactlyTheExpectedTables() throws IOException {
    // given the example inbox landed by the ingest, every source and export date
    Path root = dir.resolve("ingested");
    QunbaoConfig config = TestSpark.config(root, "inbox: " + SpecExample.inbox() + "\n");
    SourceIngestion ingestion = new SourceIngestion(config, new Storage(config));
    Timestamps timestamps = new Timestamps(config.zone());
    List<SourceReader<?>> sources = List.of(
        new ChatSource(timestamps, config.ingest().keepMessageText()),
        new OrdersSource(config.ingest().encodings().get("orders"), timestamps),
        new ScansSource(config.ingest().encodings().get("scans"), timestamps),
        new GroupsSource(config.ingest().encodings().get("groups"), timestamps),
        new StaffSource(config.ingest().encodings().get("staff"), timestamps));
    for (SourceReader<?> source : sources) {
      try (Stream<Path> dates = Files.list(SpecExample.inbox().resolve(source.source()))) {
        for (Path date : dates.sorted().toList()) {
          ingestion.ingest(source, LocalDate.parse(date.getFileName().toString()));
        }
      }
    }

    // when the metrics run for the example's run date
    new MetricsJob(config, spark).run(ExampleTest.RUN_DATE, Scope.NIGHTLY);

    // then every table holds exactly the expected rows
    for (String table : TableSpec.METRICS) {
      PublishedTables.assertMatches(root.resolve("warehouse"), table, SpecExample.expected(table + ".csv"));
    }
  }
}

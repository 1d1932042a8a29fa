package io.qunbao.ingest;

import io.qunbao.common.config.ConfigLoader;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.ingest.chat.ChatSource;
import io.qunbao.ingest.groups.GroupsSource;
import io.qunbao.ingest.orders.OrdersSource;
import io.qunbao.ingest.parse.Timestamps;
import io.qunbao.ingest.scans.ScansSource;
import io.qunbao.ingest.staff.StaffSource;
import io.qunbao.testkit.DuckDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An inbox and a warehouse in a temporary folder, the five sources, and DuckDB reads of the output. */
final class IngestFixture {
  final Path inbox;
  final Path warehouse;
  final QunbaoConfig config;
  final SourceIngestion ingestion;
  final Timestamps timestamps;

  IngestFixture(Path inbox, Path root, String extraYaml) {
    this.inbox = inbox;
    this.warehouse = root.resolve("warehouse");
    try {
      Path yaml = root.resolve("qunbao.yml");
      Files.writeString(yaml, "inbox: " + inbox + "\nwarehouse: " + warehouse + "\nwork-dir: " + root.resolve("work")
          + "\n" + extraYaml);
      this.config = new ConfigLoader().load(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.ingestion = new SourceIngestion(config, new Storage(config));
    this.timestamps = new Timestamps(config.zone());
  }

  SourceReader<?> source(String name) {
    return switch (name) {
      case "chat" -> new ChatSource(timestamps, config.ingest().keepMessageText());
      case "orders" -> new OrdersSource(config.ingest().encodings().get("orders"), timestamps);
      case "scans" -> new ScansSource(config.ingest().encodings().get("scans"), timestamps);
      case "groups" -> new GroupsSource(config.ingest().encodings().get("groups"), timestamps);
      case "staff" -> new StaffSource(config.ingest().encodings().get("staff"), timestamps);
      default -> throw new IllegalArgumentException(name);
    };
  }

  IngestSummary ingest(String source, String date) {
    return ingestion.ingest(source(source), LocalDate.parse(date));
  }

  Path raw(String source, String date) {
    return warehouse.resolve("raw/" + source + "/export_date=" + date);
  }

  Path rejects(String source, String date) {
    return warehouse.resolve("rejects/" + source + "/export_date=" + date);
  }

  /** Rows of the published raw partition, read by DuckDB. */
  List<Map<String, Object>> rawRows(String source, String date, String select) {
    return DuckDb.query("select " + select + " from read_parquet('" + raw(source, date) + "/*.parquet') order by source_file, source_line");
  }

  List<Map<String, Object>> rejectRows(String source, String date) {
    return DuckDb.query("select file, line, reason, reason_class, raw_text from read_parquet('"
        + rejects(source, date) + "/*.parquet') order by file, line");
  }

  /** Writes an export file of the inbox. */
  Path write(String relative, byte[] content) {
    try {
      Path file = inbox.resolve(relative);
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.qunbao.ingest;

import io.qunbao.common.Source;
import io.qunbao.common.config.ConfigLoader;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
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
  }

  IngestSummary ingest(String source, String date) {
    return ingestion.ingest(Sources.reader(Source.valueOf(source.toUpperCase(java.util.Locale.ROOT)), config), LocalDate.parse(date));
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

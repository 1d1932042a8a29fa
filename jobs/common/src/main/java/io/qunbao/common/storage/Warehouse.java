package io.qunbao.common.storage;

import io.qunbao.common.config.QunbaoConfig;
import java.time.LocalDate;
import org.apache.hadoop.fs.Path;

/**
 * The warehouse layout analysts query (README, "Warehouse layout"):
 * <pre>
 * raw/&lt;source&gt;/export_date=D/        landed exports, one row per accepted input row
 * rejects/&lt;source&gt;/export_date=D/    rows that could not be accepted, with file, line, reason
 * curated/&lt;table&gt;/                    cleaned tables the metrics are computed from
 * metrics/&lt;table&gt;/dt=D/               the published metric tables of spec/metrics.md
 * _staging/                             work in progress, read only by the run that writes it
 * </pre>
 */
public final class Warehouse {
  private final Path root;

  public Warehouse(Path root) {
    this.root = root;
  }

  /** The configured warehouse ({@code warehouse}: a local folder or an {@code s3a://} URI). */
  public static Warehouse of(QunbaoConfig config) {
    return new Warehouse(Storage.resolve(config.warehouse()));
  }

  public Path root() {
    return root;
  }

  public Path rawTable(String source) {
    return new Path(root, "raw/" + source);
  }

  public Path raw(String source, LocalDate exportDate) {
    return new Path(rawTable(source), "export_date=" + exportDate);
  }

  public Path rejectsTable(String source) {
    return new Path(root, "rejects/" + source);
  }

  public Path rejects(String source, LocalDate exportDate) {
    return new Path(rejectsTable(source), "export_date=" + exportDate);
  }

  public Path curated(String table) {
    return new Path(root, "curated/" + table);
  }

  public Path metricsTable(String table) {
    return new Path(root, "metrics/" + table);
  }

  public Path metrics(String table, LocalDate dt) {
    return new Path(metricsTable(table), "dt=" + dt);
  }

  public Path staging() {
    return new Path(root, "_staging");
  }
}

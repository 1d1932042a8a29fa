package io.qunbao.ingest;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.ingest.parse.RowRejected;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands one source's export of one date: reads {@code <inbox>/<source>/<D>/}, writes the accepted
 * rows and the rejects into staging, applies the reject-share gate, then publishes
 * {@code raw/<source>/export_date=D} and {@code rejects/<source>/export_date=D} (rejects first, so a
 * reader who sees the raw partition also finds its rejects). A failure anywhere discards the staging
 * folders: the published partitions are as before or absent, never half-written.
 */
public final class SourceIngestion {
  private static final Logger log = LoggerFactory.getLogger(SourceIngestion.class);
  static final String RAW_FILE = "part-00000.parquet";
  private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
  private static final int PROGRESS_CHECK_ROWS = 1 << 16;

  private final QunbaoConfig config;
  private final Storage storage;
  private final Path inbox;
  private final Warehouse warehouse;
  private final PartitionPublisher publisher;

  public SourceIngestion(QunbaoConfig config, Storage storage) {
    this.config = config;
    this.storage = storage;
    this.inbox = Storage.resolve(config.inbox());
    this.warehouse = new Warehouse(Storage.resolve(config.warehouse()));
    this.publisher = new PartitionPublisher(storage, warehouse);
  }

  public <T extends SpecificRecordBase> IngestSummary ingest(SourceReader<T> reader, LocalDate exportDate) {
    long started = System.nanoTime();
    String source = reader.source();
    Path folder = new Path(inbox, source + "/" + exportDate);
    FileSystem fs = storage.fileSystem(folder);
    List<ExportFile> files = exportFiles(fs, folder, reader);
    if (files.isEmpty()) {
      // an empty folder is no export either: publishing it would say "this snapshot lists nothing"
      log.info("{} {}: no export (no export files in {}/{}/){}", IngestSummary.stepName(source), exportDate, source,
          exportDate, reader.isSnapshot() ? "; the latest earlier snapshot still holds" : ", nothing new");
      return new IngestSummary(source, exportDate.toString(), false, List.of(), 0, 0, 0, Map.of(), 0, null, null,
          seconds(started));
    }
    Path rawTarget = warehouse.raw(source, exportDate);
    Path rejectsTarget = warehouse.rejects(source, exportDate);
    Path stagedRaw = publisher.stage(rawTarget);
    Path stagedRejects = publisher.stage(rejectsTarget);
    try {
      Landing<T> landing = new Landing<>(reader, exportDate, config.zone(), started);
      try (BackgroundWriter<T> raw = new BackgroundWriter<>(
              () -> ParquetFiles.writer(new Path(stagedRaw, RAW_FILE), reader.prototype(),
                  reader.columnsWithoutDictionary(), storage.hadoop()),
              IngestSummary.stepName(source) + "-writer");
          RejectWriter rejects = new RejectWriter(source, stagedRejects, storage.hadoop())) {
        landing.open(raw, rejects);
        for (ExportFile file : files) {
          landing.read(fs, file);
        }
      }
      IngestSummary summary = landing.summary(files);
      checkGate(summary);
      try (OutputStream out = fs.create(new Path(stagedRaw, IngestSummary.FILE_NAME), true)) {
        out.write(summary.toJson());
      }
      publisher.publish(stagedRejects, rejectsTarget);
      publisher.publish(stagedRaw, rawTarget);
      log.info(summary.logLine());
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + source + " " + exportDate + " into staging failed", e);
    } finally {
      discardIfLeft(fs, stagedRaw);
      discardIfLeft(fs, stagedRejects);
    }
  }

  /**
   * Rejects above the share limit fail the step, but only when the export is big enough for a share
   * to mean something ({@code ingest.gate-min-rows}). Exactly at the limit passes; compared in
   * decimal so that 1% of 300 rows is exactly 3.
   */
  private void checkGate(IngestSummary s) {
    QunbaoConfig.Ingest ingest = config.ingest();
    BigDecimal allowed = BigDecimal.valueOf(ingest.rejectShareLimit()).multiply(BigDecimal.valueOf(s.rowsRead()));
    if (s.rowsRead() >= ingest.gateMinRows() && BigDecimal.valueOf(s.rowsRejected()).compareTo(allowed) > 0) {
      String reasons = s.rejectsByReason().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .map(e -> e.getKey() + " " + e.getValue())
          .collect(Collectors.joining(", "));
      log.info(s.logLine());
      throw new QunbaoException(ExitCode.DATA_QUALITY, String.format(java.util.Locale.ROOT,
          "%s %s: %d of %d rows rejected (%.2f%%, limit %s%%: %s); nothing published for %s. "
              + "Fix the export and rerun, or raise ingest.reject-share-limit",
          IngestSummary.stepName(s.source()), s.exportDate(), s.rowsRejected(), s.rowsRead(),
          100.0 * s.rowsRejected() / s.rowsRead(),
          BigDecimal.valueOf(ingest.rejectShareLimit() * 100).stripTrailingZeros().toPlainString(), reasons,
          s.source()));
    }
  }

  /** The export files of the folder, by name; none when the folder is absent. */
  private static List<ExportFile> exportFiles(FileSystem fs, Path folder, SourceReader<?> reader) {
    try {
      if (!fs.exists(folder)) {
        return List.of();
      }
      List<ExportFile> files = new ArrayList<>();
      FileStatus[] listing = fs.listStatus(folder);
      Arrays.sort(listing, Comparator.comparing(f -> f.getPath().getName()));
      for (FileStatus status : listing) {
        String name = status.getPath().getName();
        if (!status.isFile() || name.startsWith(".") || name.startsWith("_")) {
          continue;
        }
        if (!reader.isExportFile(name)) {
          log.warn("{}: ignored {}, not an export file of {}", IngestSummary.stepName(reader.source()),
              status.getPath(), reader.source());
          continue;
        }
        String relative = reader.source() + "/" + folder.getName() + "/" + name;
        files.add(new ExportFile(status.getPath(), relative));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  private void discardIfLeft(FileSystem fs, Path staged) {
    try {
      if (fs.exists(staged)) {
        publisher.discard(staged);
      }
    } catch (IOException | UncheckedIOException e) {
      log.warn("could not remove staging folder {}: {}", staged, e.getMessage());
    }
  }

  /** In milliseconds: the rows/s of a small day's sub-second step (the benchmark's figure) need them. */
  private static double seconds(long startedNanos) {
    return Math.round((System.nanoTime() - startedNanos) / 1e6) / 1000.0;
  }

  /** Counts every row into written or rejected, and tracks event times and progress. */
  private static final class Landing<T extends SpecificRecordBase> implements RowSink<T> {
    private final SourceReader<T> reader;
    private final LocalDate exportDate;
    private final Instant exportDayStart;
    private final long started;
    private BackgroundWriter<T> raw;
    private RejectWriter rejects;
    private ExportFile file;
    private long written;
    private long rejected;
    private long late;
    private Instant minEvent;
    private Instant maxEvent;
    private long nextProgressCheck = PROGRESS_CHECK_ROWS;
    private long lastProgressNanos;
    private final Map<String, Long> rejectsByReason = new TreeMap<>();

    Landing(SourceReader<T> reader, LocalDate exportDate, ZoneId businessZone, long started) {
      this.reader = reader;
      this.exportDate = exportDate;
      this.exportDayStart = exportDate.atStartOfDay(businessZone).toInstant();
      this.started = started;
      this.lastProgressNanos = started;
    }

    void open(BackgroundWriter<T> raw, RejectWriter rejects) {
      this.raw = raw;
      this.rejects = rejects;
    }

    void read(FileSystem fs, ExportFile exportFile) {
      this.file = exportFile;
      try (InputStream in = open(fs, exportFile)) {
        reader.read(exportFile, in, this);
      } catch (IOException e) {
        throw new QunbaoException(ExitCode.FAILED,
            "cannot read " + exportFile.relativeName() + ": " + e.getMessage() + " (a truncated or corrupt file?)", e);
      }
    }

    private static InputStream open(FileSystem fs, ExportFile file) throws IOException {
      InputStream in = fs.open(file.path(), 1 << 16);
      return file.isGzip() ? new GZIPInputStream(in, 1 << 16) : in;
    }

    @Override
    public void accept(T row) {
      try {
        raw.write(row);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + reader.source() + " Parquet", e);
      }
      written++;
      Instant event = reader.eventTime(row);
      if (event != null) {
        if (event.isBefore(exportDayStart)) {
          late++;
        }
        if (minEvent == null || event.isBefore(minEvent)) {
          minEvent = event;
        }
        if (maxEvent == null || event.isAfter(maxEvent)) {
          maxEvent = event;
        }
      }
      progress();
    }

    @Override
    public void reject(long line, RowRejected why, String rawText) {
      try {
        rejects.write(file.relativeName(), line, why, rawText);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + reader.source() + " rejects", e);
      }
      rejected++;
      rejectsByReason.merge(why.reason().code(), 1L, Long::sum);
      progress();
    }

    private void progress() {
      long read = written + rejected;
      if (read < nextProgressCheck) {
        return;
      }
      nextProgressCheck = read + PROGRESS_CHECK_ROWS;
      long now = System.nanoTime();
      if (now - lastProgressNanos >= PROGRESS_EVERY_NANOS) {
        lastProgressNanos = now;
        log.info("{} {}: {} rows read, {} rows/s", IngestSummary.stepName(reader.source()), exportDate, read,
            Math.round(read / ((now - started) / 1e9)));
      }
    }

    IngestSummary summary(List<ExportFile> files) {
      return new IngestSummary(reader.source(), exportDate.toString(), true,
          files.stream().map(ExportFile::relativeName).toList(), written + rejected, written, rejected,
          Map.copyOf(rejectsByReason), late, minEvent == null ? null : minEvent.toString(),
          maxEvent == null ? null : maxEvent.toString(), seconds(started));
    }
  }
}

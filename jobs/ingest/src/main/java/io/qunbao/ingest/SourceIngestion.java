package io.qunbao.ingest;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.StorageChecks;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.ingest.parse.RowRejected;
import java.io.EOFException;
import java.io.FileNotFoundException;
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
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.hadoop.fs.FSError;
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
    this.warehouse = Warehouse.of(config);
    this.publisher = new PartitionPublisher(storage, warehouse);
  }

  public <T extends SpecificRecordBase> IngestSummary ingest(SourceReader<T> reader, LocalDate exportDate) {
    long started = System.nanoTime();
    String source = reader.source();
    Path folder = new Path(inbox, source + "/" + exportDate);
    FileSystem fs = storage.fileSystem(folder);
    List<ExportFile> files = exportFiles(reader, exportDate);
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
      Optional<String> gateFailure = gate(summary, landing);
      // the rejects are published whatever the gate says: they are what the operator needs to fix the export
      publisher.publish(stagedRejects, rejectsTarget);
      if (gateFailure.isPresent()) {
        log.info(summary.logLine());
        throw new QunbaoException(ExitCode.DATA_QUALITY, gateFailure.get() + "; nothing published for " + source
            + " but its rejects (" + new Path(rejectsTarget, RejectWriter.JSONL) + " lists them). Fix the export and rerun"
            + (summary.rowsWritten() > 0 ? ", or raise ingest.reject-share-limit" : ""));
      }
      try (OutputStream out = fs.create(new Path(stagedRaw, IngestSummary.FILE_NAME), true)) {
        out.write(summary.toJson());
      }
      publisher.publish(stagedRaw, rawTarget);
      log.info(summary.logLine());
      return summary;
    } catch (IOException | UncheckedIOException | FSError e) {
      throw StorageChecks.diskFull(e, warehouse.staging()).orElseGet(() ->
          new QunbaoException(ExitCode.FAILED, "writing " + source + " " + exportDate + " into "
              + warehouse.staging() + " failed (" + firstLine(e) + "); rerun the same command to resume", e));
    } finally {
      discardIfLeft(fs, stagedRaw);
      discardIfLeft(fs, stagedRejects);
    }
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  /** The partitions an ingest published: its raw and rejects partitions, or none when there was no export. */
  public List<Path> partitionsOf(IngestSummary summary) {
    if (!summary.published()) {
      return List.of();
    }
    LocalDate date = LocalDate.parse(summary.exportDate());
    return List.of(warehouse.raw(summary.source(), date), warehouse.rejects(summary.source(), date));
  }

  /**
   * Why the export must not be published, or empty. A file whose header lacks a required column, or an
   * export of which no row was accepted, fails whatever its size: such a source vanishing would go
   * unseen. Beyond that, rejects above the share limit fail, but only when the export is big enough
   * for a share to mean something ({@code ingest.gate-min-rows}); exactly at the limit passes, compared
   * in decimal so that 1% of 300 rows is exactly 3.
   */
  private Optional<String> gate(IngestSummary s, Landing<?> landing) {
    String step = IngestSummary.stepName(s.source()) + " " + s.exportDate() + ": ";
    if (!landing.fileProblems.isEmpty()) {
      return Optional.of(step + landing.fileProblems.entrySet().stream()
          .map(e -> e.getKey() + ": " + e.getValue())
          .collect(Collectors.joining("; ")) + " (" + s.rowsRejected() + " of " + s.rowsRead() + " rows rejected)");
    }
    if (s.rowsRead() > 0 && s.rowsWritten() == 0) {
      return Optional.of(step + "every row rejected, " + s.rowsRejected() + " of " + s.rowsRead() + " (" + landing.rejectsByFile() + ")");
    }
    QunbaoConfig.Ingest ingest = config.ingest();
    BigDecimal allowed = BigDecimal.valueOf(ingest.rejectShareLimit()).multiply(BigDecimal.valueOf(s.rowsRead()));
    if (s.rowsRead() >= ingest.gateMinRows() && BigDecimal.valueOf(s.rowsRejected()).compareTo(allowed) > 0) {
      return Optional.of(String.format(java.util.Locale.ROOT, "%s%d of %d rows rejected (%.2f%%, limit %s%%): %s",
          step, s.rowsRejected(), s.rowsRead(), 100.0 * s.rowsRejected() / s.rowsRead(),
          BigDecimal.valueOf(ingest.rejectShareLimit() * 100).stripTrailingZeros().toPlainString(), landing.rejectsByFile()));
    }
    return Optional.empty();
  }

  /**
   * The export files of {@code <inbox>/<source>/<date>/}, by name; none when the folder is absent. File
   * names match case-insensitively ({@code ORDERS.CSV}); other files are logged and left alone. A folder
   * or anything else that is no file in an export folder fails the run naming it: rows an operator put
   * there would otherwise never be read.
   */
  public List<ExportFile> exportFiles(SourceReader<?> reader, LocalDate exportDate) {
    Path folder = new Path(inbox, reader.source() + "/" + exportDate);
    FileSystem fs = storage.fileSystem(folder);
    FileStatus[] listing;
    try {
      if (!fs.exists(folder)) {
        return List.of();
      }
      listing = fs.listStatus(folder);
    } catch (java.nio.file.AccessDeniedException | FileNotFoundException e) {
      throw new QunbaoException(ExitCode.USAGE, "cannot list the export folder " + folder + " (" + firstLine(e) + ")", e);
    } catch (IOException e) {
      throw new QunbaoException(ExitCode.FAILED, "cannot list the export folder " + folder + " (" + firstLine(e)
          + "); rerun the same command to resume", e);
    }
    Arrays.sort(listing, Comparator.comparing(f -> f.getPath().getName()));
    List<ExportFile> files = new ArrayList<>();
    for (FileStatus status : listing) {
      String name = status.getPath().getName();
      String relative = reader.source() + "/" + exportDate + "/" + name;
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (!status.isFile()) {
        throw new QunbaoException(ExitCode.DATA_QUALITY, relative + (status.isDirectory() ? "/ is a folder" : " is not a file")
            + " in an export folder; move it out of " + folder + " (exports are the .csv/.jsonl files directly in it)");
      }
      if (!reader.isExportFile(name)) {
        log.warn("{}: ignored {}, not an export file of {}", IngestSummary.stepName(reader.source()),
            status.getPath(), reader.source());
        continue;
      }
      files.add(new ExportFile(status.getPath(), relative));
    }
    return files;
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

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse("");
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
    private final Map<String, Map<String, Long>> fileRejects = new TreeMap<>();
    /** Per file, why none of its rows can be accepted. */
    private final Map<String, String> fileProblems = new TreeMap<>();

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
      } catch (ZipException | EOFException corrupt) {
        throw new QunbaoException(ExitCode.DATA_QUALITY, exportFile.relativeName() + " is corrupt or truncated ("
            + firstLine(corrupt) + "); nothing published for " + reader.source()
            + ". Replace the file in the inbox and rerun", corrupt);
      } catch (FileNotFoundException | java.nio.file.AccessDeniedException unreadable) {
        throw new QunbaoException(ExitCode.USAGE, "cannot read " + exportFile.path() + " (" + firstLine(unreadable) + ")",
            unreadable);
      } catch (IOException e) {
        throw new QunbaoException(ExitCode.FAILED, "cannot read " + exportFile.path() + " (" + firstLine(e)
            + "); rerun the same command to resume", e);
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
    public void reject(long line, RowRejected why, RawRecord raw) {
      try {
        rejects.write(file.relativeName(), line, why, raw);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + reader.source() + " rejects", e);
      }
      rejected++;
      rejectsByReason.merge(why.reason().code(), 1L, Long::sum);
      fileRejects.computeIfAbsent(file.relativeName(), f -> new TreeMap<>()).merge(why.reason().code(), 1L, Long::sum);
      progress();
    }

    @Override
    public void fileProblem(RowRejected problem) {
      fileProblems.put(file.relativeName(), problem.getMessage());
    }

    /** The rejects per file and reason, for a gate's message: {@code orders/D/a.csv: bad_amount 2, …}. */
    String rejectsByFile() {
      return fileRejects.entrySet().stream()
          .map(f -> f.getKey() + ": " + f.getValue().entrySet().stream()
              .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
              .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
          .collect(Collectors.joining("; "));
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

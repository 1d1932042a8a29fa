package io.qunbao.ingest;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.Source;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Looks at the whole inbox, not one date: the date folders of every source, and which of them hold
 * exports the warehouse lacks. An export folder that arrives after its night (an upstream tool a day
 * late, a night the machine was down) is found by the next run that looks, and caught up.
 */
public final class InboxScan {
  /** A folder name a person meant as a date: digits and dashes or dots, about YYYY-MM-DD long. */
  private static final Pattern LOOKS_LIKE_A_DATE = Pattern.compile("\\d{4}[-./_]?\\d{1,2}[-./_]?\\d{1,2}");

  /**
   * An export folder to catch up.
   *
   * @param why "never ingested", or the files the landed partition was not read from
   */
  public record LateExport(Source source, LocalDate exportDate, String why) {
    @Override
    public String toString() {
      return source + "/" + exportDate + " (" + why + ")";
    }
  }

  private final QunbaoConfig config;
  private final Storage storage;
  private final Path inbox;
  private final Warehouse warehouse;
  private final PartitionPublisher publisher;
  private final SourceIngestion ingestion;

  public InboxScan(QunbaoConfig config, Storage storage, SourceIngestion ingestion) {
    this.config = config;
    this.storage = storage;
    this.inbox = Storage.resolve(config.inbox());
    this.warehouse = Warehouse.of(config);
    this.publisher = new PartitionPublisher(storage, warehouse);
    this.ingestion = ingestion;
  }

  /**
   * The export dates under {@code <inbox>/<source>/}, sorted. A folder whose name looks like a date but
   * is none ({@code 2026-11-2}, {@code 2026-02-30}) fails the run naming it: its exports would
   * otherwise never be read, and without a word.
   */
  public TreeSet<LocalDate> exportDates(String source) {
    Path folder = new Path(inbox, source);
    FileSystem fs = storage.fileSystem(folder);
    TreeSet<LocalDate> dates = new TreeSet<>();
    try {
      if (!fs.exists(folder)) {
        return dates;
      }
      for (FileStatus child : fs.listStatus(folder)) {
        String name = child.getPath().getName();
        if (!child.isDirectory() || name.startsWith(".") || name.startsWith("_")) {
          continue;
        }
        try {
          dates.add(LocalDate.parse(name));
        } catch (DateTimeParseException notADate) {
          if (LOOKS_LIKE_A_DATE.matcher(name).matches()) {
            throw new QunbaoException(ExitCode.DATA_QUALITY, source + "/" + name + "/ in the inbox " + inbox
                + " is not an export date (YYYY-MM-DD, e.g. " + LocalDate.of(2026, 11, 2)
                + "): rename it to the date it holds, or its exports are never read");
          }
        }
      }
    } catch (IOException e) {
      throw new QunbaoException(ExitCode.FAILED, "cannot list " + folder + " (" + e.getMessage() + ")", e);
    }
    return dates;
  }

  /** Checks every source's date folders ({@link #exportDates}). */
  public void checkDateFolders() {
    for (String source : Source.ids()) {
      exportDates(source);
    }
  }

  /**
   * The export folders dated before {@code runDate} whose exports the warehouse lacks: never ingested
   * (no published raw partition), or holding files the landed partition was not read from (new files
   * since); in date order, then in the sources' order.
   */
  public List<LateExport> lateExports(LocalDate runDate) {
    List<LateExport> late = new ArrayList<>();
    for (Source source : Source.values()) {
      SourceReader<?> reader = Sources.reader(source, config);
      for (LocalDate date : exportDates(source.id()).headSet(runDate, false)) {
        List<String> files = ingestion.exportFiles(reader, date).stream().map(ExportFile::relativeName).toList();
        if (files.isEmpty()) {
          continue;
        }
        Path landed = warehouse.raw(source.id(), date);
        if (!publisher.isPublished(landed)) {
          late.add(new LateExport(source, date, "never ingested"));
          continue;
        }
        Optional<Set<String>> read = landedFiles(landed);
        List<String> added = files.stream().filter(f -> read.isPresent() && !read.get().contains(f)).toList();
        if (!added.isEmpty()) {
          late.add(new LateExport(source, date, "new since it was ingested: " + String.join(", ", added)));
        }
      }
    }
    late.sort(Comparator.comparing(LateExport::exportDate).thenComparing(LateExport::source));
    return late;
  }

  /**
   * The export files a landed partition was read from, as its {@code _INGEST.json} names them; empty
   * when it has none (landed before the note was kept on this store), and then taken as up to date.
   */
  private Optional<Set<String>> landedFiles(Path landed) {
    Path note = new Path(landed, IngestSummary.FILE_NAME);
    try (InputStream in = storage.fileSystem(note).open(note)) {
      return Optional.of(new HashSet<>(IngestSummary.fromJson(in.readAllBytes()).files()));
    } catch (FileNotFoundException noNote) {
      return Optional.empty();
    } catch (IOException e) {
      throw new QunbaoException(ExitCode.FAILED, "cannot read " + note + " (" + e.getMessage() + ")", e);
    }
  }
}

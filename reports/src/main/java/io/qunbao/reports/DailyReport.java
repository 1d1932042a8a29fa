package io.qunbao.reports;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.reports.charts.ChartStyle;
import io.qunbao.reports.html.ReportPage;
import io.qunbao.reports.html.Templates;
import io.qunbao.reports.html.Views.DayLink;
import io.qunbao.reports.i18n.CjkFont;
import io.qunbao.reports.i18n.Messages;
import io.qunbao.reports.model.ReportData;
import io.qunbao.reports.model.ReportDataLoader;
import io.qunbao.reports.pdf.PdfRenderer;
import io.qunbao.reports.targets.Targets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.jfree.chart.JFreeChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily report of one day: {@code <reports>/<D>/index.html} with its chart PNGs beside it,
 * {@code <reports>/<D>/report.pdf} with the same content, and {@code <reports>/index.html} listing
 * every day's report, newest first. Reads only the published metric tables (and, for names and
 * the data-quality section, the landed snapshots and ingest summaries). Rendering the same day
 * again replaces that day's report whole, so the nightly step can be rerun.
 */
public final class DailyReport {
  private static final Logger log = LoggerFactory.getLogger(DailyReport.class);
  public static final String PAGE = "index.html";
  public static final String PDF = "report.pdf";

  private DailyReport() {}

  /** Renders the report of {@code date}; returns the path of its {@code index.html}. */
  public static org.apache.hadoop.fs.Path render(QunbaoConfig config, LocalDate date) {
    long start = System.nanoTime();
    CjkFont font = CjkFont.find();
    Messages messages = new Messages(config.report().language());
    Targets targets = Targets.load(config.report().targets());
    Storage storage = new Storage(config);
    Warehouse warehouse = new Warehouse(Storage.resolve(config.warehouse()));
    ReportData data = new ReportDataLoader(storage, warehouse, config.metrics().conversionWindowDays()).load(date);
    if (data.typeDays().stream().noneMatch(t -> t.day().equals(date))) {
      throw new QunbaoException(ExitCode.FAILED, "no published type_daily partition for " + date + " under "
          + warehouse.metricsTable("type_daily") + ": run the metrics for " + date + " before its report");
    }
    Path local = null;
    try {
      local = Files.createTempDirectory("qunbao-report-" + date + "-");
      Templates templates = new Templates();
      long drawing = System.nanoTime();
      Map<String, JFreeChart> charts = new ReportCharts(data, messages, new ChartStyle(font.family())).drawInto(local);
      long charted = System.nanoTime();
      Map<String, String> chartTitles = new LinkedHashMap<>();
      charts.forEach((file, chart) -> chartTitles.put(file, chart.getTitle().getText()));
      Map<String, Object> context = new ReportPage(data, messages, targets).context(chartTitles, font.family());
      Path page = local.resolve(PAGE);
      Files.writeString(page, templates.render("report", context, font.family()), StandardCharsets.UTF_8);
      long paged = System.nanoTime();
      PdfRenderer.write(page, local.resolve(PDF), font);
      log.info("report {}: {} charts drawn in {} ms, page in {} ms, PDF in {} ms", date, charts.size(),
          (charted - drawing) / 1_000_000, (paged - charted) / 1_000_000, (System.nanoTime() - paged) / 1_000_000);

      org.apache.hadoop.fs.Path reports = Storage.resolve(config.reports());
      org.apache.hadoop.fs.Path day = new org.apache.hadoop.fs.Path(reports, date.toString());
      replace(storage, local, day);
      writeIndex(storage, reports, messages, templates, font);
      log.info("report {}: {} group types, written to {} in {} ms", date,
          data.typeDays().stream().filter(t -> t.day().equals(date) && t.type() != null).count(), day, (System.nanoTime() - start) / 1_000_000);
      return new org.apache.hadoop.fs.Path(day, PAGE);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the report of " + date + " failed; rerun report --date " + date, e);
    } finally {
      deleteQuietly(local);
    }
  }

  /** Copies the rendered folder in place of {@code day}: first beside it, then swapped in. */
  private static void replace(Storage storage, Path local, org.apache.hadoop.fs.Path day) throws IOException {
    FileSystem fs = withoutChecksums(storage.fileSystem(day));
    org.apache.hadoop.fs.Path incoming = new org.apache.hadoop.fs.Path(day.getParent(), "." + day.getName() + ".incoming");
    fs.delete(incoming, true);
    fs.mkdirs(incoming);
    try (Stream<Path> files = Files.list(local)) {
      for (Path file : files.toList()) {
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(file.toUri()), new org.apache.hadoop.fs.Path(incoming, file.getFileName().toString()));
      }
    }
    fs.delete(day, true);
    if (!fs.rename(incoming, day)) {
      throw new IOException("rename " + incoming + " -> " + day + " refused");
    }
  }

  /** {@code <reports>/index.html}: every day folder holding a report, newest first. */
  private static void writeIndex(Storage storage, org.apache.hadoop.fs.Path reports, Messages messages, Templates templates, CjkFont font)
      throws IOException {
    FileSystem fs = withoutChecksums(storage.fileSystem(reports));
    List<LocalDate> days = new ArrayList<>();
    for (FileStatus child : fs.listStatus(reports)) {
      if (child.isDirectory() && fs.exists(new org.apache.hadoop.fs.Path(child.getPath(), PAGE))) {
        try {
          days.add(LocalDate.parse(child.getPath().getName()));
        } catch (DateTimeParseException notADay) {
          // Folders that are not a day's report (e.g. one an operator made) are not listed.
        }
      }
    }
    days.sort(Comparator.reverseOrder());
    Locale locale = Locale.forLanguageTag(messages.htmlLanguage());
    Map<String, Object> context = new HashMap<>();
    context.put("lang", messages.htmlLanguage());
    context.put("t", messages.all());
    context.put("days", days.stream()
        .map(d -> new DayLink(d.toString(), d + "/" + PAGE, d.getDayOfWeek().getDisplayName(TextStyle.FULL, locale))).toList());
    try (var out = fs.create(new org.apache.hadoop.fs.Path(reports, PAGE), true)) {
      out.write(templates.render("index", context, font.family()).getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * On local disk, Hadoop's default file system writes a {@code .name.crc} beside every file; a
   * folder people open in a browser should hold the report alone.
   */
  private static FileSystem withoutChecksums(FileSystem fs) {
    return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) return;
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      log.warn("report: could not delete the temporary folder {}: {}", folder, e.getMessage());
    }
  }
}

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
import io.qunbao.reports.digest.DailyDigest;
import io.qunbao.reports.judge.DayAssessment;
import io.qunbao.reports.lists.FullList;
import io.qunbao.reports.purpose.Purpose.GroupStatus;
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
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.jfree.chart.JFreeChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily report of one day: {@code <reports>/<D>/index.html} with its chart PNGs and the full
 * lists of its capped tables (CSV) beside it, {@code <reports>/<D>/report.pdf} with the same
 * content, {@code <reports>/<D>/digest.md} (the short message for a chat robot), and
 * {@code <reports>/index.html} listing every day's report, newest first. Reads only the published
 * metric tables (and, for names and the data-quality section, the landed snapshots and ingest
 * summaries). Rendering the same day again replaces that day's report whole, so the nightly step
 * can be rerun.
 */
public final class DailyReport {
  private static final Logger log = LoggerFactory.getLogger(DailyReport.class);
  public static final String PAGE = "index.html";
  public static final String PDF = "report.pdf";
  public static final String DIGEST = "digest.md";

  private DailyReport() {}

  /** Renders the report of {@code date}; returns the path of its {@code index.html}. */
  public static org.apache.hadoop.fs.Path render(QunbaoConfig config, LocalDate date) {
    long start = System.nanoTime();
    CjkFont font = CjkFont.find();
    Messages messages = new Messages(config.report().language());
    ReportSettings settings = ReportSettings.from(config);
    Storage storage = new Storage(config);
    Warehouse warehouse = Warehouse.of(config);
    ReportData data = new ReportDataLoader(storage, warehouse, settings).load(date);
    if (data.typeDays().stream().noneMatch(t -> t.day().equals(date))) {
      throw new QunbaoException(ExitCode.FAILED, "no published type_daily partition for " + date + " under "
          + warehouse.metricsTable("type_daily") + ": run the metrics for " + date + " before its report");
    }
    org.apache.hadoop.fs.Path reports = Storage.resolve(config.reports());
    org.apache.hadoop.fs.Path day = new org.apache.hadoop.fs.Path(reports, date.toString());
    Path local = null;
    try {
      local = Files.createTempDirectory("qunbao-report-" + date + "-");
      Templates templates = new Templates();
      DayAssessment assessment = DayAssessment.of(data, settings);
      long drawing = System.nanoTime();
      Map<String, JFreeChart> charts = new ReportCharts(data, assessment.restatements(), messages, new ChartStyle(font.family())).drawInto(local);
      long charted = System.nanoTime();
      Map<String, String> chartTitles = new LinkedHashMap<>();
      charts.forEach((file, chart) -> chartTitles.put(file, chart.getTitle().getText()));
      ReportPage report = new ReportPage(data, messages, settings, assessment);
      Map<String, Object> context = report.context(chartTitles);
      Path page = local.resolve(PAGE);
      Files.writeString(page, templates.render("report", context, font.family()), StandardCharsets.UTF_8);
      for (FullList list : report.fullLists()) {
        list.writeInto(local);
      }
      String link = link(config, date);
      Files.writeString(local.resolve(DIGEST), new DailyDigest(data, messages, assessment, link).markdown(), StandardCharsets.UTF_8);
      long paged = System.nanoTime();
      PdfRenderer.write(page, local.resolve(PDF), font);
      log.info("report {}: {} charts drawn in {} ms, page and {} lists in {} ms, PDF in {} ms", date, charts.size(),
          (charted - drawing) / 1_000_000, report.fullLists().size(), (paged - charted) / 1_000_000, (System.nanoTime() - paged) / 1_000_000);

      replace(storage, local, day);
      writeIndex(storage, reports, messages, templates, font);
      log.info("report {}: {} group types, {} restated values ({} material), {} dying groups, written to {} in {} ms", date,
          assessment.types().size(), assessment.restatements().all().size(), assessment.restatements().materialByRow().size(),
          data.quietGroups().stream().filter(g -> g.status() == GroupStatus.DYING).count(), day, (System.nanoTime() - start) / 1_000_000);
      return new org.apache.hadoop.fs.Path(day, PAGE);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the report of " + date + " failed; rerun report --date " + date, e);
    } finally {
      deleteQuietly(local);
    }
  }

  /**
   * The digest of {@code date}'s rendered report ({@value #DIGEST}), as a chat robot is sent it after
   * the night; empty when that day has no report.
   */
  public static Optional<String> digest(QunbaoConfig config, LocalDate date) {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(Storage.resolve(config.reports()), date.toString()), DIGEST);
    FileSystem fs = new Storage(config).fileSystem(file);
    try {
      if (!fs.exists(file)) return Optional.empty();
      try (var in = fs.open(file)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Where people open the day's page: under {@code report.public-url} when set, else its location. */
  private static String link(QunbaoConfig config, LocalDate date) {
    String base = config.report().publicUrl();
    if (!base.isBlank()) {
      return (base.endsWith("/") ? base : base + "/") + date + "/" + PAGE;
    }
    java.net.URI location = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(Storage.resolve(config.reports()), date.toString()), PAGE).toUri();
    return "file".equals(location.getScheme()) ? location.getPath() : location.toString();
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

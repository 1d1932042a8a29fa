package io.qunbao.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report reads in two minutes whatever the warehouse's size: at most 12 A4 pages of PDF and
 * 300 KB of HTML (images aside), every list capped at 10 rows with the rest counted and in its CSV,
 * no raw partition string, no unrounded number. Held at 60 groups and at 9,600 (the benchmark's largest nightly size),
 * where one night restates about 51,000 values.
 */
class ReportSizeBudgetTest {
  static final LocalDate DAY = LocalDate.parse("2026-11-30");
  static final int MAX_PAGES = 12;
  static final int MAX_HTML_BYTES = 300 * 1024;

  @TempDir Path root;

  @ParameterizedTest(name = "{0} groups")
  @ValueSource(ints = {60, 9_600})
  void theReportStaysWithinItsBudget(int groups) throws IOException {
    // Given a warehouse of that many groups, when the zh report of its last day is rendered
    ScaleFixture.write(root.resolve("warehouse"), DAY, groups);
    Path page = Path.of(DailyReport.render(ReportSetup.config(root, "zh", ""), DAY).toUri());
    String html = Files.readString(page);

    // Then the PDF has at most 12 A4 pages and the page at most 300 KB
    try (PDDocument pdf = Loader.loadPDF(page.resolveSibling(DailyReport.PDF).toFile())) {
      assertThat(pdf.getNumberOfPages()).as("PDF pages").isLessThanOrEqualTo(MAX_PAGES);
    }
    assertThat(html.getBytes(StandardCharsets.UTF_8).length).as("HTML bytes").isLessThanOrEqualTo(MAX_HTML_BYTES);
    // and no table has more rows than the 12 group types (plus its header)
    Matcher table = Pattern.compile("(?s)<table.*?</table>").matcher(html);
    while (table.find()) {
      assertThat(count(table.group(), "<tr")).isLessThanOrEqualTo(13);
    }
    // and each capped list shows 10 rows and says how many more its CSV holds
    Path day = page.getParent();
    assertCapped(html, "material", day.resolve("restatements.csv"), "另有 (\\S+) 项重大修订未列出", -1);
    assertCapped(html, "dying", day.resolve("dying_groups.csv"), "另有 (\\S+) 个濒死群", 0);
    assertCapped(html, "channels", day.resolve("channels.csv"), "另有 (\\S+) 个参与排名的活码", 0);
    assertCapped(html, "referrers", day.resolve("referrers.csv"), "另有 (\\S+) 位推荐人", 0);
    assertCapped(html, "campaigns", day.resolve("campaigns.csv"), "另有 (\\S+) 个参与排名的活码活动", 0);
    assertCapped(html, "owners", day.resolve("owners.csv"), "另有 (\\S+) 位群主", -1);
    // and the referral quality has a row per group type
    assertThat(html).contains("<div class=\"section list\" id=\"referral-quality\">");
    // and what a person reads has no partition string and no unrounded number
    String text = html.replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]+>", " ");
    assertThat(text).doesNotContain("group_type=", "group_id=", "code_id=").doesNotContainPattern("\\d\\.\\d{4,}");
    keepForAPerson(day, groups);
  }

  /** The page, its charts and its PDF stay in {@code target/report-at-N-groups/} for a person to look at. */
  private static void keepForAPerson(Path day, int groups) throws IOException {
    Path kept = Path.of("target/report-at-" + groups + "-groups");
    Files.createDirectories(kept);
    try (var files = Files.list(day)) {
      for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".csv")).toList()) {
        Files.copy(file, kept.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * The list {@code id} shows 10 rows and "N more", N being the CSV's rows of the list less 10
   * ({@code statusColumn}: the CSV column that must say "濒死" for a row to be the list's; -1: every
   * row; for material restatements, the rows marked material count their chains, so only N > 0 is checked).
   */
  private static void assertCapped(String html, String id, Path csv, String more, int statusColumn) throws IOException {
    Matcher section = Pattern.compile("(?s)<div class=\"section list\" id=\"" + id + "\">.*?</div>").matcher(html);
    assertThat(section.find()).as(id).isTrue();
    assertThat(count(section.group(), "<tr") - 1).as(id + " rows").isEqualTo(10);
    Matcher moreText = Pattern.compile(more).matcher(section.group());
    assertThat(moreText.find()).as(id + ": " + more).isTrue();
    long shownMore = Long.parseLong(moreText.group(1).replace(",", ""));
    List<List<String>> rows = csv(csv);
    if (id.equals("material")) {
      assertThat(shownMore).isPositive();
      assertThat(rows.stream().filter(r -> r.get(7).equals("1")).count()).isGreaterThanOrEqualTo(10 + shownMore);
      return;
    }
    long listed = statusColumn < 0 ? rows.size()
        : id.equals("dying") ? rows.stream().filter(r -> r.get(statusColumn).equals("濒死")).count()
        : rows.stream().filter(r -> !r.get(statusColumn).isEmpty()).count();
    assertThat(shownMore).as(id + " more").isEqualTo(listed - 10);
  }

  private static List<List<String>> csv(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream().map(r -> r.toList()).toList();
    }
  }

  private static int count(String text, String token) {
    int n = 0;
    for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) n++;
    return n;
  }
}

package io.qunbao.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.reports.i18n.CjkFont;
import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF holds the page's content, in real Chinese glyphs, and the page holds no glyph the font lacks. */
class ReportPdfTest {
  @TempDir static Path root;
  static final LocalDate DAY = LocalDate.parse("2026-11-20");
  static String html;
  static String pdfText;
  static int pages;
  static List<PDFont> fonts = new ArrayList<>();

  @BeforeAll
  static void render() throws Exception {
    // Given a 30-day history, when the zh report of its last day is rendered with the shipped targets
    ReportFixtures.history(root.resolve("warehouse"), DAY);
    Path page = Path.of(DailyReport.render(
        ReportSetup.config(root, "zh", Path.of("targets.example.yml").toAbsolutePath().toString()), DAY).toUri());
    html = Files.readString(page);
    try (PDDocument pdf = Loader.loadPDF(page.resolveSibling(DailyReport.PDF).toFile())) {
      pages = pdf.getNumberOfPages();
      pdfText = new PDFTextStripper().getText(pdf);
      for (PDPage p : pdf.getPages()) {
        for (var name : p.getResources().getFontNames()) fonts.add(p.getResources().getFont(name));
      }
    }
  }

  @Test
  void thePdfHasEverySectionOnA4Pages() {
    // Headline, 4 cards, lists, 7 charts: more than one A4 page, and within the report's 12.
    assertThat(pages).isBetween(3, 12);
    assertThat(pdfText).contains("群报日报 · 2026-11-20");
    for (String section : List.of("今日概览", "各群类型", "已发布数字的修订", "濒死群", "群主", "触达率与活跃率", "近 30 天趋势",
        "扫码与转化漏斗", "活码活动", "裂变", "裂变质量", "群生命周期", "数据质量")) {
      assertThat(pdfText).as(section).contains(section);
    }
    // the types with their purposes, the verdicts, the targets' marks and a flag
    assertThat(pdfText).contains("引流群", "新人群", "训练营", "VIP群", "引流转化", "需关注", "✔", "✘", "▼");
    // the provisional referral and campaign numbers say so, and the owners with most dead groups are named
    assertThat(pdfText).contains("（当日，暂定）", "（当日，转化暂定）", "死群最多的群主：");
  }

  @Test
  void everyNumberOfThePageIsInThePdf() {
    // The cells the numbers test checks against the tables, found again in the PDF's text.
    Matcher cell = Pattern.compile("data-metric=\"[^\"]+\">([^<]+)<").matcher(html);
    String flatPdf = pdfText.replaceAll("\\s", "");
    int cells = 0;
    while (cell.find()) {
      assertThat(flatPdf).contains(cell.group(1).replaceAll("\\s", ""));
      cells++;
    }
    // 4 types × 7 card metrics (value and usual band) + 4 × 5 funnel cells + 3 ranked codes × 2 + 10
    // referrers + 4 dying groups × 2 + 3 rows of material restatements + 7 runs + 10 owners × 6 +
    // 10 campaigns × 7 + 4 types' referral quality × 7
    assertThat(cells).isEqualTo(4 * 7 * 2 + 4 * 5 + 3 * 2 + 10 + 4 * 2 + 3 + 7 + 10 * 6 + 10 * 7 + 4 * 7);
  }

  @Test
  void noTableIsCutOffAtThePagesEdge() throws Exception {
    assertThat(PdfMargins.textPastTheRightMargin(root.resolve("reports/" + DAY + "/" + DailyReport.PDF))).isEmpty();
  }

  @Test
  void theCjkFontIsEmbedded() {
    assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
    assertThat(fonts).anySatisfy(f -> assertThat(f.getName()).contains("WenQuanYi"));
  }

  @Test
  void theFontDrawsEveryCharacterOfThePage() {
    // No empty boxes: every character of the page's text (tags and CSS removed) is in the CJK font.
    String text = html.replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]+>", "").replaceAll("&[a-z#0-9]+;", "");
    Font font = new Font(CjkFont.find().family(), Font.PLAIN, 12);
    int missing = font.canDisplayUpTo(text);
    assertThat(missing).as(missing < 0 ? "" : "cannot draw '" + text.charAt(missing) + "' in: " + text.substring(Math.max(0, missing - 20), missing + 1))
        .isEqualTo(-1);
  }
}

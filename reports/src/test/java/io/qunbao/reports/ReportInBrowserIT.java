package io.qunbao.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.reports.i18n.GroupTypes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report as a person sees it: Debian's headless Chromium (scripts/setup-system installs
 * {@code chromium} and {@code chromium-driver}) opens {@code index.html} from disk, with no server.
 * The screenshot is kept at {@code target/report-screenshot.png} for a person to look at.
 */
class ReportInBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final LocalDate DAY = LocalDate.parse("2026-11-20");

  @TempDir static Path root;
  static Path page;
  static ChromeDriver browser;

  @BeforeAll
  static void renderAndOpen() {
    assertThat(CHROMIUM).as("headless Chromium; run scripts/setup-system").exists();
    assertThat(CHROMEDRIVER).as("chromedriver; run scripts/setup-system").exists();
    // Given the zh report of a 30-day history
    ReportFixtures.history(root.resolve("warehouse"), DAY);
    page = Path.of(DailyReport.render(
        ReportSetup.config(root, "zh", Path.of("targets.example.yml").toAbsolutePath().toString()), DAY).toUri());

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1000,6000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void close() {
    if (browser != null) browser.quit();
  }

  @Test
  void everyChartLoadsWithoutConsoleErrorsAndTheScreenshotShowsThem() throws Exception {
    // When the page is opened from disk
    browser.get(page.toUri().toString());

    // Then every <img> loaded (a broken image has naturalWidth 0), all seven charts among them
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> images = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.images).map(i => ({src: i.getAttribute('src'), complete: i.complete, width: i.naturalWidth}));");
    assertThat(images).hasSize(7).allSatisfy(image -> {
      assertThat(image.get("complete")).as(image.get("src").toString()).isEqualTo(true);
      assertThat((Long) image.get("width")).as(image.get("src").toString()).isGreaterThan(0L);
    });
    // and the browser logged no error
    List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertThat(errors).isEmpty();
    // and the page shows its sections and its Chinese title
    assertThat(browser.getTitle()).isEqualTo("群报日报 · 2026-11-20");
    assertThat(browser.findElements(By.cssSelector("h2"))).extracting(e -> e.getText())
        .containsExactly("今日概览", "各群类型", "已发布数字的修订", "濒死群", "群主", "触达率与活跃率", "近 30 天趋势", "扫码与转化漏斗",
            "活码活动", "裂变", "裂变质量", "群生命周期", "数据质量");
    // the owners and campaigns show their top 10 (and a header row), the referral quality a row per type of the day
    assertThat(browser.findElements(By.cssSelector("#owners tr"))).hasSize(11);
    assertThat(browser.findElements(By.cssSelector("#campaigns tr"))).hasSize(11);
    assertThat(browser.findElements(By.cssSelector("#referral-quality tr"))).hasSize(5);
    // and their cells, kept on one line, fit the page: no table is wider than its section
    for (String list : List.of("owners", "campaigns", "referral-quality")) {
      int section = browser.findElement(By.id(list)).getSize().getWidth();
      assertThat(browser.findElement(By.cssSelector("#" + list + " table")).getSize().getWidth()).as(list).isLessThanOrEqualTo(section);
    }
    assertThat(browser.findElements(By.cssSelector(".card"))).hasSize(4);
    // the headline comes first and is readable without scrolling: the first type there needs attention
    var firstRow = browser.findElement(By.cssSelector("table.headline tr.concern"));
    assertThat(firstRow.getText()).startsWith("新人群").endsWith("需关注");
    assertThat(firstRow.getLocation().getY()).isLessThan(400);
    // two cards side by side in a 1000-pixel window
    var cards = browser.findElements(By.cssSelector(".card"));
    assertThat(cards.get(1).getLocation().getY()).isEqualTo(cards.get(0).getLocation().getY());

    // The screenshot: the cards' and charts' type colours are on it
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Files.write(Path.of("target/report-screenshot.png"), png);
    BufferedImage screenshot = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(screenshot.getHeight()).isGreaterThan(3000);
    for (String type : List.of("traffic", "new_user", "camp")) {
      assertThat(Pixels.of(screenshot, GroupTypes.colour(type))).as(type).isGreaterThan(5_000);
    }
  }

  @Test
  void theIndexLinksToTheDaysReport() {
    browser.get(root.resolve("reports/index.html").toUri().toString());
    browser.findElement(By.linkText("2026-11-20")).click();
    assertThat(browser.getCurrentUrl()).endsWith("/reports/2026-11-20/index.html");
    assertThat(browser.getTitle()).isEqualTo("群报日报 · 2026-11-20");
  }
}

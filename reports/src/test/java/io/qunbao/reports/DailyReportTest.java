package io.qunbao.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qunbao.common.QunbaoException;
import io.qunbao.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyReportTest {
  @TempDir Path root;

  @Test
  void writesTheDaysFolderAndAnIndexOfEveryDayNewestFirst() throws Exception {
    // Given the example's three published days, when the first and last are rendered (last first)
    ReportFixtures.example(root.resolve("warehouse"));
    var config = ReportSetup.config(root, "zh", "");
    DailyReport.render(config, ReportFixtures.EXAMPLE_LAST_DAY);
    var page = DailyReport.render(config, ReportFixtures.EXAMPLE_FIRST_DAY);

    // Then each day's folder has the page, the PDF, all seven charts, the full lists of its capped
    // tables (no referrers: the example publishes no referrer_daily) and the digest
    Path day = Path.of(page.toUri()).getParent();
    assertThat(day).isEqualTo(root.resolve("reports/2026-10-01"));
    assertThat(Files.list(day).map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
        "channels.csv", "digest.md", "dying_groups.csv", "funnel.png", "index.html", "lifecycle.png", "reach_activity.png",
        "referral.png", "report.pdf", "restatements.csv", "trend_conversion.png", "trend_k_factor.png", "trend_repurchase.png");
    // and the index lists both, newest first, with relative links that work from disk
    String index = Files.readString(root.resolve("reports/index.html"));
    assertThat(index).contains("href=\"2026-10-03/index.html\"", "href=\"2026-10-01/index.html\"");
    assertThat(index.indexOf("2026-10-03/index.html")).isLessThan(index.indexOf("2026-10-01/index.html"));
    // and the page refers to its charts by relative names only (no server, no network)
    String html = Files.readString(day.resolve("index.html"));
    assertThat(html).contains("src=\"trend_conversion.png\"").doesNotContainPattern("(src|href|url)[=(]\"?https?:");
  }

  @Test
  void renderingADayAgainReplacesItsReportWhole() throws Exception {
    ReportFixtures.example(root.resolve("warehouse"));
    DailyReport.render(ReportSetup.config(root, "zh", ""), ReportFixtures.EXAMPLE_LAST_DAY);
    Path day = root.resolve("reports/2026-10-03");
    Files.writeString(day.resolve("stale.png"), "left from an earlier run");

    DailyReport.render(ReportSetup.config(root, "en", ""), ReportFixtures.EXAMPLE_LAST_DAY);

    assertThat(day.resolve("stale.png")).doesNotExist();
    assertThat(Files.readString(day.resolve("index.html"))).contains("Qunbao daily report · 2026-10-03");
    // nothing is left beside it (no half-copied folder)
    assertThat(Files.list(root.resolve("reports")).map(p -> p.getFileName().toString()).toList())
        .containsExactlyInAnyOrder("2026-10-03", "index.html");
  }

  @Test
  void aDayWithoutPublishedMetricsFailsWithAnActionableMessage() {
    ReportFixtures.example(root.resolve("warehouse"));
    LocalDate unpublished = LocalDate.parse("2026-10-04");
    assertThatThrownBy(() -> DailyReport.render(ReportSetup.config(root, "zh", ""), unpublished))
        .isInstanceOf(QunbaoException.class)
        .hasMessageContaining("no published type_daily partition for 2026-10-04")
        .hasMessageContaining("run the metrics");
    assertThat(root.resolve("reports/2026-10-04")).doesNotExist();
  }

  @Test
  void aPartitionWithoutSuccessIsNotRead() throws Exception {
    // Given 2026-10-03's type_daily partition still being written (no _SUCCESS yet)
    ReportFixtures.example(root.resolve("warehouse"));
    Files.delete(root.resolve("warehouse/metrics/type_daily/dt=2026-10-03/_SUCCESS"));
    assertThatThrownBy(() -> DailyReport.render(ReportSetup.config(root, "zh", ""), ReportFixtures.EXAMPLE_LAST_DAY))
        .isInstanceOf(QunbaoException.class);
  }

  @Test
  void aBadTargetsFileFailsBeforeAnythingIsWritten() throws Exception {
    ReportFixtures.example(root.resolve("warehouse"));
    Path targets = Files.writeString(root.resolve("targets.yml"), "camp:\n  gmv: 100\n");
    assertThatThrownBy(() -> DailyReport.render(ReportSetup.config(root, "zh", targets.toString()), ReportFixtures.EXAMPLE_LAST_DAY))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("camp.gmv");
    assertThat(root.resolve("reports")).doesNotExist();
  }
}

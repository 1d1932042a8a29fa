package io.qunbao.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.reports.i18n.Messages;
import io.qunbao.reports.model.HeadlineMetric;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
  private final ReportFormat en = new ReportFormat(new Messages("en"));
  private final ReportFormat zh = new ReportFormat(new Messages("zh"));

  @Test
  void ratesArePercentWithOneDecimalBesideTheirCounts() {
    // 52 / 1000 = 0.052 → 5.2%
    assertThat(en.rateWithCounts(0.052, 52L, 1000L)).isEqualTo("5.2% · 52 of 1,000");
    assertThat(zh.rateWithCounts(0.052, 52L, 1000L)).isEqualTo("5.2% · 52 / 1,000");
    // 5 / 6 = 0.8333… → 83.3%; 1 / 2000 = 0.0005 → 0.05% rounds half up to 0.1%
    assertThat(en.percent(5.0 / 6)).isEqualTo("83.3%");
    assertThat(en.percent(0.0005)).isEqualTo("0.1%");
  }

  @Test
  void aNullRateIsADashNeverZero() {
    assertThat(en.percent(null)).isEqualTo("—");
    assertThat(en.rateWithCounts(null, 0L, 0L)).isEqualTo("— · 0 of 0");
  }

  @Test
  void countsAndGmv() {
    assertThat(en.count(1234567L)).isEqualTo("1,234,567");
    assertThat(en.gmv(new BigDecimal("1234.5"))).isEqualTo("¥1,234.50");
    assertThat(en.gmv(new BigDecimal("0.00"))).isEqualTo("¥0.00");
    assertThat(en.ratio(1.0 / 6)).isEqualTo("0.167");
  }

  @Test
  void changesAreSignedAndRatesChangeInPoints() {
    // 0.25 → 0.237: −1.3 points
    assertThat(en.percentPointChange(0.237, 0.25)).isEqualTo("−1.3 pp");
    assertThat(zh.percentPointChange(0.25, 0.237)).isEqualTo("+1.3个百分点");
    assertThat(en.countChange(744L, 716L)).isEqualTo("+28");
    assertThat(en.gmvChange(new BigDecimal("442.50"), new BigDecimal("531.00"))).isEqualTo("−¥88.50");
    assertThat(en.countChange(5L, 5L)).isEqualTo("±0");
    assertThat(en.percentPointChange(0.5, null)).isEqualTo("—");
  }

  @Test
  void storedRevisionValuesAndBandsPrintInTheirMetricsUnit() {
    // revisions keep values as text, as Spark casts them: a double, a decimal, a count
    assertThat(en.stored(HeadlineMetric.REACH_RATE, "0.08695652173913043")).isEqualTo("8.7%");
    assertThat(en.stored(HeadlineMetric.GMV, "1344.00")).isEqualTo("¥1,344.00");
    assertThat(en.stored(HeadlineMetric.MEMBERS, "1200")).isEqualTo("1,200");
    assertThat(en.stored(HeadlineMetric.K_FACTOR, "1.0E-4")).isEqualTo("0.000");
    assertThat(en.stored(HeadlineMetric.GMV, null)).isEqualTo("—");
    // a band: one unit sign for rates, negative lower edges drawn at 0 (no metric is below it)
    assertThat(en.band(HeadlineMetric.ACTIVITY_RATE, 0.101, 0.142)).isEqualTo("10.1–14.2%");
    assertThat(en.band(HeadlineMetric.MEMBERS, -12.4, 1500.6)).isEqualTo("0–1,501");
    assertThat(en.band(HeadlineMetric.GMV, 1000, 1500.5)).isEqualTo("¥1,000–¥1,501");
    assertThat(en.change(HeadlineMetric.LEAVES, 3.0, 5.0)).isEqualTo("−2");
  }
}

package io.qunbao.reports.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.common.config.ConfigLoader;
import io.qunbao.reports.ReportSettings;
import io.qunbao.reports.i18n.Messages;
import io.qunbao.reports.judge.DayAssessment;
import io.qunbao.reports.model.ReportData;
import io.qunbao.reports.model.TypeDay;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The digest fits a WeCom robot's 4096 bytes whatever the number of group types. */
class DailyDigestTest {
  static final LocalDate DAY = LocalDate.parse("2026-11-30");

  @Test
  void manyTypesGiveWayToALineSayingHowManyMoreTheReportHas() {
    // Given 150 group types (codes outside the spec, printed as written) over 28 days
    List<String> types = IntStream.range(0, 150).mapToObj(i -> "custom_type_with_a_long_code_" + i).toList();
    List<TypeDay> days = new ArrayList<>();
    for (int back = 0; back <= 28; back++) {
      for (String type : types) days.add(typeDay(DAY.minusDays(back), type, 1_000 + back));
    }
    ReportData data = new ReportData(DAY, days, List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    ReportSettings settings = ReportSettings.from(new ConfigLoader().defaults());

    // when its digest is made, in the longer language
    String digest = new DailyDigest(data, new Messages("zh"), DayAssessment.of(data, settings), "https://ops.example.com/reports/"
        + DAY + "/index.html").markdown();

    // then it fits, keeps its head and its link, and says how many types it left to the report
    assertThat(digest.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(DailyDigest.LIMIT_BYTES);
    List<String> lines = digest.lines().toList();
    assertThat(lines.get(0)).isEqualTo("**群报日报 " + DAY + " 已生成**");
    long shown = lines.stream().filter(l -> l.startsWith("- **custom_type")).count();
    assertThat(shown).isBetween(10L, 149L);
    assertThat(lines.get(lines.size() - 2)).isEqualTo("另有 " + (150 - shown) + " 类见完整日报");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("[完整日报](https://ops.example.com/reports/" + DAY + "/index.html)");
    // one more type's line would not have fitted
    String next = "- **custom_type_with_a_long_code_" + shown + "** ";
    assertThat(digest.getBytes(StandardCharsets.UTF_8).length + next.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(3_900);
  }

  /** A type's day with members only (every rate over them null): the default purpose judges members and activity. */
  private static TypeDay typeDay(LocalDate day, String type, long members) {
    return new TypeDay(day, type, 1L, members, 0L, 0L, 0L, null, 0L, null, 0L, 0L, null, 0L, 0L, BigDecimal.ZERO, 0L, 0L, 0L,
        null, 0L, 0L, null);
  }
}

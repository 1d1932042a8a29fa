package io.qunbao.reports.html;

import io.qunbao.reports.format.ReportFormat;
import io.qunbao.reports.html.Views.Card;
import io.qunbao.reports.html.Views.HeadlineRow;
import io.qunbao.reports.html.Views.MetricLine;
import io.qunbao.reports.html.Views.PrimaryMetric;
import io.qunbao.reports.i18n.GroupTypes;
import io.qunbao.reports.i18n.Messages;
import io.qunbao.reports.judge.Baseline;
import io.qunbao.reports.judge.Flag;
import io.qunbao.reports.judge.Judge;
import io.qunbao.reports.judge.MetricJudgement;
import io.qunbao.reports.judge.TypeJudgement;
import io.qunbao.reports.model.Cohort;
import io.qunbao.reports.model.HeadlineMetric;
import io.qunbao.reports.model.ReportData;
import io.qunbao.reports.model.TypeDay;
import io.qunbao.reports.targets.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The group types on the page: the headline (one row per type, by verdict) and a card per type (primary metrics first). */
final class TypeViews {
  private final ReportData data;
  private final Messages messages;
  private final ReportFormat format;

  TypeViews(ReportData data, Messages messages) {
    this.data = data;
    this.messages = messages;
    this.format = new ReportFormat(messages);
  }

  List<HeadlineRow> headline(List<TypeJudgement> types) {
    return Judge.ranked(types).stream().map(this::headlineRow).toList();
  }

  private HeadlineRow headlineRow(TypeJudgement type) {
    String verdict = type.verdict().name().toLowerCase(Locale.ROOT);
    List<PrimaryMetric> primary = type.primary().stream()
        .map(m -> new PrimaryMetric(type.type(), m.metric().column(), metricName(m.metric()), headlineValue(m), flag(m), flagClass(m),
            String.join(" · ", List.of(bandText(m, true), targetText(m)).stream().filter(s -> !s.isEmpty()).toList())))
        .toList();
    return new HeadlineRow(type.type(), messages.groupType(type.type()), GroupTypes.cssColour(type.type()), purpose(type),
        messages.get("verdict." + verdict), verdict, primary);
  }

  List<Card> cards(List<TypeJudgement> types) {
    return types.stream().map(this::card).toList();
  }

  private Card card(TypeJudgement type) {
    TypeDay today = data.typeDay(data.day(), type.type()).orElseThrow();
    List<MetricLine> lines = new ArrayList<>();
    for (MetricJudgement m : type.metrics()) {
      String[] changes = m.metric() == HeadlineMetric.CONVERSION_RATE ? cohortChanges(m, type.type()) : dayChanges(m, today);
      String target = m.target().map(t -> targetBound(m.metric(), t)).orElse("");
      lines.add(new MetricLine(type.type(), m.metric().column(), metricName(m.metric()), m.primary(), cardValue(m), note(m, today),
          changes[0], changes[1], (flag(m) + " " + bandText(m, false)).strip(), flagClass(m), target,
          Boolean.TRUE.equals(m.hit()), Boolean.FALSE.equals(m.hit())));
    }
    List<String> provisional = data.cohorts().stream()
        .filter(c -> c.type().equals(type.type()) && !c.isFinal())
        .sorted(Comparator.comparing(Cohort::day))
        .map(c -> format.shortDate(c.day()) + " " + format.percent(c.conversionRate()))
        .toList();
    return new Card(type.type(), messages.groupType(type.type()), GroupTypes.cssColour(type.type()), purpose(type), lines, provisional);
  }

  /** Against the type's row of the day before and of 7 days before. */
  private String[] dayChanges(MetricJudgement m, TypeDay today) {
    Double now = m.metric().observe(today).value();
    return new String[] {
      format.change(m.metric(), now, valueOn(today.day().minusDays(1), today.type(), m.metric())),
      format.change(m.metric(), now, valueOn(today.day().minusDays(7), today.type(), m.metric()))
    };
  }

  /** Conversion: the cohort shown against the cohorts one and seven days before it. */
  private String[] cohortChanges(MetricJudgement m, String type) {
    if (m.day() == null) return new String[] {ReportFormat.MISSING, ReportFormat.MISSING};
    return new String[] {
      format.change(m.metric(), m.value(), data.cohort(m.day().minusDays(1), type).map(Cohort::conversionRate).orElse(null)),
      format.change(m.metric(), m.value(), data.cohort(m.day().minusDays(7), type).map(Cohort::conversionRate).orElse(null))
    };
  }

  private Double valueOn(LocalDate day, String type, HeadlineMetric metric) {
    return data.typeDay(day, type).map(t -> metric.observe(t).value()).orElse(null);
  }

  private String cardValue(MetricJudgement m) {
    return m.observation().map(o -> format.withCounts(m.metric(), o)).orElse(ReportFormat.MISSING);
  }

  /** The headline's short value: the number alone (a conversion with its cohort's day). */
  private String headlineValue(MetricJudgement m) {
    if (m.observation().isEmpty()) return messages.get("card.noFinalCohort");
    String value = format.plain(m.metric(), m.value());
    return m.metric() == HeadlineMetric.CONVERSION_RATE ? messages.format("headline.cohortValue", value, format.shortDate(m.day())) : value;
  }

  private String note(MetricJudgement m, TypeDay today) {
    return switch (m.metric()) {
      case CONVERSION_RATE -> m.day() == null ? messages.get("card.noFinalCohort") : messages.format("card.cohortOf", format.shortDate(m.day()));
      case GMV -> messages.format("card.orders", format.count(today.orders()));
      default -> "";
    };
  }

  private String flag(MetricJudgement m) {
    return m.flag() == Flag.ABOVE ? "▲" : m.flag() == Flag.BELOW ? "▼" : "";
  }

  private static String flagClass(MetricJudgement m) {
    return m.isBadFlag() ? "bad" : m.isGoodFlag() ? "good" : "";
  }

  /** The usual band ("6.1–8.0%"), or why there is none; {@code labelled}: with its name ("usual 6.1–8.0%"). */
  private String bandText(MetricJudgement m, boolean labelled) {
    if (m.flag() == Flag.SMALL_DENOMINATOR) return messages.get("baseline.small");
    Optional<Baseline> baseline = m.baseline();
    if (baseline.isEmpty()) return labelled ? "" : ReportFormat.MISSING;
    String band = format.band(m.metric(), baseline.get().low(), baseline.get().high());
    return labelled ? messages.format("baseline.usual", band) : band;
  }

  private String targetText(MetricJudgement m) {
    if (m.target().isEmpty()) return "";
    String mark = Boolean.TRUE.equals(m.hit()) ? "✔" : Boolean.FALSE.equals(m.hit()) ? "✘" : "";
    return (messages.format("headline.target", targetBound(m.metric(), m.target().get())) + " " + mark).strip();
  }

  private String targetBound(HeadlineMetric metric, Target target) {
    String bound = switch (metric.unit()) {
      case COUNT -> format.count((long) target.value());
      case MONEY -> format.gmv(BigDecimal.valueOf(target.value()));
      case RATIO -> format.ratio(target.value());
      case RATE -> format.percent(target.value());
    };
    return (target.direction() == Target.Direction.AT_LEAST ? "≥ " : "≤ ") + bound;
  }

  private String purpose(TypeJudgement type) {
    return messages.get("purpose." + type.purpose().code());
  }

  private String metricName(HeadlineMetric metric) {
    return messages.get("metric." + metric.column());
  }
}

package io.qunbao.reports.judge;

import io.qunbao.reports.ReportSettings;
import io.qunbao.reports.model.Cohort;
import io.qunbao.reports.model.HeadlineMetric;
import io.qunbao.reports.model.Observation;
import io.qunbao.reports.model.ReportData;
import io.qunbao.reports.model.TypeDay;
import io.qunbao.reports.purpose.Purpose;
import io.qunbao.reports.targets.Target;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Judges each group type's day by its purpose: its primary metrics first, each against the type's
 * own usual band (its last {@code report.baseline.days} days; for conversion, the cohorts before the
 * one shown) and its target. Numbers over fewer than {@code report.min-denominator} people are
 * never flagged.
 */
public final class Judge {
  /** A card's metrics after its primary ones: the established seven, in this order. */
  static final List<HeadlineMetric> STANDARD = List.of(
      HeadlineMetric.MEMBERS, HeadlineMetric.REACH_RATE, HeadlineMetric.ACTIVITY_RATE, HeadlineMetric.CONVERSION_RATE,
      HeadlineMetric.REPURCHASE_RATE_30D, HeadlineMetric.K_FACTOR, HeadlineMetric.GMV);

  private final ReportData data;
  private final ReportSettings settings;

  public Judge(ReportData data, ReportSettings settings) {
    this.data = data;
    this.settings = settings;
  }

  /** Every group type of the day (spec order), judged. */
  public List<TypeJudgement> types() {
    return data.typesOfTheDay().stream().map(this::judge).toList();
  }

  /** The types in the headline's order: by verdict, then spec order. */
  public static List<TypeJudgement> ranked(List<TypeJudgement> types) {
    return types.stream().sorted(Comparator.comparing(TypeJudgement::verdict)).toList();
  }

  TypeJudgement judge(TypeDay today) {
    Purpose purpose = settings.purposes().of(today.type());
    List<MetricJudgement> metrics = new ArrayList<>();
    purpose.primary().forEach(metric -> metrics.add(judge(today, metric, true)));
    STANDARD.stream().filter(m -> !purpose.primary().contains(m)).forEach(metric -> metrics.add(judge(today, metric, false)));
    return new TypeJudgement(today.type(), purpose, metrics);
  }

  private MetricJudgement judge(TypeDay today, HeadlineMetric metric, boolean primary) {
    String type = today.type();
    Optional<Observation> now;
    LocalDate day;
    List<Double> history;
    int days = settings.report().baseline().days();
    if (metric == HeadlineMetric.CONVERSION_RATE) {
      Optional<Cohort> cohort = data.latestFinalCohort(type);
      now = cohort.map(HeadlineMetric::observe);
      day = cohort.map(Cohort::day).orElse(null);
      history = cohort.map(c -> IntStream.rangeClosed(1, days)
          .mapToObj(k -> data.cohort(c.day().minusDays(k), type).map(Cohort::conversionRate).orElse(null)).toList())
          .orElse(List.of());
    } else {
      now = Optional.of(metric.observe(today));
      day = today.day();
      history = IntStream.rangeClosed(1, days)
          .mapToObj(k -> data.typeDay(today.day().minusDays(k), type).map(t -> metric.observe(t).value()).orElse(null)).toList();
    }
    double highest = metric.unit() == HeadlineMetric.Unit.RATE ? 1 : Double.MAX_VALUE;
    Long denominator = now.map(Observation::denominator).orElse(null);
    Optional<Baseline> baseline = Baseline.of(history, settings.report().baseline(), median -> chance(metric, median, denominator))
        .map(b -> b.within(0, highest));
    Optional<Target> target = settings.targets().of(type, metric.column());
    Double value = now.map(Observation::value).orElse(null);
    return new MetricJudgement(metric, primary, now, day, baseline, flag(now, baseline), target,
        target.map(t -> t.hit(value)).orElse(null));
  }

  /**
   * The standard deviation chance alone gives a value of {@code metric} around {@code median}:
   * binomial for a rate over today's {@code denominator} people, Poisson for a count, and for the
   * k-factor (joins per member) its joins' Poisson over the members; money has none. A median of 0
   * is taken as one event, so a history of zeros still has a width.
   */
  static double chance(HeadlineMetric metric, double median, Long denominator) {
    double n = denominator == null || denominator < 1 ? 1 : denominator;
    return switch (metric.unit()) {
      case RATE -> {
        double p = Math.min(Math.max(median, 1 / n), 1 - 1 / n);
        yield Math.sqrt(Math.max(p * (1 - p), 0) / n);
      }
      case RATIO -> Math.sqrt(Math.max(median, 1 / n) / n);
      case COUNT -> Math.sqrt(Math.max(median, 1));
      case MONEY -> 0;
    };
  }

  private Flag flag(Optional<Observation> now, Optional<Baseline> baseline) {
    if (now.isEmpty() || now.get().value() == null || now.get().value().isNaN()) return Flag.NO_BASELINE;
    Long denominator = now.get().denominator();
    if (denominator == null || denominator < settings.report().minDenominator()) return Flag.SMALL_DENOMINATOR;
    if (baseline.isEmpty()) return Flag.NO_BASELINE;
    int side = baseline.get().compare(now.get().value());
    return side > 0 ? Flag.ABOVE : side < 0 ? Flag.BELOW : Flag.USUAL;
  }
}

package io.qunbao.reports.judge;

import io.qunbao.reports.model.HeadlineMetric;
import io.qunbao.reports.model.Observation;
import io.qunbao.reports.targets.Target;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One headline number of a group type, judged: its value (with the day it is of: the report day,
 * or a cohort's day for conversion), the type's usual band and where the value lies against it,
 * and its target. Empty observation: the type has no value for it (no final cohort yet).
 */
public record MetricJudgement(
    HeadlineMetric metric,
    boolean primary,
    Optional<Observation> observation,
    LocalDate day,
    Optional<Baseline> baseline,
    Flag flag,
    Optional<Target> target,
    Boolean hit) {

  /** A primary metric that missed its target or left its band in the bad direction. */
  public boolean isConcern() {
    return Boolean.FALSE.equals(hit) || isBadFlag();
  }

  public boolean isBadFlag() {
    return (flag == Flag.BELOW && metric.higherIsBetter()) || (flag == Flag.ABOVE && !metric.higherIsBetter());
  }

  public boolean isGoodFlag() {
    return flag.isFlagged() && !isBadFlag();
  }

  public Double value() {
    return observation.map(Observation::value).orElse(null);
  }
}

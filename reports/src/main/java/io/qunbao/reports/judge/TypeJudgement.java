package io.qunbao.reports.judge;

import io.qunbao.reports.purpose.Purpose;
import java.util.List;

/**
 * A group type's day judged by its purpose: its metrics, primary ones first, and the verdict the
 * headline ranks types by (against their own targets and usual bands, never against each other).
 */
public record TypeJudgement(String type, Purpose purpose, List<MetricJudgement> metrics) {

  /** The headline's order: a type that needs attention first, one doing better than usual next. */
  public enum Verdict { CONCERN, BETTER, USUAL, UNKNOWN }

  public List<MetricJudgement> primary() {
    return metrics.stream().filter(MetricJudgement::primary).toList();
  }

  public Verdict verdict() {
    List<MetricJudgement> primary = primary();
    if (primary.stream().anyMatch(MetricJudgement::isConcern)) return Verdict.CONCERN;
    if (primary.stream().anyMatch(MetricJudgement::isGoodFlag)) return Verdict.BETTER;
    if (primary.stream().anyMatch(m -> m.flag() == Flag.USUAL || m.hit() != null)) return Verdict.USUAL;
    return Verdict.UNKNOWN;
  }
}

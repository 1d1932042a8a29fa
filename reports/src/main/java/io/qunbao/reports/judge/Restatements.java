package io.qunbao.reports.judge;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.reports.model.HeadlineMetric;
import io.qunbao.reports.model.Revision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The restatements of the last runs, as a person reads them: how many values each run restated
 * and which days they belong to; and the material ones, a headline metric of {@code type_daily} or
 * {@code cohort_conversion} that moved from its first published value by at least
 * {@code report.restatements.material-points} percentage points (rates) or
 * {@code material-share} of itself (counts, GMV, k-factor). Maturations (provisional values
 * filling in as designed) are counted, not listed.
 */
public final class Restatements {
  /** One run's restatements: how many values, of which days. */
  public record Run(LocalDate runDate, long values, TreeSet<LocalDate> days) {}

  private final List<Revision> restatements;
  private final long matured;
  private final List<Run> runs;
  private final List<MaterialRestatement> material;
  private final Set<String> materialChains;

  public Restatements(List<LocalDate> runDates, List<Revision> revisions, QunbaoConfig.Restatements rule) {
    this.restatements = revisions.stream().filter(Revision::isRestatement)
        .sorted(Comparator.comparing(Revision::runDate).thenComparing(Revision::table).thenComparing(Revision::day)
            .thenComparing(r -> String.valueOf(r.key())).thenComparing(Revision::column))
        .toList();
    this.matured = revisions.size() - restatements.size();
    Map<LocalDate, List<Revision>> byRun = restatements.stream().collect(Collectors.groupingBy(Revision::runDate));
    this.runs = runDates.stream()
        .map(run -> new Run(run, byRun.getOrDefault(run, List.of()).size(),
            byRun.getOrDefault(run, List.of()).stream().map(Revision::day).collect(Collectors.toCollection(TreeSet::new))))
        .toList();
    this.material = material(restatements, rule);
    this.materialChains = material.stream().map(MaterialRestatement::chain).collect(Collectors.toSet());
  }

  /** Every restated value (maturations left out), oldest run first. */
  public List<Revision> all() {
    return restatements;
  }

  /** How many values matured as designed over the same runs. */
  public long matured() {
    return matured;
  }

  /** The runs considered, newest first, each with its restatements. */
  public List<Run> runs() {
    return runs;
  }

  /** The material restatements, largest first. */
  public List<MaterialRestatement> material() {
    return material;
  }

  /**
   * The material restatements by the row they restate (a type's day, or its cohort), the row with
   * the largest first; within a row, in the order of the headline metrics. One event (a refund, a
   * snapshot that retyped a day's groups) restates several metrics of a row: it is one line.
   */
  public List<List<MaterialRestatement>> materialByRow() {
    Map<String, List<MaterialRestatement>> rows = new LinkedHashMap<>();
    for (MaterialRestatement m : material) {
      rows.computeIfAbsent(m.metric().table() + "|" + m.day() + "|" + m.type(), k -> new ArrayList<>()).add(m);
    }
    return rows.values().stream()
        .map(row -> row.stream().sorted(Comparator.comparing(MaterialRestatement::metric)).toList())
        .toList();
  }

  /** Whether {@code revision} belongs to a material restatement. */
  public boolean isMaterial(Revision revision) {
    return materialChains.contains(chain(revision));
  }

  private static List<MaterialRestatement> material(List<Revision> restatements, QunbaoConfig.Restatements rule) {
    // one chain per value: its first published value and its value now, over the runs read
    Map<String, List<Revision>> chains = new LinkedHashMap<>();
    for (Revision revision : restatements) {
      if (headline(revision).isPresent()) {
        chains.computeIfAbsent(chain(revision), k -> new ArrayList<>()).add(revision);
      }
    }
    return chains.values().stream()
        .map(chain -> {
          Revision first = chain.get(0);
          Revision last = chain.get(chain.size() - 1);
          HeadlineMetric metric = headline(first).orElseThrow();
          return new MaterialRestatement(chain(first), first.day(), first.groupType(), metric, first.oldValue(), last.newValue(),
              last.runDate(), size(metric, first.oldValue(), last.newValue(), rule));
        })
        .filter(m -> m.size() >= 1)
        .sorted(Comparator.comparingDouble(MaterialRestatement::size).reversed()
            .thenComparing(MaterialRestatement::day, Comparator.reverseOrder())
            .thenComparing(m -> String.valueOf(m.type())).thenComparing(MaterialRestatement::metric))
        .toList();
  }

  /** One value's revisions share this: its table, day, row and column. */
  private static String chain(Revision revision) {
    return revision.table() + "|" + revision.day() + "|" + revision.key() + "|" + revision.column();
  }

  /** The headline metric a revision restates, when it is one (its column in its own table). */
  static Optional<HeadlineMetric> headline(Revision revision) {
    return HeadlineMetric.byColumn(revision.column()).filter(m -> m.table().equals(revision.table()));
  }

  /**
   * How many times the material threshold a value moved: percentage points for rates, a share of
   * the first published value otherwise (of the value now, when it was first published as 0). A
   * side without a value (a row that appeared or went, a rate over nobody) counts as 0.
   */
  static double size(HeadlineMetric metric, String first, String now, QunbaoConfig.Restatements rule) {
    double before = number(first);
    double after = number(now);
    double change = Math.abs(after - before);
    if (change == 0) return 0;
    if (metric.unit() == HeadlineMetric.Unit.RATE) {
      return rule.materialPoints() == 0 ? Double.POSITIVE_INFINITY : change * 100 / rule.materialPoints();
    }
    double base = before != 0 ? Math.abs(before) : Math.abs(after);
    return rule.materialShare() == 0 ? Double.POSITIVE_INFINITY : change / base / rule.materialShare();
  }

  private static double number(String value) {
    return value == null ? 0 : new BigDecimal(value).doubleValue();
  }

  /** Per run date, the restated days, for the trend charts' marks ({@code table}'s only). */
  public TreeMap<LocalDate, Long> restatedDays(String table) {
    return restatements.stream().filter(r -> r.table().equals(table))
        .collect(Collectors.groupingBy(Revision::day, TreeMap::new, Collectors.counting()));
  }
}

package io.qunbao.reports.judge;

import io.qunbao.reports.model.CampaignDay;
import io.qunbao.reports.model.ChannelDay;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * Rows ranked fairly by a rate whose volume differs from row to row: a row measured on fewer than
 * {@code minTrials} people is not ranked (one scanner who joined is not a 100% code); the others by
 * the Wilson lower bound of their rate, so a rate on many people outranks the same rate on a few.
 */
public final class FairRanking<T> {
  /** A row with its volume-aware rate; {@code rank} 0 when it is not ranked. */
  public record Ranked<T>(int rank, T row, Double lowerBound) {}

  private final List<Ranked<T>> ranked;
  private final List<Ranked<T>> unranked;

  /** {@code ties}: the order among rows of the same lower bound, after more trials first. */
  FairRanking(List<T> rows, ToLongFunction<T> successes, ToLongFunction<T> trials, int minTrials, Comparator<T> ties) {
    Comparator<Ranked<T>> order = Comparator.comparing((Ranked<T> r) -> r.lowerBound(), Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(r -> -trials.applyAsLong(r.row()))
        .thenComparing(Ranked::row, ties);
    List<Ranked<T>> sorted = rows.stream()
        .map(row -> new Ranked<>(0, row, Wilson.lowerBound(successes.applyAsLong(row), trials.applyAsLong(row))))
        .sorted(order)
        .toList();
    List<Ranked<T>> eligible = sorted.stream().filter(r -> trials.applyAsLong(r.row()) >= minTrials).toList();
    this.ranked = IntStream.range(0, eligible.size())
        .mapToObj(i -> new Ranked<>(i + 1, eligible.get(i).row(), eligible.get(i).lowerBound())).toList();
    this.unranked = sorted.stream().filter(r -> trials.applyAsLong(r.row()) < minTrials).toList();
  }

  /** Live codes per group type by their scan join rate. */
  public static FairRanking<ChannelDay> channels(List<ChannelDay> channels, int minScanners) {
    return new FairRanking<>(channels, ChannelDay::scanJoins, ChannelDay::scanners, minScanners,
        Comparator.comparing(ChannelDay::codeId)
            .thenComparing(c -> String.valueOf(c.channel()))
            .thenComparing(c -> String.valueOf(c.type())));
  }

  /**
   * Campaigns by their scan join rate: it is known the day after, where the conversion of the day's
   * joiners is still open for the whole window, so a ranking by conversion would rank mostly zeros.
   */
  public static FairRanking<CampaignDay> campaigns(List<CampaignDay> campaigns, int minScanners) {
    return new FairRanking<>(campaigns, CampaignDay::scanJoins, CampaignDay::scanners, minScanners,
        Comparator.comparing(CampaignDay::codeId));
  }

  /** The rows with enough trials, best first. */
  public List<Ranked<T>> ranked() {
    return ranked;
  }

  /** The rows with too few trials, in the same order. */
  public List<Ranked<T>> unranked() {
    return unranked;
  }
}

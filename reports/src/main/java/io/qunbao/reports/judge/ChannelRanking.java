package io.qunbao.reports.judge;

import io.qunbao.reports.model.ChannelDay;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Live codes ranked fairly: a code with fewer than {@code minScanners} scanners on the day is not
 * ranked (one scanner who joined is not a 100% channel); the others by the Wilson lower bound of
 * their scan join rate, so a rate measured on many scanners outranks the same rate on a few.
 */
public final class ChannelRanking {
  /** A code of the day with its volume-aware rate; {@code rank} 0 when it is not ranked. */
  public record RankedChannel(int rank, ChannelDay channel, Double lowerBound) {}

  private final List<RankedChannel> ranked;
  private final List<RankedChannel> unranked;

  public ChannelRanking(List<ChannelDay> channels, int minScanners) {
    Comparator<RankedChannel> order = Comparator.comparing(RankedChannel::lowerBound, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(c -> -c.channel().scanners())
        .thenComparing(c -> c.channel().codeId())
        .thenComparing(c -> String.valueOf(c.channel().channel()))
        .thenComparing(c -> String.valueOf(c.channel().type()));
    List<RankedChannel> sorted = channels.stream()
        .map(c -> new RankedChannel(0, c, Wilson.lowerBound(c.scanJoins(), c.scanners())))
        .sorted(order)
        .toList();
    List<RankedChannel> eligible = sorted.stream().filter(c -> c.channel().scanners() >= minScanners).toList();
    this.ranked = IntStream.range(0, eligible.size())
        .mapToObj(i -> new RankedChannel(i + 1, eligible.get(i).channel(), eligible.get(i).lowerBound())).toList();
    this.unranked = sorted.stream().filter(c -> c.channel().scanners() < minScanners).toList();
  }

  /** The codes with enough scanners, best first. */
  public List<RankedChannel> ranked() {
    return ranked;
  }

  /** The codes with too few scanners, in the same order. */
  public List<RankedChannel> unranked() {
    return unranked;
  }
}

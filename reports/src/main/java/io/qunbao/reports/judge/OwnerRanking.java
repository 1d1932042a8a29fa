package io.qunbao.reports.judge;

import io.qunbao.reports.model.OwnerDay;
import java.util.Comparator;
import java.util.List;

/**
 * Group owners ranked by what their groups sold on the day, then by how many of their members
 * official messages reached (a day without sales is common; reach tells those owners apart), then
 * by members; and the owners with most dead groups.
 */
public final class OwnerRanking {
  /** Owners the dead-groups line names at most. */
  public static final int MOST_DEAD = 5;

  static final Comparator<OwnerDay> BY_GMV_THEN_REACH = Comparator
      .comparing(OwnerDay::gmv, Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(OwnerDay::reachRate, Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(o -> -o.members())
      .thenComparing(OwnerDay::ownerId);

  private OwnerRanking() {}

  /** Every owner of the day, best first. */
  public static List<OwnerDay> ranked(List<OwnerDay> owners) {
    return owners.stream().sorted(BY_GMV_THEN_REACH).toList();
  }

  /** The owners with dead groups, most first (then most groups), at most {@link #MOST_DEAD}. */
  public static List<OwnerDay> mostDeadGroups(List<OwnerDay> owners) {
    return owners.stream().filter(o -> o.deadGroups() > 0)
        .sorted(Comparator.comparingLong((OwnerDay o) -> -o.deadGroups()).thenComparing(o -> -o.groups()).thenComparing(OwnerDay::ownerId))
        .limit(MOST_DEAD).toList();
  }
}

package io.qunbao.metrics;

import java.time.LocalDate;

/**
 * Which metric partitions a run recomputes and republishes ({@link io.qunbao.metrics.recomputation.RunPlanner} says from which
 * day it recomputes):
 * <ul>
 *   <li>{@link #NIGHTLY}: of the days the new exports can change, those whose rows differ from what is
 *       published, and the days never published yet;
 *   <li>{@link #FULL}: every published day;
 *   <li>{@link #range}: every day from {@code from} to {@code to} (a backfill), others left alone.
 * </ul>
 */
public record Scope(Kind kind, LocalDate from, LocalDate to) {
  public enum Kind { NIGHTLY, FULL, RANGE }

  public static final Scope NIGHTLY = new Scope(Kind.NIGHTLY, null, null);
  public static final Scope FULL = new Scope(Kind.FULL, null, null);

  public static Scope range(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("backfill range " + from + " .. " + to + " is empty");
    }
    return new Scope(Kind.RANGE, from, to);
  }

  /** Whether the day is republished even when its rows did not change. */
  public boolean forces(LocalDate day) {
    return switch (kind) {
      case NIGHTLY -> false;
      case FULL -> true;
      case RANGE -> !day.isBefore(from) && !day.isAfter(to);
    };
  }

  /** Whether a changed day may be published by this run. */
  public boolean admits(LocalDate day) {
    return kind != Kind.RANGE || forces(day);
  }

  @Override
  public String toString() {
    return kind == Kind.RANGE ? from + ".." + to : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}

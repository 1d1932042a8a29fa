package io.qunbao.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** One group chat and its state as the simulation runs. */
final class Group {
  private static final int RECENT_JOINERS = 20;
  /** Someone who will join at {@code time}: a live-code scanner, an invitee, a link follower. */
  record Join(long time, int customer, String scene, String inviterId, String codeId) {}

  /** A member who will leave at {@code time}, decided when they joined. */
  record Leave(long time, int customer) {}

  final String id;
  final String name;
  final GroupType type;
  final long createdAt;
  final LocalDate createdDay;
  /** Epoch second of dissolution, or -1. */
  final long dissolvedAt;
  final String ownerId;
  /** Owner, admins and service staff: their messages are official. */
  final List<String> officials;
  /** KOCs and shill accounts who post like customers. */
  final List<String> voices;
  /** Age in days from which the group is dead (customers silent), or -1. */
  final int dieAge;
  /** The live code feeding this group, or null for groups members join by invitation. */
  final LiveCode liveCode;
  final SplittableRandom random;

  /** False for the one group no snapshot ever lists (its events count under "unknown"). */
  boolean listed = true;
  /** A later snapshot lists the group under this type from {@link #retypeDay} on (ops reclassified it). */
  GroupType retype;
  int retypeDay = -1;
  /** The latest joiners, newest last: new members are the keenest to invite their friends. */
  final List<Integer> recentJoiners = new ArrayList<>();

  final Members present = new Members();
  final List<Integer> buyers = new ArrayList<>();
  private final List<Join> joins = new ArrayList<>();
  private final List<Leave> leaves = new ArrayList<>();

  Group(String id, String name, GroupType type, long createdAt, LocalDate createdDay, long dissolvedAt,
      String ownerId, List<String> officials, List<String> voices, int dieAge, LiveCode liveCode,
      SplittableRandom random) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.createdAt = createdAt;
    this.createdDay = createdDay;
    this.dissolvedAt = dissolvedAt;
    this.ownerId = ownerId;
    this.officials = List.copyOf(officials);
    this.voices = List.copyOf(voices);
    this.dieAge = dieAge;
    this.liveCode = liveCode;
    this.random = random;
  }

  GroupType typeOn(int dayIndex) {
    return retype != null && dayIndex >= retypeDay ? retype : type;
  }

  int capacity() {
    return type.capacity();
  }

  /** Scanners the live code routed here who have not come yet (joins are decided at the scan). */
  int pendingCodeJoins;

  /** As many customers present as the group holds: nobody else can join. */
  boolean isFull() {
    return present.size() >= capacity();
  }

  /** Remembers a joiner among the latest {@code RECENT_JOINERS}. */
  void joined(int customer) {
    recentJoiners.add(customer);
    if (recentJoiners.size() > RECENT_JOINERS) {
      recentJoiners.remove(0);
    }
  }

  boolean dissolvedBy(long time) {
    return dissolvedAt >= 0 && dissolvedAt <= time;
  }

  void expectJoin(Join join) {
    joins.add(join);
  }

  void expectLeave(Leave leave) {
    leaves.add(leave);
  }

  /** The joins expected before {@code end}, in time order, removed from the expected ones. */
  List<Join> takeJoinsBefore(long end) {
    List<Join> due = new ArrayList<>();
    joins.removeIf(j -> j.time() < end && due.add(j));
    due.sort(Comparator.comparingLong(Join::time));
    return due;
  }

  /** The leaves expected before {@code end}, removed from the expected ones. */
  List<Leave> takeLeavesBefore(long end) {
    List<Leave> due = new ArrayList<>();
    leaves.removeIf(l -> l.time() < end && due.add(l));
    return due;
  }
}

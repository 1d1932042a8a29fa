package io.qunbao.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A live code (活码) of one campaign: every scan of it, or of a personal fission poster made from it,
 * is routed to the current group of its pool until the customers present there and the scanners on
 * their way reach {@link #SWITCH_AT} (a WeChat group QR code stops working at 200 members) and a few
 * more ({@link #OVERBOOKED}: some scanners come hours later, after some members left); then the code
 * switches to a new group and never goes back. So a group fills to its capacity, and the last
 * scanners routed to it may find it full. A pool has a size limit: once it is used up the code has
 * expired and further scans go nowhere.
 */
final class LiveCode {
  static final int SWITCH_AT = 200;
  static final int OVERBOOKED = 20;

  /** A member with a personal poster: friends who scan it are routed by the same code, as their invitees. */
  static final class Promoter {
    final int customer;
    final String posterCode;
    /** Friends still to come; a poster is shared for a few days. */
    int invitesLeft;

    Promoter(int customer, String posterCode, int invitesLeft) {
      this.customer = customer;
      this.posterCode = posterCode;
      this.invitesLeft = invitesLeft;
    }
  }

  final String codeId;
  /** The channel tag (WeCom {@code state}), empty for a code without one. */
  final String channel;
  final GroupType type;
  final int firstDay;
  final int lastDay;
  final int maxGroups;
  /** Scans of the code itself per day while it runs. */
  final double scansPerDay;
  final List<Group> pool = new ArrayList<>();
  final List<Promoter> promoters = new ArrayList<>();

  LiveCode(String codeId, String channel, GroupType type, int firstDay, int lastDay, int maxGroups, double scansPerDay) {
    this.codeId = codeId;
    this.channel = channel;
    this.type = type;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.maxGroups = maxGroups;
    this.scansPerDay = scansPerDay;
  }

  boolean runsOn(int dayIndex) {
    return dayIndex >= firstDay && dayIndex <= lastDay;
  }

  /**
   * The group a scan at {@code time} is routed to, opening the next one of the pool (with
   * {@code openGroup}) when the current one is full or gone; null once the pool is used up.
   */
  Group route(long time, LongFunction<Group> openGroup) {
    Group current = pool.isEmpty() ? null : pool.get(pool.size() - 1);
    if (current == null || current.present.size() + current.pendingCodeJoins >= SWITCH_AT + OVERBOOKED
        || current.dissolvedBy(time)) {
      if (pool.size() >= maxGroups) {
        return null;
      }
      current = openGroup.apply(time);
      pool.add(current);
    }
    return current;
  }
}

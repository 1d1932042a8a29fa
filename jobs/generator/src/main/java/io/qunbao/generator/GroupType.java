package io.qunbao.generator;

/**
 * The group types of exports.md with how such groups behave, from common community-operations
 * practice: how many there are, how they fill (live codes or invitations), how fast they fade, how
 * often they die, how much their members buy and at what prices.
 */
enum GroupType {
  //        code        label    share  live   cap  fadeDays die   leave24h buyRate tagged  prices (fen)                   members dissolveAfter
  TRAFFIC("traffic", "引流群", 0.18, true, 200, 3, 0.35, 0.18, 0.004, 0.3, new long[] {990, 1990, 2990}, 0, 0),
  NEW_USER("new_user", "新人群", 0.12, true, 200, 5, 0.20, 0.12, 0.008, 0.5, new long[] {1990, 4900, 9900}, 0, 0),
  CAMP("camp", "训练营", 0.10, false, 500, 12, 0.10, 0.05, 0.010, 0.6, new long[] {19900, 39900, 99900}, 180, 0),
  DELIVERY("delivery", "交付群", 0.08, false, 500, 10, 0.05, 0.03, 0.006, 0.5, new long[] {9900, 29900}, 120, 0),
  SUPERFAN("superfan", "铁粉群", 0.06, false, 500, 25, 0.05, 0.02, 0.015, 0.6, new long[] {5900, 12900, 29900}, 250, 0),
  LOCAL("local", "属地群", 0.08, false, 500, 15, 0.20, 0.06, 0.006, 0.4, new long[] {2990, 5990, 12900}, 300, 0),
  FLASH("flash", "快闪群", 0.07, true, 200, 2, 0.00, 0.10, 0.020, 0.7, new long[] {990, 1990, 3990}, 0, 4),
  CONTENT("content", "内容群", 0.08, false, 500, 8, 0.30, 0.08, 0.003, 0.3, new long[] {990, 4900}, 350, 0),
  CHECKIN("checkin", "打卡群", 0.07, false, 500, 6, 0.25, 0.05, 0.003, 0.4, new long[] {1990, 9900}, 150, 0),
  VIP("vip", "VIP群", 0.05, false, 500, 30, 0.02, 0.01, 0.020, 0.7, new long[] {59900, 129900, 299900}, 80, 0),
  SALE("sale", "秒杀群", 0.11, true, 200, 3, 0.30, 0.20, 0.030, 0.8, new long[] {990, 1990, 2990, 4990}, 0, 0);

  private final String code;
  private final String label;
  private final double share;
  private final boolean fedByLiveCode;
  private final int capacity;
  private final double fadeDays;
  private final double dieChance;
  private final double leaveWithin24h;
  private final double buyRate;
  private final double taggedShare;
  private final long[] pricesFen;
  private final int typicalMembers;
  private final int dissolveAfterDays;

  GroupType(String code, String label, double share, boolean fedByLiveCode, int capacity, double fadeDays,
      double dieChance, double leaveWithin24h, double buyRate, double taggedShare, long[] pricesFen,
      int typicalMembers, int dissolveAfterDays) {
    this.code = code;
    this.label = label;
    this.share = share;
    this.fedByLiveCode = fedByLiveCode;
    this.capacity = capacity;
    this.fadeDays = fadeDays;
    this.dieChance = dieChance;
    this.leaveWithin24h = leaveWithin24h;
    this.buyRate = buyRate;
    this.taggedShare = taggedShare;
    this.pricesFen = pricesFen;
    this.typicalMembers = typicalMembers;
    this.dissolveAfterDays = dissolveAfterDays;
  }

  /** The code of exports.md, e.g. {@code new_user}. */
  String code() {
    return code;
  }

  /** The Chinese label exports may write instead of the code. */
  String label() {
    return label;
  }

  /** Share of all groups. */
  double share() {
    return share;
  }

  /** Members come by scanning a live code (or a personal poster) that routes to a pool of such groups. */
  boolean fedByLiveCode() {
    return fedByLiveCode;
  }

  /** 200 for live-code groups: a WeChat group QR code stops working at 200 members. */
  int capacity() {
    return capacity;
  }

  /** After its busy first week a group's activity falls by 1/e every this many days. */
  double fadeDays() {
    return fadeDays;
  }

  /** Chance that a group dies: its customers go quiet after a week or so. */
  double dieChance() {
    return dieChance;
  }

  /** Chance that a joiner leaves again within 24 hours (the classic "join, look, leave"). */
  double leaveWithin24h() {
    return leaveWithin24h;
  }

  /** Purchases per member per day at full activity. */
  double buyRate() {
    return buyRate;
  }

  /** Share of purchases tagged with the group (group coupon or group-only link). */
  double taggedShare() {
    return taggedShare;
  }

  long[] pricesFen() {
    return pricesFen;
  }

  /** Members an invitation-fed group grows to in its first week; 0 for live-code groups. */
  int typicalMembers() {
    return typicalMembers;
  }

  /** Days after creation when the group is dissolved (flash groups); 0 for never. */
  int dissolveAfterDays() {
    return dissolveAfterDays;
  }

  /**
   * Relative activity of a group {@code ageDays} old: busy in its first week, then fading; a dead group
   * is nearly silent from {@code dieAge} on.
   */
  double activity(int ageDays, int dieAge) {
    if (ageDays < 0) {
      return 0;
    }
    if (dieAge >= 0 && ageDays >= dieAge) {
      return 0.004;
    }
    if (ageDays == 0) {
      return 0.8;
    }
    if (ageDays <= 6) {
      return 1.0;
    }
    return Math.max(0.03, Math.exp(-(ageDays - 6) / fadeDays));
  }
}

package io.qunbao.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The simulated community: staff, customers, groups, live codes and orders, advanced one day at a
 * time. Each day the live codes route their scanners into their pools, then every group lives its day
 * in time order (joins, messages, purchases, leaves), and the rows go to that day's exports.
 */
final class World {
  private static final long HOUR = 3600;
  private static final long DAY = 86400;
  /** Share of its typical size an invitation-fed group gains on each day of its first week. */
  private static final double[] FIRST_WEEK_JOIN_SHARE = {0.35, 0.20, 0.12, 0.08, 0.05, 0.03, 0.02};
  private static final double LATER_JOIN_SHARE = 0.004;
  /** Share of invitation-fed groups created before the first export: their members joined unseen. */
  private static final double PREEXISTING_SHARE = 0.35;
  /** Share of joins whose member_join event the archive lost: the member's first message is an implicit join. */
  private static final double LOST_JOIN_EVENT = 0.015;
  /** Chance that a member who came by a live code gets a personal fission poster. */
  private static final double PROMOTER_CHANCE = 0.12;
  /** Chance that a member who left comes back to the group a few days later, re-invited or by a link. */
  private static final double REJOIN_CHANCE = 0.15;
  private static final double MEMBERS_OF_A_TYPICAL_GROUP = 150;
  private static final String[] CHANNELS = {"store", "ad-moments", "official-account", "package-insert",
      "live-stream", "poster", ""};
  private static final String POSTER_CHANNEL = "fission";
  private static final String[] MESSAGE_TYPES = {"text", "image", "emoji", "voice", "link", "miniprogram", "video",
      "file", "redpacket", "revoke", "location", "card"};
  private static final Draw.Weights MESSAGE_TYPE_SHARES = new Draw.Weights(70, 10, 8, 3, 2, 2, 1, 0.5, 1, 1, 0.3, 0.2);
  private static final String[] CUSTOMER_TEXTS = {
      "请问还有货吗", "收到了，谢谢！", "这个怎么用？", "今天的直播几点开始", "已下单 😊", "好的👌", "价格能再优惠点吗",
      "打卡 Day 3 ✅", "孩子很喜欢", "\"包邮\"吗？", "我也想要, 怎么买", "哈哈哈", "+1", "在吗", "质量不错，回购了",
      "ok", "thanks!", "群主辛苦了", "什么时候发货", "第二次买了，比上次的好"};
  private static final String[] OFFICIAL_TEXTS = {
      "欢迎新朋友入群🎉 请先看群公告", "今晚8点直播，准时开抢！", "本群专属优惠券已发放，点击领取", "今日打卡任务已更新",
      "发货通知：昨日订单已全部发出", "有问题随时@客服", "【秒杀】限时3小时，手慢无", "群规：禁止发广告"};
  /** The shop's item pages people share. */
  private static final String[] SHOP_LINKS = IntStream.range(0, 200)
      .mapToObj(i -> "https://shop.example.cn/item/" + (10_000 + i * 37)).toArray(String[]::new);
  private static final String[] VOICE_TEXTS = {"刚收到，真的好用！", "已经回购三次了", "这个价格太划算了", "姐妹们冲！", "好价!"};

  private final GeneratorOptions options;
  final Clock clock;
  private final SplittableRandom random;
  final Customers customers = new Customers();
  final StaffRoster staff;
  final List<Group> groups = new ArrayList<>();
  final List<LiveCode> liveCodes = new ArrayList<>();
  final OrderBook orders;
  private final Map<GroupType, Integer> groupsPerType = new EnumMap<>(GroupType.class);
  private long messageSequence;
  private long scanSequence;
  private int groupSequence;

  World(GeneratorOptions options) {
    this.options = options;
    this.clock = new Clock(options.businessZone());
    this.random = new SplittableRandom(options.seed());
    this.staff = new StaffRoster(options.groups(), options.days(), random.split());
    this.orders = new OrderBook(clock, options.endDate());
    planInvitationGroups();
    planLiveCodes();
  }

  /** Ids of chat messages: fixed width, cheap to make (one per row). */
  private String nextMessageId() {
    return "m" + (1_000_000_000L + ++messageSequence);
  }

  /** Lives day {@code dayIndex}, writing its rows to {@code out}. */
  void live(int dayIndex, DayExports out) {
    LocalDate day = options.startDate().plusDays(dayIndex);
    orders.startDay(day);
    for (LiveCode code : liveCodes) {
      if (code.runsOn(dayIndex)) {
        scanDay(code, day, out);
      }
    }
    long purchasesBefore = orders.purchases();
    for (Group group : List.copyOf(groups)) {
      groupDay(group, day, out);
    }
    purchasesOutsideGroups(day, orders.purchases() - purchasesBefore);
    out.orders(orders.takeDueToday());
  }

  // ---- the world at the start ----

  private void planInvitationGroups() {
    for (GroupType type : GroupType.values()) {
      if (type.fedByLiveCode()) {
        continue;
      }
      int count = Math.max(1, (int) Math.round(options.groups() * type.share()));
      for (int i = 0; i < count; i++) {
        boolean preexisting = Draw.chance(random, PREEXISTING_SHARE);
        LocalDate createdDay = preexisting
            ? options.startDate().minusDays(8 + random.nextInt(50))
            : options.startDate().plusDays(random.nextInt(options.days()));
        long createdAt = clock.randomTime(createdDay, Clock.STAFF_HOURS, random);
        Group group = newGroup(type, createdAt, null);
        if (preexisting) {
          seatEarlierMembers(group);
        }
      }
    }
    relabelAndHideOneGroupEach();
  }

  /** Members of a group created before the first export: present, but their joins are in no export. */
  private void seatEarlierMembers(Group group) {
    int count = Math.min(group.capacity() - 5,
        (int) (group.type.typicalMembers() * (0.6 + 0.4 * group.random.nextDouble())));
    for (int i = 0; i < count; i++) {
      int customer = customers.size() > 50 && Draw.chance(group.random, 0.3)
          ? customers.any(group.random) : customers.add(group.random);
      group.present.add(customer);
    }
  }

  /**
   * Ops reclassify a content group half-way (a later snapshot gives the new type), and one group was
   * never registered in the group tool (no snapshot lists it).
   */
  private void relabelAndHideOneGroupEach() {
    List<Group> content = groups.stream().filter(g -> g.type == GroupType.CONTENT).toList();
    if (options.days() > 1 && !content.isEmpty()) {
      Group relabeled = content.get(0);
      relabeled.retype = GroupType.CHECKIN;
      relabeled.retypeDay = options.days() / 2;
    }
    groups.get(groups.size() - 1).listed = false;
  }

  /** Live codes per live-code group type, each with a pool sized to fill over the days it runs. */
  private void planLiveCodes() {
    int codeNumber = 0;
    for (GroupType type : GroupType.values()) {
      if (!type.fedByLiveCode()) {
        continue;
      }
      int poolGroups = Math.max(1, (int) Math.round(options.groups() * type.share()));
      int codes = Math.max(1, (int) Math.round(poolGroups / 10.0));
      for (int i = 0; i < codes; i++) {
        int maxGroups = poolGroups / codes + (i < poolGroups % codes ? 1 : 0);
        boolean burst = type == GroupType.FLASH || type == GroupType.SALE;
        int firstDay = burst ? random.nextInt(options.days()) : 0;
        int lastDay = burst ? Math.min(options.days() - 1, firstDay + 1 + random.nextInt(2)) : options.days() - 1;
        double joinsPerDay = LiveCode.SWITCH_AT * maxGroups * 0.95 / (lastDay - firstDay + 1);
        String code = String.format("lc%03d", ++codeNumber);
        liveCodes.add(new LiveCode(code, CHANNELS[(codeNumber - 1) % CHANNELS.length], type, firstDay, lastDay,
            maxGroups, joinsPerDay));
      }
    }
  }

  private Group newGroup(GroupType type, long createdAt, LiveCode liveCode) {
    SplittableRandom groupRandom = random.split();
    int number = groupsPerType.merge(type, 1, Integer::sum);
    String name = type.label() + " " + String.format("%03d", number) + switch (groupRandom.nextInt(10)) {
      case 0 -> ", 双11专场";
      case 1 -> " \"宝妈\"交流";
      default -> "";
    };
    List<StaffRoster.Member> owners = staff.withRole(Role.OWNER);
    String owner = owners.get(groupSequence % owners.size()).id();
    List<String> officials = new ArrayList<>(List.of(owner));
    officials.add(Draw.oneOf(staff.withRole(Role.ADMIN), groupRandom).id());
    if (Draw.chance(groupRandom, 0.4)) {
      officials.add(Draw.oneOf(staff.withRole(Role.ADMIN), groupRandom).id());
    }
    officials.add(Draw.oneOf(staff.withRole(Role.SERVICE), groupRandom).id());
    List<String> voices = new ArrayList<>();
    if (Draw.chance(groupRandom, 0.5)) {
      voices.add(Draw.oneOf(staff.withRole(Role.KOC), groupRandom).id());
    }
    if (type.fedByLiveCode() && Draw.chance(groupRandom, 0.7)) {
      voices.add(Draw.oneOf(staff.withRole(Role.SHILL), groupRandom).id());
    }
    LocalDate createdDay = clock.dayOf(createdAt);
    long dissolvedAt = type.dissolveAfterDays() > 0 ? createdAt + type.dissolveAfterDays() * DAY : -1;
    int dieAge = Draw.chance(groupRandom, type.dieChance()) ? 6 + groupRandom.nextInt(6) : -1;
    Group group = new Group(String.format("g%05d", ++groupSequence), name, type, createdAt, createdDay, dissolvedAt,
        owner, officials, voices, dieAge, liveCode, groupRandom);
    groups.add(group);
    return group;
  }

  // ---- a day of a live code ----

  /**
   * The day's scans of a live code and of the personal posters made from it, in time order, each routed
   * to the pool's current group; a scanner who will join is counted there at once, so the code switches
   * when the group is about to be full ({@link LiveCode}).
   */
  private void scanDay(LiveCode code, LocalDate day, DayExports out) {
    long dayStart = clock.startOf(day);
    long dayEnd = clock.startOf(day.plusDays(1));
    int ownScans = Draw.count(code.scansPerDay * (0.8 + 0.4 * random.nextDouble()), random);
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < ownScans; i++) {
      keys.add(((clock.randomTime(day, Clock.CUSTOMER_HOURS, random) - dayStart) << 32) | 0xFFFFFFFFL);
    }
    for (int p = 0; p < code.promoters.size(); p++) {
      LiveCode.Promoter promoter = code.promoters.get(p);
      int friends = Math.min(promoter.invitesLeft, Draw.count(0.8, random));
      promoter.invitesLeft -= friends;
      for (int i = 0; i < friends; i++) {
        keys.add(((clock.randomTime(day, Clock.CUSTOMER_HOURS, random) - dayStart) << 32) | p);
      }
    }
    keys.sort(null);
    for (long key : keys) {
      long time = dayStart + (key >>> 32);
      int promoterIndex = (int) key;
      LiveCode.Promoter promoter = promoterIndex == -1 ? null : code.promoters.get(promoterIndex);
      scan(code, promoter, time, out);
    }
    code.promoters.removeIf(p -> p.invitesLeft == 0);
  }

  private void scan(LiveCode code, LiveCode.Promoter promoter, long time, DayExports out) {
    Group group = code.route(time, t -> newGroup(code.type, t - 60 - random.nextInt(600), code));
    if (group == null) {
      return; // the code has expired: the scan page says so and records nothing
    }
    double who = random.nextDouble();
    String scannerId;
    boolean joins;
    int customer = -1;
    if (promoter == null && who < 0.02) {
      scannerId = Draw.oneOf(staff.withRole(Role.KOC), random).id(); // staff testing the code
      joins = false;
    } else {
      boolean known = who < (promoter == null ? 0.12 : 0.05);
      customer = known ? customers.any(random) : customers.add(random);
      scannerId = customers.id(customer);
      joins = known
          ? !group.present.contains(customer) && Draw.chance(random, 0.5)
          : Draw.chance(random, promoter == null ? 0.75 : 0.8);
    }
    String codeId = promoter == null ? code.codeId : promoter.posterCode;
    String channel = promoter == null ? code.channel : POSTER_CHANNEL;
    String inviterId = promoter == null ? null : customers.id(promoter.customer);
    if (joins) {
      group.pendingCodeJoins++;
      group.expectJoin(new Group.Join(time + joinDelay(), customer, "qrcode", inviterId, codeId));
    }
    out.scan(new ScanRow(nextScanId(), time, codeId, channel, scannerId, inviterId, group.id));
    if (Draw.chance(random, 0.03)) {
      // scanned twice in the same second (the page reloaded): two scan rows, one scanner
      out.scan(new ScanRow(nextScanId(), time, codeId, channel, scannerId, inviterId, group.id));
    }
  }

  /** Most scanners join within minutes, some hours later, a few the next day (some beyond 24 h). */
  private long joinDelay() {
    double x = random.nextDouble();
    if (x < 0.7) {
      return 5 + Draw.exponentialSeconds(120, random);
    }
    if (x < 0.95) {
      return 600 + random.nextInt((int) (6 * HOUR));
    }
    return 20 * HOUR + random.nextInt((int) (10 * HOUR));
  }

  private String nextScanId() {
    return "sc" + (1_000_000_000L + ++scanSequence);
  }

  // ---- a day of a group ----

  private static final int JOIN = 0;
  private static final int CUSTOMER_MESSAGE = 1;
  private static final int OFFICIAL_MESSAGE = 2;
  private static final int VOICE_MESSAGE = 3;
  private static final int PURCHASE = 4;
  private static final int LEAVE = 5;

  /**
   * One day of a group, walked in time order. Ties at one second go join, messages, purchase, leave —
   * the order in which metrics.md walks membership, so a message is never seen before its sender's join.
   */
  private void groupDay(Group group, LocalDate day, DayExports out) {
    long dayStart = clock.startOf(day);
    long dayEnd = clock.startOf(day.plusDays(1));
    if (group.createdAt >= dayEnd || group.dissolvedBy(dayStart)) {
      return;
    }
    SplittableRandom r = group.random;
    int age = (int) ChronoUnit.DAYS.between(group.createdDay, day);
    double activity = group.type.activity(age, group.dieAge);
    boolean dead = group.dieAge >= 0 && age >= group.dieAge;

    if (group.createdAt >= dayStart) {
      staffJoin(group, dayEnd, out);
    }
    List<Group.Join> joins = new ArrayList<>(group.takeJoinsBefore(dayEnd));
    if (group.liveCode == null) {
      invitations(group, age, day, joins);
    }
    List<Group.Leave> leaves = group.takeLeavesBefore(dayEnd);
    double size = group.present.size() + joins.size() * 0.5;
    // bigger groups talk more, but less than in proportion: most members lurk
    int customerMessages = Draw.count(options.messagesPerGroupPerDay() * activity
        * Math.min(2.0, Math.sqrt(size / MEMBERS_OF_A_TYPICAL_GROUP)), r);
    int officialMessages = Draw.count(dead ? 0.3 : 1 + 6 * activity, r);
    int voiceMessages = group.voices.isEmpty() ? 0 : Draw.count(group.voices.size() * (0.3 + 2.5 * activity), r);
    int purchases = Draw.count(size * group.type.buyRate() * (0.3 + activity), r);

    long[] timeline = new long[joins.size() + leaves.size() + customerMessages + officialMessages + voiceMessages
        + purchases];
    int n = 0;
    for (int i = 0; i < joins.size(); i++) {
      timeline[n++] = key(joins.get(i).time() - dayStart, JOIN, i);
    }
    for (int i = 0; i < leaves.size(); i++) {
      timeline[n++] = key(leaves.get(i).time() - dayStart, LEAVE, i);
    }
    n = addTimes(timeline, n, customerMessages, CUSTOMER_MESSAGE, Clock.CUSTOMER_HOURS, day, dayStart, r);
    n = addTimes(timeline, n, officialMessages, OFFICIAL_MESSAGE, Clock.STAFF_HOURS, day, dayStart, r);
    n = addTimes(timeline, n, voiceMessages, VOICE_MESSAGE, Clock.STAFF_HOURS, day, dayStart, r);
    n = addTimes(timeline, n, purchases, PURCHASE, Clock.CUSTOMER_HOURS, day, dayStart, r);
    Arrays.sort(timeline);

    // leaves decided by today's joins that fall today, walked in time order among the other events
    PriorityQueue<Group.Leave> leavesToday = new PriorityQueue<>(Comparator.comparingLong(Group.Leave::time));
    for (long event : timeline) {
      long time = dayStart + (event >>> 32);
      if (time < group.createdAt || (group.dissolvedAt >= 0 && time > group.dissolvedAt)) {
        continue;
      }
      while (!leavesToday.isEmpty() && leavesToday.peek().time() < time) {
        leave(group, leavesToday.poll(), out);
      }
      int kind = (int) ((event >>> 28) & 0xF);
      int index = (int) (event & 0x0FFF_FFFF);
      switch (kind) {
        case JOIN -> join(group, joins.get(index), out, leavesToday, dayEnd);
        case LEAVE -> leave(group, leaves.get(index), out);
        case CUSTOMER_MESSAGE -> customerMessage(group, time, out);
        case OFFICIAL_MESSAGE -> staffMessage(group, Draw.oneOf(group.officials, r), time, OFFICIAL_TEXTS, out);
        case VOICE_MESSAGE -> staffMessage(group, Draw.oneOf(group.voices, r), time, VOICE_TEXTS, out);
        case PURCHASE -> purchase(group, time);
        default -> throw new IllegalStateException("event kind " + kind);
      }
    }
    while (!leavesToday.isEmpty()) {
      Group.Leave leave = leavesToday.poll();
      if (group.dissolvedAt < 0 || leave.time() <= group.dissolvedAt) {
        leave(group, leave, out);
      }
    }
  }

  private static long key(long secondOfDay, int kind, int index) {
    return (secondOfDay << 32) | ((long) kind << 28) | index;
  }

  private int addTimes(long[] timeline, int n, int count, int kind, Draw.Weights hours, LocalDate day, long dayStart,
      SplittableRandom r) {
    for (int i = 0; i < count; i++) {
      timeline[n++] = key(clock.randomTime(day, hours, r) - dayStart, kind, i);
    }
    return n;
  }

  /**
   * People who join an invitation-fed group: many in its first week, a trickle later; new customers and
   * members of other groups, added by a member (a referral), by staff, by an invite link or the group's
   * own QR code. Invitees invite others later, so referral chains grow.
   */
  private void invitations(Group group, int age, LocalDate day, List<Group.Join> joins) {
    SplittableRandom r = group.random;
    double share = age < 0 ? 0 : age < FIRST_WEEK_JOIN_SHARE.length ? FIRST_WEEK_JOIN_SHARE[age] : LATER_JOIN_SHARE;
    int count = Draw.count(group.type.typicalMembers() * share, r);
    for (int i = 0; i < count; i++) {
      long time = clock.randomTime(day, Clock.CUSTOMER_HOURS, r);
      int customer = customers.size() > 50 && Draw.chance(r, 0.4) ? customers.any(r) : customers.add(r);
      double how = r.nextDouble();
      String memberInviter = memberInviter(group, r);
      if (how < 0.35 && memberInviter != null) {
        joins.add(new Group.Join(time, customer, "invite", memberInviter, null));
      } else if (how < 0.55) {
        joins.add(new Group.Join(time, customer, "invite", Draw.oneOf(group.officials, r), null));
      } else if (how < 0.95) {
        joins.add(new Group.Join(time, customer, "link", Draw.chance(r, 0.5) ? memberInviter : null, null));
      } else {
        joins.add(new Group.Join(time, customer, "qrcode", null, "gq_" + group.id));
      }
    }
    joins.sort((a, b) -> Long.compare(a.time(), b.time()));
  }

  /**
   * A present member who invites: half the time one of the latest joiners still there (new members
   * bring their friends, so referral chains grow generations deep), else anyone; null in an empty group.
   */
  private String memberInviter(Group group, SplittableRandom r) {
    if (group.present.isEmpty()) {
      return null;
    }
    if (!group.recentJoiners.isEmpty() && Draw.chance(r, 0.5)) {
      int recent = Draw.oneOf(group.recentJoiners, r);
      if (group.present.contains(recent)) {
        return customers.id(recent);
      }
    }
    return customers.id(group.present.any(r));
  }

  /** A join; a leave it decides that falls before {@code dayEnd} goes to {@code leavesToday}. */
  private void join(Group group, Group.Join join, DayExports out, PriorityQueue<Group.Leave> leavesToday, long dayEnd) {
    SplittableRandom r = group.random;
    boolean routedByCode = group.liveCode != null;
    if (routedByCode && "qrcode".equals(join.scene())) {
      group.pendingCodeJoins--;
    }
    if (group.present.contains(join.customer()) || group.isFull()) {
      return;
    }
    group.present.add(join.customer());
    group.joined(join.customer());
    String memberId = customers.id(join.customer());
    if (!Draw.chance(r, LOST_JOIN_EVENT)) {
      out.chat(ChatRow.join(nextMessageId(), group.id, memberId, join.time(), out.chatForm(r), clock,
          join.scene(), join.inviterId(), join.codeId()), join.time());
    }
    if (Draw.chance(r, group.type.leaveWithin24h())) {
      long stay = Math.min(DAY - 1, 60 + Draw.exponentialSeconds(3 * HOUR, r));
      Group.Leave leave = new Group.Leave(join.time() + stay, join.customer());
      if (leave.time() < dayEnd) {
        leavesToday.add(leave);
      } else {
        group.expectLeave(leave);
      }
    } else if (Draw.chance(r, 0.06)) {
      group.expectLeave(new Group.Leave(join.time() + DAY + r.nextLong(19 * DAY), join.customer()));
    }
    if (routedByCode && Draw.chance(r, PROMOTER_CHANCE)) {
      group.liveCode.promoters.add(new LiveCode.Promoter(join.customer(), "pc_" + memberId,
          1 + Draw.count(1.5, r)));
    }
  }

  /**
   * Right after creating a group the owner adds the other staff: member_join events of staff, which
   * count as no one's join (staff are not customers).
   */
  private void staffJoin(Group group, long dayEnd, DayExports out) {
    SplittableRandom r = group.random;
    long time = group.createdAt;
    for (String staffId : group.officials.subList(1, group.officials.size())) {
      time = Math.min(dayEnd - 1, time + 1 + r.nextInt(30));
      out.chat(ChatRow.join(nextMessageId(), group.id, staffId, time, out.chatForm(r), clock, "invite",
          group.ownerId, null), time);
    }
  }

  /**
   * A member leaves; some come back a day to a week later, re-invited by a member (a referral that is no
   * new person for the group's type) or by an invite link.
   */
  private void leave(Group group, Group.Leave leave, DayExports out) {
    if (group.present.remove(leave.customer())) {
      SplittableRandom r = group.random;
      out.chat(ChatRow.leave(nextMessageId(), group.id, customers.id(leave.customer()), leave.time(),
          out.chatForm(r), clock, Draw.chance(r, 0.9) ? "self" : "removed"), leave.time());
      if (Draw.chance(r, REJOIN_CHANCE)) {
        long time = leave.time() + DAY + r.nextLong(6 * DAY);
        String inviter = group.present.isEmpty() || Draw.chance(r, 0.4) ? null : customers.id(group.present.any(r));
        group.expectJoin(new Group.Join(time, leave.customer(), inviter == null ? "link" : "invite", inviter, null));
      }
    }
  }

  private void customerMessage(Group group, long time, DayExports out) {
    if (group.present.isEmpty()) {
      return;
    }
    SplittableRandom r = group.random;
    int speaker = group.present.speaker(customers, r);
    String type = MESSAGE_TYPES[MESSAGE_TYPE_SHARES.draw(r)];
    out.chat(ChatRow.message(nextMessageId(), group.id, customers.id(speaker), time, out.chatForm(r), clock, type,
        content(type, CUSTOMER_TEXTS, r)), time);
  }

  private void staffMessage(Group group, String sender, long time, String[] texts, DayExports out) {
    SplittableRandom r = group.random;
    String type = Draw.oneOf(r, "text", "text", "text", "link", "miniprogram", "image");
    out.chat(ChatRow.message(nextMessageId(), group.id, sender, time, out.chatForm(r), clock, type,
        content(type, texts, r)), time);
  }

  private static String content(String type, String[] texts, SplittableRandom r) {
    return switch (type) {
      case "text" -> Draw.oneOf(r, texts);
      case "link" -> SHOP_LINKS[r.nextInt(SHOP_LINKS.length)];
      case "miniprogram" -> "【小程序】限时优惠";
      default -> null;
    };
  }

  /** A member buys: often one who bought before (repeat buyers), tagged with the group or not. */
  private void purchase(Group group, long time) {
    if (group.present.isEmpty()) {
      return;
    }
    SplittableRandom r = group.random;
    int buyer = -1;
    if (!group.buyers.isEmpty() && Draw.chance(r, 0.3)) {
      int earlier = Draw.oneOf(group.buyers, r);
      buyer = group.present.contains(earlier) ? earlier : -1;
    }
    if (buyer < 0) {
      buyer = Draw.chance(r, 0.5) ? group.present.speaker(customers, r) : group.present.any(r);
    }
    if (!group.buyers.contains(buyer)) {
      group.buyers.add(buyer);
    }
    long[] prices = group.type.pricesFen();
    long amount = prices[r.nextInt(prices.length)] * (Draw.chance(r, 0.8) ? 1 : 2 + r.nextInt(2));
    String tag = Draw.chance(r, group.type.taggedShare()) ? group.id : null;
    orders.buy(time, customers.id(buyer), tag, amount, r);
  }

  /**
   * Purchases no group explains: customers buying from the shop directly (untagged, or tagged with a
   * group that was deleted long ago), and now and then a staff test order of 0.01 yuan.
   */
  private void purchasesOutsideGroups(LocalDate day, long groupPurchases) {
    int count = Draw.count(1 + 0.03 * groupPurchases, random);
    for (int i = 0; i < count && customers.size() > 0; i++) {
      long time = clock.randomTime(day, Clock.CUSTOMER_HOURS, random);
      String tag = Draw.chance(random, 0.1) ? "g_deleted_" + (1 + random.nextInt(20)) : null;
      orders.buy(time, customers.id(customers.any(random)), tag, 990 + 100L * random.nextInt(100), random);
    }
    if (Draw.chance(random, 0.3)) {
      long time = clock.randomTime(day, Clock.STAFF_HOURS, random);
      Group group = Draw.oneOf(groups, random);
      if (group.createdAt < time) {
        orders.buy(time, Draw.oneOf(staff.withRole(Role.SERVICE), random).id(), group.id, 1, random);
      }
    }
  }
}

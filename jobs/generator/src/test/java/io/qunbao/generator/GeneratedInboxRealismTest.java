package io.qunbao.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.common.Source;
import io.qunbao.generator.GeneratedInbox.Chat;
import io.qunbao.generator.GeneratedInbox.Row;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default inbox (14 days, ~300 groups), read back independently, shows each property realistic
 * sample data needs.
 */
class GeneratedInboxRealismTest {
  /** The Chinese headers of exports.md. */
  static final Map<String, String> CHINESE_HEADERS = Map.ofEntries(
      Map.entry("订单号", "order_id"), Map.entry("买家ID", "buyer_id"), Map.entry("付款时间", "paid_at"),
      Map.entry("实付金额", "amount"), Map.entry("订单状态", "status"), Map.entry("群ID", "group_id"),
      Map.entry("更新时间", "updated_at"), Map.entry("扫码ID", "scan_id"), Map.entry("扫码时间", "scanned_at"),
      Map.entry("活码ID", "code_id"), Map.entry("渠道", "channel"), Map.entry("扫码用户ID", "scanner_id"),
      Map.entry("邀请人ID", "inviter_id"), Map.entry("群名称", "group_name"), Map.entry("群类型", "group_type"),
      Map.entry("群主ID", "owner_id"), Map.entry("创建时间", "created_at"), Map.entry("人数上限", "capacity"),
      Map.entry("解散时间", "dissolved_at"), Map.entry("成员ID", "member_id"), Map.entry("角色", "role"),
      Map.entry("姓名", "name"));
  static final Map<String, String> STATUS_LABELS = Map.of("已付款", "paid", "已发货", "shipped", "已完成",
      "completed", "已退款", "refunded", "已取消", "cancelled", "待付款", "pending");

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static GenerationSummary summary;
  static GeneratedInbox inbox;
  static List<Chat> chat;
  static List<Row> orders;
  static List<Row> scans;
  static List<Row> groups;
  static List<Row> staff;
  /** Staff ids from every staff snapshot. */
  static Set<String> staffIds;
  /** One copy of each msg_id, in time order; at one instant join, message, leave. */
  static List<Chat> byTime;

  @BeforeAll
  static void generateTheDefaultInbox() {
    summary = DefaultInbox.summary();
    inbox = DefaultInbox.inbox();
    chat = inbox.chat();
    orders = inbox.csv("orders", CHINESE_HEADERS);
    scans = inbox.csv("scans", CHINESE_HEADERS);
    groups = inbox.csv("groups", CHINESE_HEADERS);
    staff = inbox.csv("staff", CHINESE_HEADERS);
    staffIds = staff.stream().map(r -> r.get("member_id")).collect(Collectors.toSet());
    byTime = inTimeOrder();
  }

  @Test
  void theDefaultInboxHasAFewHundredThousandMessagesOverFourteenDays() {
    assertThat(summary.rows(Source.CHAT)).isBetween(150_000L, 600_000L);
    assertThat(chat.stream().map(Chat::exportDate).distinct()).hasSize(14);
  }

  @Test
  void chatOrdersAndScansHaveAnExportEveryDaySnapshotsOnlyOnSomeDays() {
    Set<LocalDate> allDays = new HashSet<>();
    for (int d = 0; d < 14; d++) {
      allDays.add(LocalDate.of(2026, 11, 1).plusDays(d));
    }
    assertThat(exportDates("chat")).isEqualTo(allDays);
    assertThat(exportDates("orders")).isEqualTo(allDays);
    assertThat(exportDates("scans")).isEqualTo(allDays);
    // groups: the first day, and weekdays with a change; 11-07, 11-08 and 11-14 are weekend days
    assertThat(exportDates("groups")).contains(LocalDate.of(2026, 11, 1))
        .doesNotContain(LocalDate.of(2026, 11, 7), LocalDate.of(2026, 11, 8), LocalDate.of(2026, 11, 14));
    // staff: the first day, weekly (11-08), the hire (day 14/3 = 4) and the role change (day 7)
    assertThat(exportDates("staff")).containsExactlyInAnyOrder(LocalDate.of(2026, 11, 1),
        LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 8));
  }

  @Test
  void everyTimeStampFormOfTheContractIsUsed() {
    Map<String, Long> forms = chat.stream().collect(Collectors.groupingBy(c -> form(c.sentAtText()),
        Collectors.counting()));
    assertThat(forms).containsKeys("local space", "iso local", "iso offset", "iso offset millis", "iso utc",
        "epoch millis");
    assertThat(orders.stream().map(r -> form(r.get("updated_at"))).distinct())
        .contains("local space", "epoch millis", "iso offset");
  }

  @Test
  void someMessagesArriveOnlyInTheNextDaysExport() {
    Map<String, LocalDate> firstExport = new HashMap<>();
    for (Chat c : chat) {
      firstExport.merge(c.msgId(), c.exportDate(), (a, b) -> a.isBefore(b) ? a : b);
    }
    // late: the event's business day is before the export date and no earlier export held it
    List<Chat> late = chat.stream()
        .filter(c -> GeneratedInbox.businessDay(c.sentAt()).isBefore(c.exportDate()))
        .filter(c -> firstExport.get(c.msgId()).equals(c.exportDate()))
        .toList();
    assertThat(late).hasSizeGreaterThan(100);
  }

  @Test
  void rowsAreRepeatedAcrossExports() {
    assertThat(idsInSeveralExports(chat.stream().map(c -> c.msgId() + "@" + c.exportDate()).toList()))
        .hasSizeGreaterThan(100);
    assertThat(idsInSeveralExports(scans.stream().map(r -> r.get("scan_id") + "@" + r.exportDate()).toList()))
        .isNotEmpty();
    assertThat(idsInSeveralExports(orders.stream()
        .map(r -> r.get("order_id") + "/" + status(r) + "/" + instant(r.get("updated_at")) + "@" + r.exportDate())
        .toList())).isNotEmpty();
  }

  @Test
  void someCustomersSpeakWithoutAJoinEvent() {
    // implicit joins: the first event of a customer in a group is a message, not a member_join
    Map<String, Chat> first = firstEventPerMember();
    long implicit = first.values().stream().filter(c -> !c.msgType().equals("member_join")
        && !c.msgType().equals("member_leave")).count();
    assertThat(implicit).isGreaterThan(1000);
  }

  @Test
  void manyLeaveWithinTheirFirstDay() {
    Map<String, Instant> joinedAt = new HashMap<>();
    long leavesWithin24h = 0;
    long joins = 0;
    for (Chat c : byTime) {
      String member = c.groupId() + "/" + c.senderId();
      if (c.msgType().equals("member_join")) {
        joins++;
        joinedAt.putIfAbsent(member, c.sentAt());
      } else if (c.msgType().equals("member_leave") && joinedAt.containsKey(member)
          && Duration.between(joinedAt.get(member), c.sentAt()).toHours() < 24) {
        leavesWithin24h++;
      }
    }
    // 3-20% by group type leave within 24 h of joining
    assertThat((double) leavesWithin24h / joins).isBetween(0.05, 0.3);
  }

  @Test
  void personalPostersMakeChainsOfInviters() {
    List<Chat> posterJoins = chat.stream()
        .filter(c -> "member_join".equals(c.msgType()) && c.codeId() != null && c.codeId().startsWith("pc_"))
        .toList();
    assertThat(posterJoins).isNotEmpty().allSatisfy(c -> assertThat(c.inviterId()).isNotNull());
    Set<String> invitees = posterJoins.stream().map(Chat::senderId).collect(Collectors.toSet());
    // an inviter who was herself brought by a poster: an inviter of an inviter exists
    assertThat(posterJoins.stream().filter(c -> invitees.contains(c.inviterId()))).isNotEmpty();
    // the poster scans name their owner as inviter and use the channel of personal posters
    assertThat(scans.stream().filter(r -> r.get("code_id").startsWith("pc_")))
        .isNotEmpty().allSatisfy(r -> assertThat(r.get("inviter_id")).isNotEmpty());
    // invitation-fed groups get referrals by members too
    assertThat(chat.stream().filter(c -> "invite".equals(c.joinScene()) && c.inviterId() != null
        && c.inviterId().startsWith("u"))).isNotEmpty();
  }

  @Test
  void liveCodesSwitchGroupsAtCapacityAndNeverGoBack() {
    // given the scans of each live code in time order (one copy of each scan_id)
    Set<String> seenScans = new HashSet<>();
    Map<String, List<Row>> byCode = scans.stream().filter(r -> seenScans.add(r.get("scan_id")))
        .filter(r -> r.get("code_id").startsWith("lc")).collect(Collectors.groupingBy(r -> r.get("code_id")));
    int switches = 0;
    for (List<Row> codeScans : byCode.values()) {
      List<String> route = codeScans.stream().sorted(Comparator.comparing(r -> instant(r.get("scanned_at"))))
          .map(r -> r.get("group_id")).toList();
      List<String> distinctInOrder = route.stream().distinct().toList();
      // then once the code routes to the next group it never routes to an earlier one
      for (int i = 1; i < route.size(); i++) {
        assertThat(distinctInOrder.indexOf(route.get(i))).isGreaterThanOrEqualTo(distinctInOrder.indexOf(route.get(i - 1)));
      }
      switches += distinctInOrder.size() - 1;
    }
    assertThat(switches).isGreaterThan(20);
    // and no group ever has more customers present than its capacity, walking joins, implicit joins and leaves
    Map<String, Integer> capacity = new HashMap<>();
    groups.forEach(g -> capacity.put(g.get("group_id"), g.get("capacity").isEmpty() ? 500 : Integer.parseInt(g.get("capacity"))));
    Map<String, Set<String>> present = new HashMap<>();
    Map<String, Integer> peak = new HashMap<>();
    // and the customers in a group on a day: those present when its first event of the day comes, and
    // every one with an event that day (metrics.md's members, but for days without an event)
    Map<String, Map<LocalDate, Set<String>>> dayMembers = new HashMap<>();
    for (Chat c : byTime) {
      if (staffIds.contains(c.senderId())) {
        continue;
      }
      Set<String> members = present.computeIfAbsent(c.groupId(), g -> new HashSet<>());
      dayMembers.computeIfAbsent(c.groupId(), g -> new HashMap<>())
          .computeIfAbsent(LocalDate.ofInstant(c.sentAt(), ZONE), d -> new HashSet<>(members)).add(c.senderId());
      if (c.msgType().equals("member_leave")) {
        members.remove(c.senderId());
      } else {
        members.add(c.senderId());
      }
      peak.merge(c.groupId(), members.size(), Math::max);
    }
    assertThat(peak).allSatisfy((group, max) -> assertThat(max).isLessThanOrEqualTo(capacity.getOrDefault(group, 500)));
    // live-code groups fill up to the 200 of a WeChat group QR code (a code switches when its group is
    // full): many have 200 customers on the day they fill, those who left that day included
    assertThat(dayMembers.entrySet().stream().filter(e -> capacity.getOrDefault(e.getKey(), 500) == 200
        && e.getValue().values().stream().anyMatch(ofDay -> ofDay.size() >= 200))).hasSizeGreaterThan(10);
    // and a group whose members leave before it is full takes more than 200 joins through the codes
    Map<String, Long> codeJoins = byTime.stream().filter(c -> "member_join".equals(c.msgType()) && c.codeId() != null
        && (c.codeId().startsWith("lc") || c.codeId().startsWith("pc_")))
        .collect(Collectors.groupingBy(Chat::groupId, Collectors.counting()));
    assertThat(codeJoins.values()).anySatisfy(n -> assertThat(n).isGreaterThan(200L));
  }

  @Test
  void someMembersWhoLeftComeBackAndReferralChainsGoSeveralGenerationsDeep() {
    // rejoins: a member_join into a group the customer left before
    Map<String, Boolean> left = new HashMap<>();
    long rejoins = 0;
    for (Chat c : byTime) {
      String member = c.groupId() + "/" + c.senderId();
      if (c.msgType().equals("member_leave")) {
        left.put(member, true);
      } else if (c.msgType().equals("member_join") && left.remove(member) != null) {
        rejoins++;
      }
    }
    assertThat(rejoins).isGreaterThan(100);
    // generations: a customer first seen joining by a customer's invitation is one generation below the
    // inviter when the inviter was seen first
    Map<String, Instant> firstSeen = new HashMap<>();
    Map<String, Integer> generation = new HashMap<>();
    for (Chat c : byTime) {
      if (staffIds.contains(c.senderId()) || firstSeen.containsKey(c.senderId())) {
        continue;
      }
      firstSeen.put(c.senderId(), c.sentAt());
      String inviter = c.msgType().equals("member_join") ? c.inviterId() : null;
      boolean referred = inviter != null && !inviter.equals(c.senderId()) && !staffIds.contains(inviter);
      generation.put(c.senderId(), !referred ? 0
          : firstSeen.containsKey(inviter) && firstSeen.get(inviter).isBefore(c.sentAt()) ? 1 + generation.get(inviter) : 1);
    }
    assertThat(generation.values().stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThanOrEqualTo(5);
  }

  @Test
  void groupsAreBusyInTheirFirstWeekThenFadeAndSomeDie() {
    // customer messages per group and age in days, for groups created in the window
    Map<String, LocalDate> created = new HashMap<>();
    groups.forEach(g -> created.put(g.get("group_id"), GeneratedInbox.businessDay(instant(g.get("created_at")))));
    Map<String, Map<Long, Integer>> perAge = new HashMap<>();
    for (Chat c : distinctMessages()) {
      LocalDate createdDay = created.get(c.groupId());
      if (createdDay == null || createdDay.isBefore(LocalDate.of(2026, 11, 1)) || isMembership(c)
          || staffIds.contains(c.senderId())) {
        continue;
      }
      long age = ChronoUnit.DAYS.between(createdDay, GeneratedInbox.businessDay(c.sentAt()));
      perAge.computeIfAbsent(c.groupId(), g -> new HashMap<>()).merge(age, 1, Integer::sum);
    }
    // per group: mean customer messages a day over ages 0-6 and over ages 9 and more (days without any count 0)
    double firstWeek = 0;
    double later = 0;
    for (Map<Long, Integer> ages : perAge.values()) {
      long oldest = ages.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
      if (oldest >= 9) {
        firstWeek += ages.entrySet().stream().filter(e -> e.getKey() <= 6).mapToInt(Map.Entry::getValue).sum() / 7.0;
        later += ages.entrySet().stream().filter(e -> e.getKey() >= 9).mapToInt(Map.Entry::getValue).sum()
            / (double) (oldest - 8);
      }
    }
    assertThat(firstWeek).isGreaterThan(1.5 * later);
    // dead: busy in the first week (>= 30 customer messages on some day), then at most 2 on a day after age 9
    long dead = perAge.values().stream().filter(m -> m.values().stream().anyMatch(n -> n >= 30)
        && m.keySet().stream().anyMatch(age -> age >= 9) && m.entrySet().stream()
        .filter(e -> e.getKey() >= 9).allMatch(e -> e.getValue() <= 2)).count();
    assertThat(dead).isGreaterThan(0);
  }

  @Test
  void dissolvedGroupsAreSilentAfterDissolution() {
    Map<String, Instant> dissolved = new HashMap<>();
    groups.stream().filter(g -> !g.get("dissolved_at").isEmpty())
        .forEach(g -> dissolved.put(g.get("group_id"), instant(g.get("dissolved_at"))));
    assertThat(dissolved).isNotEmpty();
    assertThat(chat.stream().filter(c -> dissolved.containsKey(c.groupId())
        && c.sentAt().isAfter(dissolved.get(c.groupId())))).isEmpty();
  }

  @Test
  void staffKocsAndShillsPost() {
    Map<String, String> roles = new HashMap<>();
    staff.forEach(s -> roles.put(s.get("member_id"), s.get("role")));
    Set<String> postingRoles = chat.stream().filter(c -> !isMembership(c)).map(c -> roles.get(c.senderId()))
        .filter(r -> r != null).collect(Collectors.toSet());
    // the GB18030 staff export writes labels: 群主, 管理员, 客服, KOC, 托
    assertThat(postingRoles).containsAnyOf("shill", "托").containsAnyOf("koc", "KOC")
        .containsAnyOf("owner", "群主").containsAnyOf("service", "客服");
    assertThat(chat.stream().filter(c -> !isMembership(c) && !staffIds.contains(c.senderId()))).isNotEmpty();
    // the owner adds the other staff to a new group: staff join events, which are nobody's join
    assertThat(chat.stream().filter(c -> "member_join".equals(c.msgType()) && staffIds.contains(c.senderId())))
        .isNotEmpty();
  }

  @Test
  void ordersAreTaggedOrNotBoughtAgainAndRefundedOrCancelledDaysLater() {
    List<Row> paid = orders.stream().filter(r -> status(r).equals("paid")).toList();
    assertThat(paid.stream().filter(r -> r.get("group_id").isEmpty())).isNotEmpty();
    assertThat(paid.stream().filter(r -> !r.get("group_id").isEmpty())).isNotEmpty();
    Map<String, Long> ordersPerBuyer = paid.stream().collect(Collectors.groupingBy(r -> r.get("buyer_id"),
        Collectors.mapping(r -> r.get("order_id"), Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
    assertThat(ordersPerBuyer.values().stream().filter(n -> n >= 2).count()).isGreaterThan(20);

    Map<String, LocalDate> paidExport = new HashMap<>();
    paid.forEach(r -> paidExport.merge(r.get("order_id"), r.exportDate(), (a, b) -> a.isBefore(b) ? a : b));
    assertThat(orders.stream().filter(r -> status(r).equals("refunded"))
        .filter(r -> paidExport.containsKey(r.get("order_id"))
            && r.exportDate().isAfter(paidExport.get(r.get("order_id")).plusDays(1)))).isNotEmpty();
    assertThat(orders.stream().filter(r -> status(r).equals("cancelled"))).isNotEmpty();
    assertThat(orders.stream().filter(r -> status(r).equals("pending"))
        .allMatch(r -> r.get("paid_at").isEmpty())).isTrue();
    assertThat(orders.stream().map(r -> r.get("amount"))).anyMatch(a -> a.startsWith("¥"))
        .anyMatch(a -> a.startsWith("￥")).anyMatch(a -> a.matches(".*\\d,\\d{3}.*"));
  }

  @Test
  void oneOrdersFileIsGb18030WithChineseHeadersAndLabelsAndOneHasAByteOrderMark() throws Exception {
    String gbFile = "orders/2026-11-03/订单导出_20261103.csv";
    byte[] gb = Files.readAllBytes(inbox.root.resolve(gbFile));
    String header = GeneratedInbox.decodeStrictly(GeneratedInbox.physicalLines(gb).get(0), Charset.forName("GB18030"));
    assertThat(header).startsWith("订单状态,订单号,实付金额,买家ID");
    assertThat(GeneratedInbox.decodeStrictly(GeneratedInbox.physicalLines(gb).get(0), StandardCharsets.UTF_8)).isNull();
    List<Row> gbRows = orders.stream().filter(r -> r.file().equals(gbFile)).toList();
    assertThat(gbRows).isNotEmpty().allSatisfy(r -> assertThat(STATUS_LABELS).containsKey(r.get("status")));
    // a quoted remark with a line break: the next record starts more than one line later
    assertThat(gbRows.stream().map(r -> r.get("备注"))).anyMatch(s -> s.contains("\n"));

    byte[] bom = Files.readAllBytes(inbox.root.resolve("orders/2026-11-02/orders_20261102.csv"));
    assertThat(new byte[] {bom[0], bom[1], bom[2]}).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
  }

  @Test
  void someChatExportsCarryFieldsTheContractIgnores() {
    String file = "chat/2026-11-03/wecom_msgs_20261103_01.jsonl";
    String firstLine = new String(GeneratedInbox.physicalLines(inbox.bytes(file)).get(0), StandardCharsets.UTF_8);
    assertThat(GeneratedInbox.parseJson(firstLine).get("ext").isObject()).isTrue();
    assertThat(chat.stream().filter(c -> c.file().equals(file))).isNotEmpty();
  }

  @Test
  void somethingIsGzipped() {
    assertThat(summary.exports().get(Source.CHAT).values().stream().flatMap(e -> e.files().stream()))
        .anyMatch(f -> f.endsWith(".jsonl.gz")).anyMatch(f -> f.endsWith(".jsonl"));
    assertThat(inbox.files("orders")).anyMatch(f -> f.endsWith(".csv.gz"));
    assertThat(inbox.files("scans")).anyMatch(f -> f.endsWith(".csv.gz"));
  }

  // ---- helpers ----

  private static Set<LocalDate> exportDates(String source) {
    return inbox.files(source).stream().map(GeneratedInbox::exportDateOf).collect(Collectors.toSet());
  }

  private static List<String> idsInSeveralExports(List<String> idAtExport) {
    Map<String, Set<String>> exports = new HashMap<>();
    for (String s : idAtExport) {
      String[] parts = s.split("@");
      exports.computeIfAbsent(parts[0], k -> new HashSet<>()).add(parts[1]);
    }
    return exports.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
  }

  private static List<Chat> inTimeOrder() {
    List<Chat> rows = new ArrayList<>(distinctMessages());
    rows.sort(Comparator.comparing(Chat::sentAt).thenComparing(c -> switch (c.msgType()) {
      case "member_join" -> 0;
      case "member_leave" -> 2;
      default -> 1;
    }));
    return rows;
  }

  private static List<Chat> distinctMessages() {
    Set<String> seen = new HashSet<>();
    return chat.stream().filter(c -> seen.add(c.msgId())).toList();
  }

  private static Map<String, Chat> firstEventPerMember() {
    Map<String, Chat> first = new HashMap<>();
    for (Chat c : byTime) {
      if (!staffIds.contains(c.senderId())) {
        first.putIfAbsent(c.groupId() + "/" + c.senderId(), c);
      }
    }
    return first;
  }

  private static boolean isMembership(Chat c) {
    return c.msgType().equals("member_join") || c.msgType().equals("member_leave");
  }

  private static String status(Row r) {
    return STATUS_LABELS.getOrDefault(r.get("status"), r.get("status").toLowerCase());
  }

  private static Instant instant(String text) {
    return GeneratedInbox.instant(text);
  }

  static String form(String text) {
    if (text.matches("\\d{13}")) {
      return "epoch millis";
    }
    if (text.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
      return "local space";
    }
    if (text.matches(".*T.*\\.\\d{3}[+-]\\d{2}:\\d{2}")) {
      return "iso offset millis";
    }
    if (text.matches(".*T.*[+-]\\d{2}:\\d{2}")) {
      return "iso offset";
    }
    if (text.endsWith("Z")) {
      return "iso utc";
    }
    return text.contains("T") ? "iso local" : "other";
  }
}

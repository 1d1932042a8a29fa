package io.qunbao.reports.html;

import io.qunbao.reports.ReportSettings;
import io.qunbao.reports.format.ReportFormat;
import io.qunbao.reports.html.Views.CappedTable;
import io.qunbao.reports.html.Views.Cell;
import io.qunbao.reports.html.Views.Column;
import io.qunbao.reports.html.Views.TableRow;
import io.qunbao.reports.i18n.GroupTypes;
import io.qunbao.reports.i18n.Messages;
import io.qunbao.reports.judge.FairRanking;
import io.qunbao.reports.judge.FairRanking.Ranked;
import io.qunbao.reports.judge.MaterialRestatement;
import io.qunbao.reports.judge.Restatements;
import io.qunbao.reports.lists.CappedList;
import io.qunbao.reports.lists.FullList;
import io.qunbao.reports.judge.OwnerRanking;
import io.qunbao.reports.model.CampaignDay;
import io.qunbao.reports.model.ChannelDay;
import io.qunbao.reports.model.GroupHealth;
import io.qunbao.reports.model.OwnerDay;
import io.qunbao.reports.model.QuietGroup;
import io.qunbao.reports.model.ReferralDay;
import io.qunbao.reports.model.Referrer;
import io.qunbao.reports.purpose.Purpose;
import io.qunbao.reports.purpose.Purpose.GroupStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The lists of the page, each capped with its full list as a CSV beside the report: material
 * restatements, the runs' restatements, dying groups, live codes, campaigns, owners, referrers;
 * and the referral quality per type (bounded by the group types, so never capped). A section for another
 * table is one more method here: its rows, its page columns and cells, its CSV columns, through
 * {@link #capped}.
 */
final class ListSections {
  static final String RESTATEMENTS_CSV = "restatements.csv";
  static final String DYING_CSV = "dying_groups.csv";
  static final String CHANNELS_CSV = "channels.csv";
  static final String REFERRERS_CSV = "referrers.csv";
  static final String CAMPAIGNS_CSV = "campaigns.csv";
  static final String OWNERS_CSV = "owners.csv";

  /** A capped table of the page and, when the list has a file beside the report, that file. */
  record Section(CappedTable table, FullList csv) {}

  private final Messages messages;
  private final ReportFormat format;
  private final ReportSettings settings;

  ListSections(Messages messages, ReportSettings settings) {
    this.messages = messages;
    this.format = new ReportFormat(messages);
    this.settings = settings;
  }

  /** The material restatements, largest first; the CSV lists every restated value of the runs. */
  Section materialRestatements(Restatements restatements) {
    List<Column> columns = columns("restatement.day", "card.type", "restatement.changes", "restatement.run");
    FullList csv = new FullList(RESTATEMENTS_CSV,
        headers("restatement.run", "restatement.table", "restatement.day", "restatement.key", "restatement.column",
            "restatement.old", "restatement.new", "restatement.material"),
        restatements.all().stream().map(r -> List.of(r.runDate().toString(), r.table(), r.day().toString(), String.valueOf(r.key()),
            r.column(), nullable(r.oldValue()), nullable(r.newValue()), restatements.isMaterial(r) ? "1" : "0")).toList());
    return capped("material", "restatements.material", columns, restatements.materialByRow(), row -> {
      MaterialRestatement first = row.get(0);
      String table = first.metric().table();
      String key = first.day() + "/" + (first.type() == null ? "unattributed" : first.type()) + "/" + table;
      String day = table.equals("cohort_conversion")
          ? messages.format("restatement.cohortDay", format.shortDate(first.day())) : format.shortDate(first.day());
      String changes = row.stream()
          .map(m -> messages.format("restatement.change", messages.get("metric." + m.metric().column()),
              format.stored(m.metric(), m.first()), format.stored(m.metric(), m.now())))
          .collect(Collectors.joining(messages.get("restatement.separator")));
      LocalDate lastRun = row.stream().map(MaterialRestatement::lastRun).max(LocalDate::compareTo).orElseThrow();
      return List.of(Cell.text(day), Cell.text(messages.groupType(first.type())),
          Cell.wrapping(changes, "restated", key, "changes"), Cell.text(format.shortDate(lastRun)));
    }, csv, messages.format("restatements.materialNote", format.percent(settings.report().restatements().materialPoints() / 100),
        format.percent(settings.report().restatements().materialShare())), messages.get("restatements.noneMaterial"), "restatements.moreMaterial");
  }

  /** The runs considered, newest first: how many values each restated, of which days. */
  CappedTable runs(Restatements restatements) {
    List<TableRow> rows = restatements.runs().stream()
        .map(run -> new TableRow(List.of(Cell.text(format.shortDate(run.runDate())),
            Cell.number(format.count(run.values()), "run", run.runDate().toString(), "values"),
            Cell.text(days(run.days())))))
        .toList();
    return new CappedTable("runs", messages.get("restatements.runs"),
        columns("restatement.run", "#restatement.values", "restatement.days"), rows, "", "", "", messages.get("restatements.noRuns"));
  }

  /** Dying groups, most members first; the CSV holds them all, and the ended groups too. */
  Section dyingGroups(List<QuietGroup> quiet) {
    Comparator<QuietGroup> byMembers = Comparator.comparingLong((QuietGroup g) -> -g.health().members())
        .thenComparing(g -> g.health().groupId());
    List<QuietGroup> dying = quiet.stream().filter(g -> g.status() == GroupStatus.DYING).sorted(byMembers).toList();
    List<QuietGroup> all = quiet.stream()
        .sorted(Comparator.comparing(QuietGroup::status).thenComparing(byMembers)).toList();
    FullList csv = new FullList(DYING_CSV,
        headers("dead.status", "dead.group", "dead.name", "dead.ownerId", "dead.ownerName", "card.type", "dead.age", "metric.members", "dead.active7d"),
        all.stream().map(g -> List.of(messages.get("status." + g.status().name().toLowerCase(Locale.ROOT)),
            g.health().groupId(), nullable(g.groupName()), nullable(g.ownerId()), nullable(g.ownerName()),
            messages.groupType(g.health().type()), String.valueOf(g.health().ageDays()), String.valueOf(g.health().members()),
            String.valueOf(g.health().active7d()))).toList());
    List<Column> columns = columns("dead.group", "dead.name", "dead.owner", "card.type", "#dead.age", "#metric.members", "#dead.active7d");
    return capped("dying", "dead.title", columns, dying, g -> {
      GroupHealth h = g.health();
      return List.of(Cell.text(h.groupId()), Cell.text(orMissing(g.groupName())), Cell.text(owner(g.ownerId(), g.ownerName())), Cell.text(messages.groupType(h.type())),
          Cell.number(format.count((long) h.ageDays())), Cell.number(format.count(h.members()), "group", h.groupId(), "members"),
          Cell.number(format.count(h.active7d()), "group", h.groupId(), "active_7d"));
    }, csv, dyingRules(quiet), messages.get("dead.none"), "dead.more");
  }

  /** Per type: how many groups are dying and how many members they hold, and how many have ended. */
  String quietSummary(List<QuietGroup> quiet, GroupStatus status) {
    Map<String, List<QuietGroup>> byType = quiet.stream().filter(g -> g.status() == status)
        .collect(Collectors.groupingBy(g -> g.health().type(), () -> new TreeMap<>(GroupTypes.ORDER), Collectors.toList()));
    return byType.entrySet().stream()
        .map(e -> messages.format("dead.byType", messages.groupType(e.getKey()), format.count((long) e.getValue().size()),
            format.count(e.getValue().stream().mapToLong(g -> g.health().members()).sum())))
        .collect(Collectors.joining(" · "));
  }

  /** The rule each type's groups were judged by, in one caption: each rule once, with the types it judged. */
  private String dyingRules(List<QuietGroup> quiet) {
    Map<String, List<String>> typesByRule = new LinkedHashMap<>();
    quiet.stream().map(g -> g.health().type()).distinct().sorted(GroupTypes.ORDER).forEach(type -> {
      Purpose purpose = settings.purposes().of(type);
      String rule = messages.format("dead.rule", purpose.dying().minAgeDays(), purpose.dying().minActive(),
          format.percent(purpose.dying().minActiveShare()));
      if (purpose.lifespanDays() != null) rule += messages.format("dead.lifespan", purpose.lifespanDays());
      typesByRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(messages.groupType(type));
    });
    return messages.get("dead.note") + typesByRule.entrySet().stream()
        .map(e -> messages.format("dead.ruleTypes", e.getKey(), String.join(messages.get("list.separator"), e.getValue())))
        .collect(Collectors.joining());
  }

  /** Ranked live codes, best first; the CSV holds every code of the day, ranked or not. */
  Section channels(FairRanking<ChannelDay> ranking) {
    FullList csv = new FullList(CHANNELS_CSV,
        headers("channels.rank", "channels.code", "channels.channel", "card.type", "funnel.scans", "funnel.scanners", "funnel.scanJoins",
            "channels.rate", "channels.lowerBound"),
        everyRow(ranking).stream().map(r -> List.of(rank(r), r.row().codeId(), nullable(r.row().channel()),
            messages.groupType(r.row().type()), String.valueOf(r.row().scans()), String.valueOf(r.row().scanners()),
            String.valueOf(r.row().scanJoins()), nullable(r.row().scanJoinRate()), nullable(r.lowerBound()))).toList());
    List<Column> columns = columns("#channels.rank", "channels.code", "channels.channel", "card.type", "#funnel.scans",
        "#channels.rateWithCounts", "#channels.lowerBound");
    return capped("channels", "channels.title", columns, ranking.ranked(), c -> List.of(
        Cell.number(String.valueOf(c.rank())), Cell.text(c.row().codeId()), Cell.text(orMissing(c.row().channel())),
        Cell.text(messages.groupType(c.row().type())), Cell.number(format.count(c.row().scans())),
        Cell.number(format.rateWithCounts(c.row().scanJoinRate(), c.row().scanJoins(), c.row().scanners()),
            "code", c.row().codeId(), "scan_join_rate"),
        Cell.number(format.percent(c.lowerBound()), "code", c.row().codeId(), "lower_bound")),
        csv, sentences(messages.format("channels.note", format.count((long) settings.report().minScanners())), unranked(ranking, CHANNELS_CSV)),
        messages.get(ranking.unranked().isEmpty() ? "channels.none" : "channels.noneRanked"), "channels.more");
  }

  /**
   * Live-code campaigns ranked as the codes are (the lower bound of their scan join rate, enough
   * scanners), each with its groups and their fill, and the conversion of the people it brought in;
   * the CSV holds every campaign of the day, ranked or not.
   */
  Section campaigns(FairRanking<CampaignDay> ranking) {
    List<Ranked<CampaignDay>> every = everyRow(ranking);
    boolean provisional = every.stream().anyMatch(r -> !r.row().isFinal());
    FullList csv = new FullList(CAMPAIGNS_CSV,
        headers("channels.rank", "channels.code", "campaigns.groups", "campaigns.newGroups", "campaigns.fullGroups", "metric.members",
            "funnel.scans", "funnel.scanners", "funnel.scanJoins", "channels.rate", "channels.lowerBound", "campaigns.codeJoins",
            "campaigns.joiners", "campaigns.converted", "metric.conversion_rate", "campaigns.gmvInWindow", "list.provisional"),
        every.stream().map(r -> {
          CampaignDay c = r.row();
          return List.of(rank(r), c.codeId(), String.valueOf(c.groups()), String.valueOf(c.newGroups()), String.valueOf(c.fullGroups()),
              String.valueOf(c.members()), String.valueOf(c.scans()), String.valueOf(c.scanners()), String.valueOf(c.scanJoins()),
              nullable(c.scanJoinRate()), nullable(r.lowerBound()), String.valueOf(c.codeJoins()), String.valueOf(c.joiners()),
              String.valueOf(c.converted()), nullable(c.conversionRate()), nullable(c.gmvInWindow()), c.isFinal() ? "0" : "1");
        }).toList());
    List<Column> columns = columns("#channels.rank", "channels.code", "#campaigns.groupsNew", "#campaigns.fill", "#metric.members",
        "#campaigns.scanJoinRate", "#channels.lowerBound", "#campaigns.conversion", "#campaigns.gmvInWindow");
    String caption = sentences(messages.format("campaigns.note", format.count((long) settings.report().minScanners())),
        provisional ? messages.format("campaigns.provisional", settings.metrics().conversionWindowDays()) : "",
        unranked(ranking, CAMPAIGNS_CSV));
    return capped("campaigns", provisional ? "campaigns.titleProvisional" : "campaigns.title", columns, ranking.ranked(), r -> {
      CampaignDay c = r.row();
      String groups = c.newGroups() == 0 ? format.count(c.groups()) : messages.format("campaigns.groupsValue", format.count(c.groups()),
          format.count(c.newGroups()));
      return List.of(Cell.number(String.valueOf(r.rank())), Cell.text(c.codeId()),
          Cell.number(groups, "campaign", c.codeId(), "groups"),
          Cell.number(messages.format("format.counts", format.count(c.fullGroups()), format.count(c.groups())), "campaign", c.codeId(), "fill"),
          Cell.number(format.count(c.members()), "campaign", c.codeId(), "members"),
          Cell.number(format.rateWithCounts(c.scanJoinRate(), c.scanJoins(), c.scanners()), "campaign", c.codeId(), "scan_join_rate"),
          Cell.number(format.percent(r.lowerBound()), "campaign", c.codeId(), "lower_bound"),
          Cell.number(format.rateWithCounts(c.conversionRate(), c.converted(), c.joiners()), "campaign", c.codeId(), "conversion_rate"),
          Cell.number(format.gmv(c.gmvInWindow()), "campaign", c.codeId(), "gmv_in_window"));
    }, csv, caption, messages.get(ranking.unranked().isEmpty() ? "campaigns.none" : "channels.noneRanked"), "campaigns.more");
  }

  /** Group owners by their groups' GMV, then reach rate; the CSV holds every owner of the day. */
  Section owners(List<OwnerDay> owners) {
    List<OwnerDay> ranked = OwnerRanking.ranked(owners);
    FullList csv = new FullList(OWNERS_CSV,
        headers("channels.rank", "dead.ownerId", "dead.ownerName", "owners.groups", "metric.members", "owners.active", "owners.reached",
            "metric.reach_rate", "metric.activity_rate", "owners.orders", "owners.buyers", "metric.gmv", "owners.deadGroups"),
        IntStream.range(0, ranked.size()).mapToObj(i -> {
          OwnerDay o = ranked.get(i);
          return List.of(String.valueOf(i + 1), o.ownerId(), nullable(o.ownerName()), String.valueOf(o.groups()), String.valueOf(o.members()),
              String.valueOf(o.activeMembers()), String.valueOf(o.reachedMembers()), nullable(o.reachRate()), nullable(o.activityRate()),
              String.valueOf(o.orders()), String.valueOf(o.buyers()), nullable(o.gmv()), String.valueOf(o.deadGroups()));
        }).toList());
    List<Column> columns = columns("#channels.rank", "dead.owner", "#owners.groups", "#metric.members", "#owners.reachWithCounts",
        "#owners.activityWithCounts", "#metric.gmv", "#owners.deadGroups");
    List<Integer> ranks = IntStream.range(0, ranked.size()).boxed().toList();
    return capped("owners", "owners.title", columns, ranks, i -> {
      OwnerDay o = ranked.get(i);
      return List.of(Cell.number(String.valueOf(i + 1)), Cell.text(owner(o.ownerId(), o.ownerName())),
          Cell.number(format.count(o.groups()), "owner", o.ownerId(), "groups"),
          Cell.number(format.count(o.members()), "owner", o.ownerId(), "members"),
          Cell.number(format.rateWithCounts(o.reachRate(), o.reachedMembers(), o.members()), "owner", o.ownerId(), "reach_rate"),
          Cell.number(format.rateWithCounts(o.activityRate(), o.activeMembers(), o.members()), "owner", o.ownerId(), "activity_rate"),
          Cell.number(format.gmv(o.gmv()), "owner", o.ownerId(), "gmv"),
          Cell.number(format.count(o.deadGroups()), "owner", o.ownerId(), "dead_groups"));
    }, csv, messages.get("owners.note"), messages.get("owners.none"), "owners.more");
  }

  /** "Most dead groups: 王小明 (s01): 3 of 5 groups · …", or empty when no owner has one. */
  String mostDeadGroups(List<OwnerDay> owners) {
    List<OwnerDay> most = OwnerRanking.mostDeadGroups(owners);
    if (most.isEmpty()) return "";
    return messages.get("owners.mostDead") + most.stream()
        .map(o -> messages.format("owners.deadOfGroups", owner(o.ownerId(), o.ownerName()), format.count(o.deadGroups()), format.count(o.groups())))
        .collect(Collectors.joining(" · "));
  }

  /**
   * The day's referred joins per group type, in the page's type order: gross and net (the share of
   * new people who stayed a day), quick quits and repeats, the net k-factor over the type's members
   * ({@code members} from type_daily), and how deep in a referral chain the joins were.
   */
  CappedTable referralQuality(List<ReferralDay> rows, Map<String, Long> members) {
    boolean provisional = rows.stream().anyMatch(r -> !r.isFinal());
    List<TableRow> table = rows.stream().sorted(Comparator.comparing(ReferralDay::type, GroupTypes.ORDER)).map(r -> {
      String type = r.type();
      Double netShare = r.referredJoins() == 0 ? null : (double) r.netReferredJoins() / r.referredJoins();
      String netK = members.containsKey(type) ? format.ratioWithCounts(r.netKFactor(), r.netReferredJoins(), members.get(type))
          : format.ratio(r.netKFactor());
      return new TableRow(List.of(Cell.text(messages.groupType(type)),
          Cell.number(format.count(r.referredJoins()), "referral", type, "referred_joins"),
          Cell.number(format.rateWithCounts(netShare, r.netReferredJoins(), r.referredJoins()), "referral", type, "net_referred_joins"),
          Cell.number(format.count(r.quickQuits()), "referral", type, "quick_quits"),
          Cell.number(format.count(r.repeatJoins()), "referral", type, "repeat_joins"),
          Cell.number(netK, "referral", type, "net_k_factor"),
          Cell.number(messages.format("referral.generationsValue", format.count(r.gen1Joins()), format.count(r.gen2Joins()),
              format.count(r.gen3plusJoins())), "referral", type, "generations"),
          Cell.number(format.count(r.maxDepth()), "referral", type, "max_depth")));
    }).toList();
    String caption = sentences(messages.get("referral.note"), provisional ? messages.format("referral.provisional") : "");
    return new CappedTable("referral-quality", messages.get(provisional ? "referral.titleProvisional" : "referral.title"),
        columns("card.type", "#metric.referred_joins", "#referral.netWithCounts", "#referral.quickQuits", "#referral.repeatJoins",
            "#referral.netKWithCounts", "#referral.generations", "#referral.maxDepth"),
        table, "", "", caption, messages.get("referrers.none"));
  }

  /** Referrers by referred joins of the day. */
  Section referrers(List<Referrer> referrers) {
    List<Referrer> sorted = referrers.stream()
        .sorted(Comparator.comparingLong(Referrer::referredJoins).reversed().thenComparing(Referrer::referrerId)).toList();
    FullList csv = new FullList(REFERRERS_CSV, headers("channels.rank", "referrers.id", "card.type", "metric.referred_joins"),
        IntStream.range(0, sorted.size()).mapToObj(i -> List.of(String.valueOf(i + 1), sorted.get(i).referrerId(),
            messages.groupType(sorted.get(i).type()), String.valueOf(sorted.get(i).referredJoins()))).toList());
    List<Integer> ranks = IntStream.range(0, sorted.size()).boxed().toList();
    return capped("referrers", "referrers.title", columns("#channels.rank", "referrers.id", "card.type", "#metric.referred_joins"), ranks,
        i -> List.of(Cell.number(String.valueOf(i + 1)), Cell.text(sorted.get(i).referrerId()), Cell.text(messages.groupType(sorted.get(i).type())),
            Cell.number(format.count(sorted.get(i).referredJoins()), "referrer", sorted.get(i).referrerId(), "referred_joins")),
        csv, "", messages.get("referrers.none"), "referrers.more");
  }

  /** A caption's sentences, the empty ones left out (zh sentences follow each other without a space). */
  private String sentences(String... sentences) {
    return Arrays.stream(sentences).filter(t -> !t.isEmpty()).collect(Collectors.joining(messages.get("format.sentenceGap")));
  }

  private static <T> List<Ranked<T>> everyRow(FairRanking<T> ranking) {
    List<Ranked<T>> every = new ArrayList<>(ranking.ranked());
    every.addAll(ranking.unranked());
    return every;
  }

  /** "2 more codes had fewer than 30 scanners and are not ranked; see x.csv.", or empty. */
  private String unranked(FairRanking<?> ranking, String file) {
    if (ranking.unranked().isEmpty()) return "";
    return messages.format("channels.unranked", format.count((long) ranking.unranked().size()),
        format.count((long) settings.report().minScanners()), file);
  }

  private static String rank(Ranked<?> row) {
    return row.rank() == 0 ? "" : String.valueOf(row.rank());
  }

  /**
   * The page's part of a list: its first {@link CappedList#CAP} rows, and "and N more" pointing at
   * the CSV when there are more.
   */
  private <T> Section capped(String id, String titleKey, List<Column> columns, List<T> all, Function<T, List<Cell>> cells,
      FullList csv, String caption, String empty, String moreKey) {
    CappedList<T> list = CappedList.of(all);
    String more = list.more() == 0 ? "" : messages.format(moreKey, format.count((long) list.more()), csv.file());
    return new Section(new CappedTable(id, messages.get(titleKey), columns,
        list.shown().stream().map(row -> new TableRow(cells.apply(row))).toList(), more, csv.file(), caption, empty), csv);
  }

  /** Column labels by message key; a key starting with {@code #} is a numeric (right-aligned) column. */
  private List<Column> columns(String... keys) {
    List<Column> columns = new ArrayList<>();
    for (String key : keys) {
      boolean numeric = key.startsWith("#");
      columns.add(new Column(messages.get(numeric ? key.substring(1) : key), numeric));
    }
    return columns;
  }

  private List<String> headers(String... keys) {
    return Arrays.stream(keys).map(messages::get).toList();
  }

  /** "12-03, 12-05 … 12-09 (+3)": the restated days, at most a few named. */
  private String days(SortedSet<LocalDate> days) {
    List<String> named = days.stream().limit(6).map(format::shortDate).toList();
    String text = String.join(", ", named);
    return days.size() > named.size() ? text + " " + messages.format("restatements.moreDays", days.size() - named.size()) : text;
  }

  /** "王小明 (s01)", the id alone when the staff snapshot has no name for it. */
  private static String owner(String ownerId, String ownerName) {
    if (ownerId == null) return ReportFormat.MISSING;
    return ownerName == null ? ownerId : ownerName + " (" + ownerId + ")";
  }

  private static String orMissing(String value) {
    return value == null ? ReportFormat.MISSING : value;
  }

  private static String nullable(Object value) {
    return value == null ? "" : value.toString();
  }
}

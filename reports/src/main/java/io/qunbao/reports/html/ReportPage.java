package io.qunbao.reports.html;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.reports.format.ReportFormat;
import io.qunbao.reports.html.Views.Card;
import io.qunbao.reports.html.Views.ChannelRow;
import io.qunbao.reports.html.Views.Chart;
import io.qunbao.reports.html.Views.DeadGroupRow;
import io.qunbao.reports.html.Views.FunnelRow;
import io.qunbao.reports.html.Views.Legend;
import io.qunbao.reports.html.Views.MetricLine;
import io.qunbao.reports.html.Views.QualityRow;
import io.qunbao.reports.html.Views.ReferrerRow;
import io.qunbao.reports.html.Views.RevisionRow;
import io.qunbao.reports.i18n.GroupTypes;
import io.qunbao.reports.i18n.Messages;
import io.qunbao.reports.model.ChannelDay;
import io.qunbao.reports.model.Cohort;
import io.qunbao.reports.model.DeadGroup;
import io.qunbao.reports.model.ReportData;
import io.qunbao.reports.model.Referrer;
import io.qunbao.reports.model.SourceQuality;
import io.qunbao.reports.model.TypeDay;
import io.qunbao.reports.targets.Target;
import io.qunbao.reports.targets.Targets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The template context of one day's report page: its sections as views, labels in its language. */
public final class ReportPage {
  /** Top lists (referrers, live codes) show this many rows. */
  static final int TOP = 10;

  private final ReportData data;
  private final Messages messages;
  private final ReportFormat format;
  private final Targets targets;
  private final QunbaoConfig.Metrics parameters;

  /** {@code parameters}: the metric parameters the captions state (conversion window, dying-group thresholds). */
  public ReportPage(ReportData data, Messages messages, Targets targets, QunbaoConfig.Metrics parameters) {
    this.data = data;
    this.messages = messages;
    this.format = new ReportFormat(messages);
    this.targets = targets;
    this.parameters = parameters;
  }

  /** {@code charts}: file name → title, in report order. */
  public Map<String, Object> context(Map<String, String> charts) {
    Map<String, Object> context = new HashMap<>();
    context.put("lang", messages.htmlLanguage());
    context.put("t", messages.all());
    context.put("title", messages.format("report.title", data.day().toString()));
    context.put("legend", data.typesOfTheDay().stream().map(t -> new Legend(messages.groupType(t.type()), GroupTypes.cssColour(t.type()))).toList());
    context.put("cards", data.typesOfTheDay().stream().map(this::card).toList());
    context.put("unattributed", data.typeDay(data.day(), null)
        .map(u -> messages.format("card.unattributed", format.count(u.orders()), format.gmv(u.gmv()))).orElse(""));
    for (Map.Entry<String, String> chart : charts.entrySet()) {
      context.put("chart_" + chart.getKey().replace(".png", ""), new Chart(chart.getKey(), chart.getValue(),
          messages.format("caption." + chart.getKey(), parameters.conversionWindowDays())));
    }
    context.put("funnel", data.typesOfTheDay().stream().map(this::funnelRow).toList());
    context.put("channels", topChannels());
    context.put("referrers", data.referrers().map(this::topReferrers).orElse(List.of()));
    context.put("referrersUnpublished", data.referrers().isPresent() ? "" : messages.get("referrers.unpublished"));
    context.put("deadGroups", data.deadGroups().stream()
        .sorted(Comparator.comparingLong((DeadGroup d) -> -d.health().members()).thenComparing(d -> d.health().groupId()))
        .map(this::deadGroupRow).toList());
    QunbaoConfig.DeadGroup dead = parameters.deadGroup();
    context.put("deadNote", messages.format("dead.note", dead.minAgeDays(), dead.minActive(), format.percent(dead.minActiveShare())));
    context.put("quality", data.dataQuality().stream().map(this::qualityRow).toList());
    context.put("provisionalCohorts", provisionalCohorts());
    context.put("revisions", data.revisions().stream()
        .sorted(Comparator.comparing((io.qunbao.reports.model.Revision r) -> r.day()).thenComparing(r -> r.table()))
        .map(r -> new RevisionRow(r.table(), r.day().toString(), r.key(), r.column(), orMissing(r.oldValue()),
            orMissing(r.newValue()), r.runDate() == null ? ReportFormat.MISSING : r.runDate().toString())).toList());
    // Mustache sections on these decide whether a table (with its header) is drawn at all.
    for (String list : List.of("referrers", "channels", "deadGroups", "revisions")) {
      context.put("has" + Character.toUpperCase(list.charAt(0)) + list.substring(1),
          context.get(list) instanceof List<?> rows && !rows.isEmpty());
    }
    return context;
  }

  private Card card(TypeDay today) {
    String type = today.type();
    Optional<TypeDay> dayBefore = data.typeDay(data.day().minusDays(1), type);
    Optional<TypeDay> weekBefore = data.typeDay(data.day().minusDays(7), type);
    List<MetricLine> lines = new ArrayList<>();
    lines.add(line(type, "members", format.count(today.members()), "",
        changes(TypeDay::members, format::countChange, today, dayBefore, weekBefore), asDouble(today.members())));
    lines.add(line(type, "reach_rate", format.rateWithCounts(today.reachRate(), today.reachedMembers(), today.members()), "",
        changes(TypeDay::reachRate, format::percentPointChange, today, dayBefore, weekBefore), today.reachRate()));
    lines.add(line(type, "activity_rate", format.rateWithCounts(today.activityRate(), today.activeMembers(), today.members()), "",
        changes(TypeDay::activityRate, format::percentPointChange, today, dayBefore, weekBefore), today.activityRate()));
    lines.add(conversionLine(type));
    lines.add(line(type, "repurchase_rate_30d", format.rateWithCounts(today.repurchaseRate30d(), today.repeatBuyers30d(), today.repurchaseBuyers30d()), "",
        changes(TypeDay::repurchaseRate30d, format::percentPointChange, today, dayBefore, weekBefore), today.repurchaseRate30d()));
    lines.add(line(type, "k_factor", format.ratioWithCounts(today.kFactor(), today.referredJoins(), today.members()), "",
        changes(TypeDay::kFactor, format::ratioChange, today, dayBefore, weekBefore), today.kFactor()));
    lines.add(line(type, "gmv", format.gmv(today.gmv()), messages.format("card.orders", format.count(today.orders())),
        changes(TypeDay::gmv, format::gmvChange, today, dayBefore, weekBefore), today.gmv() == null ? null : today.gmv().doubleValue()));
    List<String> provisional = data.cohorts().stream()
        .filter(c -> c.type().equals(type) && !c.isFinal())
        .sorted(Comparator.comparing(Cohort::day))
        .map(c -> messages.format("card.provisionalCohort", format.shortDate(c.day()), format.rateWithCounts(c.conversionRate(), c.converted(), c.joiners())))
        .toList();
    return new Card(type, messages.groupType(type), GroupTypes.cssColour(type), lines, provisional);
  }

  /** The latest final cohort, compared with the cohorts one and seven days before it. */
  private MetricLine conversionLine(String type) {
    Optional<Cohort> latestFinal = data.cohorts().stream()
        .filter(c -> c.type().equals(type) && c.isFinal() && !c.day().isAfter(data.day()))
        .max(Comparator.comparing(Cohort::day));
    if (latestFinal.isEmpty()) {
      return line(type, "conversion_rate", ReportFormat.MISSING, messages.get("card.noFinalCohort"), new String[] {ReportFormat.MISSING, ReportFormat.MISSING}, null);
    }
    Cohort cohort = latestFinal.get();
    Function<Integer, String> against = days -> format.percentPointChange(cohort.conversionRate(),
        data.cohort(cohort.day().minusDays(days), type).map(Cohort::conversionRate).orElse(null));
    return line(type, "conversion_rate", format.rateWithCounts(cohort.conversionRate(), cohort.converted(), cohort.joiners()),
        messages.format("card.cohortOf", format.shortDate(cohort.day())), new String[] {against.apply(1), against.apply(7)}, cohort.conversionRate());
  }

  private <T> String[] changes(Function<TypeDay, T> value, BiFunction<T, T, String> change, TypeDay today,
      Optional<TypeDay> dayBefore, Optional<TypeDay> weekBefore) {
    T now = value.apply(today);
    return new String[] {
      change.apply(now, dayBefore.map(value).orElse(null)), change.apply(now, weekBefore.map(value).orElse(null))
    };
  }

  private MetricLine line(String type, String metric, String value, String note, String[] changes, Double actual) {
    Optional<Target> target = targets.of(type, metric);
    Boolean hit = target.map(t -> t.hit(actual)).orElse(null);
    return new MetricLine(type, metric, messages.get("metric." + metric), value, note, changes[0], changes[1],
        target.map(t -> targetText(metric, t)).orElse(""), Boolean.TRUE.equals(hit), Boolean.FALSE.equals(hit));
  }

  private String targetText(String metric, Target target) {
    String bound = switch (metric) {
      case "members" -> format.count((long) target.value());
      case "gmv" -> format.gmv(BigDecimal.valueOf(target.value()));
      case "k_factor" -> format.ratio(target.value());
      default -> format.percent(target.value());
    };
    return (target.direction() == Target.Direction.AT_LEAST ? "≥ " : "≤ ") + bound;
  }

  private FunnelRow funnelRow(TypeDay t) {
    String converted = data.cohort(data.day(), t.type())
        .map(c -> format.rateWithCounts(c.conversionRate(), c.converted(), c.joiners()))
        .orElse(ReportFormat.MISSING);
    return new FunnelRow(t.type(), messages.groupType(t.type()), GroupTypes.cssColour(t.type()), format.count(t.scans()),
        format.count(t.scanners()), format.rateWithCounts(t.scanJoinRate(), t.scanJoins(), t.scanners()),
        format.rateWithCounts(t.reachRate(), t.reachedMembers(), t.members()), converted);
  }

  private List<ChannelRow> topChannels() {
    return data.channels().stream()
        .sorted(Comparator.comparing(ChannelDay::scanJoinRate, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Comparator.comparingLong(ChannelDay::scanners).reversed())
            .thenComparing(ChannelDay::codeId))
        .limit(TOP)
        .map(c -> new ChannelRow(c.codeId(), c.channel() == null ? ReportFormat.MISSING : c.channel(), messages.groupType(c.type()),
            format.count(c.scans()), format.rateWithCounts(c.scanJoinRate(), c.scanJoins(), c.scanners())))
        .toList();
  }

  private List<ReferrerRow> topReferrers(List<Referrer> referrers) {
    List<Referrer> top = referrers.stream()
        .sorted(Comparator.comparingLong(Referrer::referredJoins).reversed().thenComparing(Referrer::referrerId))
        .limit(TOP)
        .toList();
    List<ReferrerRow> rows = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      Referrer r = top.get(i);
      rows.add(new ReferrerRow(i + 1, r.referrerId(), messages.groupType(r.type()), format.count(r.referredJoins())));
    }
    return rows;
  }

  private DeadGroupRow deadGroupRow(DeadGroup group) {
    String owner = group.ownerId() == null ? ReportFormat.MISSING
        : group.ownerName() == null ? group.ownerId() : group.ownerName() + " (" + group.ownerId() + ")";
    return new DeadGroupRow(group.health().groupId(), group.groupName() == null ? ReportFormat.MISSING : group.groupName(), owner,
        messages.groupType(group.health().type()), format.count((long) group.health().ageDays()),
        format.count(group.health().members()), format.count(group.health().active7d()));
  }

  private QualityRow qualityRow(SourceQuality source) {
    String landed = source.rowsLanded() == null ? messages.get("quality.notLanded") : format.count(source.rowsLanded());
    String rejected = ReportFormat.MISSING;
    if (source.rowsRejected() != null) {
      long read = (source.rowsLanded() == null ? 0 : source.rowsLanded()) + source.rowsRejected();
      rejected = format.rateWithCounts(read == 0 ? null : (double) source.rowsRejected() / read, source.rowsRejected(), read);
    }
    return new QualityRow(messages.get("source." + source.source()), landed, rejected, format.count(source.lateRows()));
  }

  /** "引流群: 10-02, 10-03" per type with cohorts whose conversion window is still open. */
  private List<String> provisionalCohorts() {
    Map<String, List<LocalDate>> byType = new java.util.TreeMap<>(GroupTypes.ORDER);
    data.cohorts().stream().filter(c -> !c.isFinal())
        .forEach(c -> byType.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(c.day()));
    return byType.entrySet().stream()
        .map(e -> messages.groupType(e.getKey()) + ": " + String.join(", ", e.getValue().stream().sorted().map(format::shortDate).toList()))
        .toList();
  }

  private static Double asDouble(Long value) {
    return value == null ? null : value.doubleValue();
  }

  /** A revision's side is null when the row did not exist then (or no longer exists). */
  private static String orMissing(String value) {
    return value == null ? ReportFormat.MISSING : value;
  }
}

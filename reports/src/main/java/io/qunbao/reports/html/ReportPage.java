package io.qunbao.reports.html;

import io.qunbao.reports.ReportSettings;
import io.qunbao.reports.format.ReportFormat;
import io.qunbao.reports.html.Views.Chart;
import io.qunbao.reports.html.Views.FunnelRow;
import io.qunbao.reports.html.Views.Legend;
import io.qunbao.reports.html.Views.QualityRow;
import io.qunbao.reports.i18n.GroupTypes;
import io.qunbao.reports.i18n.Messages;
import io.qunbao.reports.judge.DayAssessment;
import io.qunbao.reports.judge.Restatements;
import io.qunbao.reports.lists.FullList;
import io.qunbao.reports.model.ReportData;
import io.qunbao.reports.model.SourceQuality;
import io.qunbao.reports.model.TypeDay;
import io.qunbao.reports.purpose.Purpose.GroupStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The template context of one day's report page, in the order a person reads it: the headline
 * (each type against its own targets and usual band, those needing attention first), the cards,
 * the restatements, the dying groups, then the charts with their tables and the data quality.
 * Every list is capped; its full list is a CSV beside the report ({@link #fullLists()}).
 */
public final class ReportPage {
  private final ReportData data;
  private final Messages messages;
  private final ReportFormat format;
  private final ReportSettings settings;
  private final DayAssessment assessment;
  private final List<FullList> fullLists = new ArrayList<>();

  public ReportPage(ReportData data, Messages messages, ReportSettings settings, DayAssessment assessment) {
    this.data = data;
    this.messages = messages;
    this.format = new ReportFormat(messages);
    this.settings = settings;
    this.assessment = assessment;
  }

  /** {@code charts}: file name → title, in report order. */
  public Map<String, Object> context(Map<String, String> charts) {
    fullLists.clear();
    Map<String, Object> context = new HashMap<>();
    context.put("lang", messages.htmlLanguage());
    context.put("t", messages.all());
    context.put("title", messages.format("report.title", data.day().toString()));
    context.put("legend", data.typesOfTheDay().stream().map(t -> new Legend(messages.groupType(t.type()), GroupTypes.cssColour(t.type()))).toList());

    TypeViews types = new TypeViews(data, messages);
    context.put("headline", types.headline(assessment.types()));
    context.put("headlineNote", messages.format("headline.note", settings.report().baseline().days(),
        format.count((long) settings.report().minDenominator())));
    context.put("headlineSummary", headlineSummary());
    context.put("cards", types.cards(assessment.types()));
    context.put("unattributed", data.typeDay(data.day(), null)
        .map(u -> messages.format("card.unattributed", format.count(u.orders()), format.gmv(u.gmv()))).orElse(""));

    ListSections lists = new ListSections(messages, settings);
    Restatements restatements = assessment.restatements();
    context.put("restatementsSummary", messages.format("restatements.summary", format.count((long) data.runs().size()),
        format.count((long) restatements.all().size()), format.count(restatements.matured())));
    context.put("runs", lists.runs(restatements));
    context.put("material", add(lists.materialRestatements(restatements)));

    context.put("dying", add(lists.dyingGroups(data.quietGroups())));
    context.put("dyingSummary", lists.quietSummary(data.quietGroups(), GroupStatus.DYING));
    context.put("endedSummary", lists.quietSummary(data.quietGroups(), GroupStatus.ENDED));

    for (Map.Entry<String, String> chart : charts.entrySet()) {
      context.put("chart_" + chart.getKey().replace(".png", ""), new Chart(chart.getKey(), chart.getValue(),
          messages.format("caption." + chart.getKey(), settings.metrics().conversionWindowDays(), format.count((long) data.runs().size()))));
    }
    context.put("funnel", data.typesOfTheDay().stream().map(this::funnelRow).toList());
    context.put("channels", add(lists.channels(assessment.channels())));
    context.put("referrers", data.referrers().<Object>map(r -> add(lists.referrers(r))).orElse(""));
    context.put("referrersUnpublished", data.referrers().isPresent() ? "" : messages.get("referrers.unpublished"));

    // The tables beyond the core: a warehouse from before them has none, and its sections say so.
    context.put("referralQuality", data.referral().<Object>map(r -> lists.referralQuality(r, membersByType())).orElse(""));
    context.put("referralUnpublished", unpublished(data.referral().isPresent(), "referral_daily"));
    context.put("campaigns", data.campaigns().<Object>map(c -> add(lists.campaigns(assessment.campaigns()))).orElse(""));
    context.put("campaignsUnpublished", unpublished(data.campaigns().isPresent(), "campaign_daily"));
    context.put("owners", data.owners().<Object>map(o -> add(lists.owners(o))).orElse(""));
    context.put("ownersMostDead", data.owners().map(lists::mostDeadGroups).orElse(""));
    context.put("ownersUnpublished", unpublished(data.owners().isPresent(), "owner_daily"));
    context.put("quality", data.dataQuality().stream().map(this::qualityRow).toList());
    context.put("provisionalCohorts", provisionalCohorts());
    return context;
  }

  /** The CSV files of the page's lists, written beside it. */
  public List<FullList> fullLists() {
    return List.copyOf(fullLists);
  }

  private Views.CappedTable add(ListSections.Section section) {
    fullLists.add(section.csv());
    return section.table();
  }

  private String unpublished(boolean published, String table) {
    return published ? "" : messages.format("section.unpublished", "metrics/" + table);
  }

  /** Members of each group type on the day (type_daily), the denominator of the net k-factor. */
  private Map<String, Long> membersByType() {
    Map<String, Long> members = new HashMap<>();
    data.typesOfTheDay().stream().filter(t -> t.members() != null).forEach(t -> members.put(t.type(), t.members()));
    return members;
  }

  /** One line under the headline: material restatements and dying groups, each pointing to its section. */
  private String headlineSummary() {
    long dying = data.quietGroups().stream().filter(g -> g.status() == GroupStatus.DYING).count();
    long members = data.quietGroups().stream().filter(g -> g.status() == GroupStatus.DYING).mapToLong(g -> g.health().members()).sum();
    return messages.format("headline.summary", format.count((long) assessment.restatements().materialByRow().size()),
        format.count((long) data.runs().size()), format.count(dying), format.count(members));
  }

  private FunnelRow funnelRow(TypeDay t) {
    String converted = data.cohort(data.day(), t.type())
        .map(c -> format.rateWithCounts(c.conversionRate(), c.converted(), c.joiners()))
        .orElse(ReportFormat.MISSING);
    return new FunnelRow(t.type(), messages.groupType(t.type()), GroupTypes.cssColour(t.type()), format.count(t.scans()),
        format.count(t.scanners()), format.rateWithCounts(t.scanJoinRate(), t.scanJoins(), t.scanners()),
        format.rateWithCounts(t.reachRate(), t.reachedMembers(), t.members()), converted);
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
    Map<String, List<LocalDate>> byType = new TreeMap<>(GroupTypes.ORDER);
    data.cohorts().stream().filter(c -> !c.isFinal())
        .forEach(c -> byType.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(c.day()));
    return byType.entrySet().stream()
        .map(e -> messages.groupType(e.getKey()) + ": " + String.join(", ", e.getValue().stream().sorted().map(format::shortDate).toList()))
        .toList();
  }
}

package io.qunbao.reports.digest;

import io.qunbao.reports.format.ReportFormat;
import io.qunbao.reports.i18n.Messages;
import io.qunbao.reports.judge.DayAssessment;
import io.qunbao.reports.judge.Flag;
import io.qunbao.reports.judge.Judge;
import io.qunbao.reports.judge.MetricJudgement;
import io.qunbao.reports.judge.TypeJudgement;
import io.qunbao.reports.model.HeadlineMetric;
import io.qunbao.reports.model.ReportData;
import io.qunbao.reports.purpose.Purpose.GroupStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The night's short message for a WeCom group robot (markdown): the day, one line per group type
 * with its primary metrics and their flags (types needing attention first), the material
 * restatements and dying groups, and where the full report is. It is also the operator's sign that
 * the night ran. A robot takes at most {@value #LIMIT_BYTES} bytes of content: when the types do not
 * fit, the last ones (those doing as usual) give way to a line saying how many more the report has.
 */
public final class DailyDigest {
  /** WeCom's limit for a markdown message's content, in UTF-8 bytes. */
  public static final int LIMIT_BYTES = 4096;

  private final ReportData data;
  private final Messages messages;
  private final ReportFormat format;
  private final DayAssessment assessment;
  private final String reportLink;

  /** {@code reportLink}: an http(s) address becomes a link, anything else (a path) is printed as it is. */
  public DailyDigest(ReportData data, Messages messages, DayAssessment assessment, String reportLink) {
    this.data = data;
    this.messages = messages;
    this.format = new ReportFormat(messages);
    this.assessment = assessment;
    this.reportLink = reportLink;
  }

  public String markdown() {
    List<String> head = new ArrayList<>();
    head.add("**" + messages.format("digest.title", data.day().toString()) + "**");
    long dying = data.quietGroups().stream().filter(g -> g.status() == GroupStatus.DYING).count();
    long members = data.quietGroups().stream().filter(g -> g.status() == GroupStatus.DYING).mapToLong(g -> g.health().members()).sum();
    long concern = assessment.types().stream().filter(t -> t.verdict() == TypeJudgement.Verdict.CONCERN).count();
    head.add("> " + messages.format("digest.summary", format.count(concern), format.count((long) assessment.restatements().materialByRow().size()),
        format.count((long) data.runs().size()), format.count(dying), format.count(members)));
    String link = reportLink.startsWith("http://") || reportLink.startsWith("https://")
        ? "[" + messages.get("digest.link") + "](" + reportLink + ")"
        : messages.get("digest.link") + ": `" + reportLink + "`";

    List<String> lines = Judge.ranked(assessment.types()).stream().map(this::typeLine).toList();
    for (int shown = lines.size(); shown >= 0; shown--) {
      List<String> all = new ArrayList<>(head);
      all.addAll(lines.subList(0, shown));
      if (shown < lines.size()) all.add(messages.format("digest.moreTypes", lines.size() - shown));
      all.add(link);
      String text = String.join("\n", all);
      if (text.getBytes(StandardCharsets.UTF_8).length <= LIMIT_BYTES) return text;
    }
    throw new IllegalStateException("the digest's head alone exceeds " + LIMIT_BYTES + " bytes");
  }

  /** "引流群 · 转化率 5.2%（11-07 批）▼ 常态 6.1–8.0% · GMV ¥1,234.00", the type coloured when it needs attention. */
  private String typeLine(TypeJudgement type) {
    String label = messages.groupType(type.type());
    if (type.verdict() == TypeJudgement.Verdict.CONCERN) label = "<font color=\"warning\">" + label + "</font>";
    List<String> parts = new ArrayList<>();
    for (MetricJudgement m : type.primary()) {
      String value = m.observation().isEmpty() ? ReportFormat.MISSING : format.plain(m.metric(), m.value());
      if (m.metric() == HeadlineMetric.CONVERSION_RATE && m.day() != null) {
        value = messages.format("headline.cohortValue", value, format.shortDate(m.day()));
      }
      String part = messages.get("metric." + m.metric().column()) + " " + value;
      if (m.flag().isFlagged()) {
        String arrow = m.flag() == Flag.ABOVE ? "▲" : "▼";
        String colour = m.isBadFlag() ? "warning" : "info";
        part += " <font color=\"" + colour + "\">" + arrow + "</font> "
            + messages.format("baseline.usual", format.band(m.metric(), m.baseline().orElseThrow().low(), m.baseline().orElseThrow().high()));
      }
      if (Boolean.FALSE.equals(m.hit())) part += " " + messages.get("digest.missedTarget");
      parts.add(part);
    }
    return "- **" + label + "** " + String.join(" · ", parts);
  }
}

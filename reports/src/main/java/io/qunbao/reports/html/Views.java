package io.qunbao.reports.html;

import java.util.List;

/**
 * What the templates show: every number already formatted by {@link io.qunbao.reports.format.ReportFormat},
 * every label already in the report's language. {@code type}/{@code metric} codes go into
 * {@code data-} attributes so tests can find a number by what it is, not by where it is.
 */
public final class Views {
  private Views() {}

  public record Legend(String label, String colour) {}

  public record Card(String type, String label, String colour, List<MetricLine> metrics, List<String> provisional) {
    public boolean hasProvisional() {
      return !provisional.isEmpty();
    }

    /** The provisional cohorts in one wrapped line: there can be a window's worth of them. */
    public String provisionalText() {
      return String.join("; ", provisional);
    }
  }

  /** One metric of a card: value (with its counts), changes against D-1 and D-7, target and mark. */
  public record MetricLine(
      String type, String metric, String name, String value, String note, String vsDayBefore, String vsWeekBefore,
      String target, boolean hit, boolean miss) {}

  public record Chart(String file, String title, String caption) {}

  public record FunnelRow(String type, String label, String colour, String scans, String scanners, String scanJoins, String reached, String converted) {}

  public record ChannelRow(String code, String channel, String label, String scans, String scanJoins) {}

  public record ReferrerRow(int rank, String referrer, String label, String referredJoins) {}

  public record DeadGroupRow(String groupId, String groupName, String owner, String label, String age, String members, String active7d) {}

  public record QualityRow(String source, String landed, String rejected, String late) {}

  public record RevisionRow(String table, String day, String key, String column, String oldValue, String newValue, String runDate) {}

  public record DayLink(String day, String href, String weekday) {}
}

package io.qunbao.reports.html;

import java.util.List;

/**
 * What the templates show: every number already formatted by {@link io.qunbao.reports.format.ReportFormat},
 * every label already in the report's language. {@code type}/{@code metric} codes go into
 * {@code data-} attributes so tests can find a number by what it is, not by where it is. Absent
 * text is the empty string (a Mustache section over it is skipped), never null.
 */
public final class Views {
  private Views() {}

  public record Legend(String label, String colour) {}

  /** One row of the headline: a type, what it is for, its primary metrics judged, and the verdict. */
  public record HeadlineRow(
      String type, String label, String colour, String purpose, String verdict, String verdictClass, List<PrimaryMetric> primary) {}

  /** A primary metric in the headline: value, its flag against the type's usual band, its target. */
  public record PrimaryMetric(String type, String metric, String name, String value, String flag, String flagClass, String judgement) {}

  public record Card(String type, String label, String colour, String purpose, List<MetricLine> metrics, List<String> provisional) {
    public boolean hasProvisional() {
      return !provisional.isEmpty();
    }

    /** The provisional cohorts in one wrapped line ("11-24 3.0% · 11-25 4.2%"): there can be a window's worth of them. */
    public String provisionalText() {
      return String.join(" · ", provisional);
    }
  }

  /**
   * One metric of a card: value (with its counts), changes against D-1 and D-7, the usual band of
   * the type's recent days preceded by ▲/▼ when the value is outside it ({@code flagClass}: bad or
   * good, by the metric's direction), target and mark.
   */
  public record MetricLine(
      String type, String metric, String name, boolean primary, String value, String note, String vsDayBefore, String vsWeekBefore,
      String usual, String flagClass, String target, boolean hit, boolean miss) {}

  public record Chart(String file, String title, String caption) {}

  public record FunnelRow(String type, String label, String colour, String scans, String scanners, String scanJoins, String reached, String converted) {}

  public record QualityRow(String source, String landed, String rejected, String late) {}

  public record DayLink(String day, String href, String weekday) {}

  /**
   * A list on the page, capped ({@link io.qunbao.reports.lists.CappedList}): its first rows, "and N
   * more" with the CSV that holds all of them, a caption, and what to say when it is empty. Every
   * list of the page is one, drawn by the {@code capped_table} partial.
   */
  public record CappedTable(
      String id, String title, List<Column> columns, List<TableRow> rows, String more, String csv, String caption, String empty) {
    public boolean hasRows() {
      return !rows.isEmpty();
    }
  }

  public record Column(String label, boolean numeric) {}

  public record TableRow(List<Cell> cells) {}

  /**
   * A table cell; {@code dataName}/{@code dataKey}/{@code metric} (when not empty) become
   * {@code data-<name>="<key>" data-metric="<metric>"}, e.g. {@code data-code="poster-a"}. List cells
   * keep to one line, except a {@code wraps} one (a long text the others make room for).
   */
  public record Cell(String text, boolean numeric, boolean wraps, String dataName, String dataKey, String metric) {
    public static Cell text(String text) {
      return new Cell(text, false, false, "", "", "");
    }

    public static Cell number(String text) {
      return new Cell(text, true, false, "", "", "");
    }

    public static Cell number(String text, String dataName, String dataKey, String metric) {
      return new Cell(text, true, false, dataName, dataKey, metric);
    }

    public static Cell wrapping(String text, String dataName, String dataKey, String metric) {
      return new Cell(text, false, true, dataName, dataKey, metric);
    }
  }
}

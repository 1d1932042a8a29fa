package io.qunbao.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.qunbao.metrics.recomputation.ValueKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One output table as documented in its {@code tables/<table>.yml}: the single place that names its
 * columns, types, key and docs. The writer casts to these types, the quality checks use the key,
 * and {@link TableDocs} renders the analysts' doc from the same file.
 *
 * @param kind          metrics (published per {@code dt} partition), curated (replaced whole) or revisions
 * @param view          the temp view that computes it; the table name when absent
 * @param recomputation which days a run recomputes it on (metrics tables)
 * @param provisional   the published values that may still change as designed; none when absent
 */
public record TableSpec(
    String table, String kind, String view, String spec, String grain, List<String> key, List<ColumnSpec> columns,
    Recomputation recomputation, Provisional provisional) {

  public static final List<String> METRICS = List.of("group_daily", "type_daily", "cohort_conversion",
      "channel_daily", "group_health", "referral_daily", "campaign_daily", "owner_daily");
  /** Metric tables Qunbao publishes beyond the spec's (docs/decisions.md): the report's referrer ranking. */
  public static final List<String> EXTRA_METRICS = List.of("referrer_daily");
  /** Every table published per {@code dt} partition. */
  public static final List<String> PUBLISHED_METRICS =
      java.util.stream.Stream.concat(METRICS.stream(), EXTRA_METRICS.stream()).toList();
  /** The curated table kept by day ({@code dt} partitions), unlike the others, replaced whole. */
  public static final String MESSAGES = "messages";
  public static final List<String> CURATED = List.of(MESSAGES, "membership_intervals", "orders");
  public static final String REVISIONS = "revisions";

  /** The partition column of every metrics table. */
  public static final String DT = "dt";

  /**
   * What reaches a metrics table's days, declared in its {@code .yml} (jobs/metrics/README.md, "Which days
   * a run recomputes"): the run plan's first day its rows are recomputed from ({@code from}: activity, or
   * purchases for a table whose values are counted from purchases); whether on the days between the two
   * it reads its values not counted from purchases back as published ({@code carries-published}, then the
   * run registers {@code published_<table>} with those days); and how many days after its day a row stays
   * provisional, changing with the run date alone ({@code provisional-days}: a number, or {@code window}
   * for the conversion window).
   */
  public record Recomputation(
      ValueKind from,
      @JsonProperty("carries-published") boolean carriesPublished,
      @JsonProperty("provisional-days") String provisionalDays) {
    static final Recomputation ACTIVITY = new Recomputation(ValueKind.ACTIVITY, false, null);

    public Recomputation {
      from = from == null ? ValueKind.ACTIVITY : from;
    }

    /** The days a row stays provisional after its day (0: final once published). */
    public int provisionalDays(int windowDays) {
      if (provisionalDays == null) {
        return 0;
      }
      return provisionalDays.equals("window") ? windowDays : Integer.parseInt(provisionalDays);
    }
  }

  /**
   * The values of a table that are published before they are final (metrics.md: a cohort until
   * {@code is_final}, the last published day's scan joins): a later run changing one of them is the
   * number maturing as designed, not a restatement ({@link RevisionDiff}). In the table's yml, e.g.
   * {@code provisional: {while-not: is_final, columns: [converted]}} or
   * {@code provisional: {last-published-day: [scan_joins]}}.
   *
   * @param whileNot         a boolean column: the values of a row published with it false were provisional
   * @param columns          those values; every value column when absent (the flag itself always)
   * @param lastPublishedDay columns provisional on the day that was the last published one at the previous run
   */
  public record Provisional(
      @JsonProperty("while-not") String whileNot,
      List<String> columns,
      @JsonProperty("last-published-day") List<String> lastPublishedDay) {

    /** Whether {@code column} of a row published with {@link #whileNot} false was provisional. */
    boolean whileNotFinal(String column) {
      return whileNot != null && (columns == null || columns.contains(column) || column.equals(whileNot));
    }

    /** Whether {@code column} of the previous run's last published day was provisional. */
    boolean onLastPublishedDay(String column) {
      return lastPublishedDay != null && lastPublishedDay.contains(column);
    }

    List<String> namedColumns() {
      List<String> named = new ArrayList<>();
      if (whileNot != null) named.add(whileNot);
      if (columns != null) named.addAll(columns);
      if (lastPublishedDay != null) named.addAll(lastPublishedDay);
      return named;
    }
  }

  public record ColumnSpec(String name, String type, String doc) {
    DataType dataType() {
      return DataType.fromDDL(type);
    }
  }

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .build();

  public static TableSpec load(String table) {
    String resource = "/io/qunbao/metrics/tables/" + table + ".yml";
    try (InputStream in = TableSpec.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no table spec " + resource);
      }
      TableSpec spec = YAML.readValue(in, TableSpec.class);
      List<String> unknown = spec.provisional() == null ? List.of()
          : spec.provisional().namedColumns().stream().filter(c -> !spec.valueColumns().contains(c)).toList();
      if (!unknown.isEmpty()) {
        throw new IllegalStateException("table spec " + resource + ": provisional names " + unknown + ", not value columns of the table");
      }
      return spec;
    } catch (IOException e) {
      throw new UncheckedIOException("table spec " + resource + " unreadable", e);
    }
  }

  public TableSpec {
    recomputation = recomputation == null ? Recomputation.ACTIVITY : recomputation;
  }

  /**
   * The name {@code qunbao sql} registers the table under and the analysts' doc heads it with: a
   * curated table's is prefixed, as the landed tables' are ({@link LandedTables}).
   */
  public String queryName() {
    return "curated".equals(kind) ? "curated_" + table : table;
  }

  public String viewName() {
    return view == null ? table : view;
  }

  public StructType schema() {
    return new StructType(columns.stream()
        .map(c -> new StructField(c.name(), c.dataType(), true, org.apache.spark.sql.types.Metadata.empty()))
        .toArray(StructField[]::new));
  }

  public List<String> valueColumns() {
    return columns.stream().map(ColumnSpec::name).filter(n -> !key.contains(n)).toList();
  }

  /** {@code rows} with exactly this table's columns, in its order, cast to its types. */
  public Dataset<Row> conform(Dataset<Row> rows) {
    Column[] cols = columns.stream()
        .map(c -> functions.col(c.name()).cast(c.dataType()).as(c.name()))
        .toArray(Column[]::new);
    return rows.select(cols);
  }
}

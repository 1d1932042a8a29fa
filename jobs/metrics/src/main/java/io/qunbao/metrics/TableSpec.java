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
 */
public record TableSpec(
    String table, String kind, String view, String spec, String grain, List<String> key, List<ColumnSpec> columns,
    Recomputation recomputation) {

  public static final List<String> METRICS =
      List.of("group_daily", "type_daily", "cohort_conversion", "channel_daily", "group_health");
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
      return YAML.readValue(in, TableSpec.class);
    } catch (IOException e) {
      throw new UncheckedIOException("table spec " + resource + " unreadable", e);
    }
  }

  public TableSpec {
    recomputation = recomputation == null ? Recomputation.ACTIVITY : recomputation;
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

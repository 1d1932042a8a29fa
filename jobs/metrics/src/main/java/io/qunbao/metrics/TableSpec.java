package io.qunbao.metrics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * @param kind metrics (published per {@code dt} partition), curated (replaced whole) or revisions
 * @param view the temp view that computes it; the table name when absent
 */
public record TableSpec(
    String table, String kind, String view, String spec, String grain, List<String> key, List<ColumnSpec> columns) {

  public static final List<String> METRICS = List.of("group_daily", "type_daily", "cohort_conversion",
      "channel_daily", "group_health", "referral_daily", "campaign_daily", "owner_daily");
  /** Metric tables Qunbao publishes beyond the spec's (docs/decisions.md): the report's referrer ranking. */
  public static final List<String> EXTRA_METRICS = List.of("referrer_daily");
  /** Every table published per {@code dt} partition. */
  public static final List<String> PUBLISHED_METRICS =
      java.util.stream.Stream.concat(METRICS.stream(), EXTRA_METRICS.stream()).toList();
  /**
   * The metrics tables a night recomputes from the first day of the values counted from purchases: those
   * with such values (a night whose new orders change an earlier day recomputes them on it, and keeps
   * their other values as published, {@link MetricModels}), and referral_daily, whose rows turn final
   * with the run date alone (that first day is never after the last run date).
   */
  public static final List<String> ORDER_DERIVED = List.of("group_daily", "type_daily", "cohort_conversion",
      // referral chains, live-code campaigns, group owners (metrics.md, "Beyond the core tables")
      "campaign_daily", "owner_daily", "referral_daily");
  /** The curated table kept by day ({@code dt} partitions), unlike the others, replaced whole. */
  public static final String MESSAGES = "messages";
  public static final List<String> CURATED = List.of(MESSAGES, "membership_intervals", "orders");
  public static final String REVISIONS = "revisions";

  /** The partition column of every metrics table. */
  public static final String DT = "dt";

  public record ColumnSpec(String name, String type, String doc) {
    DataType dataType() {
      return DataType.fromDDL(type);
    }
  }

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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

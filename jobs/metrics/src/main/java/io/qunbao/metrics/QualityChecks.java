package io.qunbao.metrics;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The data-quality gate before anything is published. Each check yields the rows
 * that violate it; the first violation fails the run with {@link ExitCode#DATA_QUALITY} and a
 * one-line message naming the check and an example, and nothing is published.
 */
final class QualityChecks {
  /** The SQL checks under {@code sql/quality/}, with what each one guards. */
  private static final Map<String, String> SQL_CHECKS = Map.of(
      "rates_within_bounds", "a rate outside [0, 1]",
      "reached_within_members", "reached_members above members",
      "gmv_reconciles", "purchases not attributed or counted as unattributed exactly once",
      "type_counts_cover_groups", "a type count below its largest group's count",
      "referral_reconciles", "referral_daily not adding up to type_daily's referred joins",
      "campaign_groups_within_groups", "a campaign with more new or full groups than groups");

  private final SqlModels sql;

  QualityChecks(SqlModels sql) {
    this.sql = sql;
  }

  /**
   * Throws on the first failed check; {@code outputs} are the conformed metric tables. All
   * checks run as one query (a union of their violations), so the gate costs one Spark job.
   */
  void verify(Map<TableSpec, Dataset<Row>> outputs) {
    Dataset<Row> violations = null;
    for (Map.Entry<TableSpec, Dataset<Row>> output : outputs.entrySet()) {
      violations = union(violations, duplicateKeys(output.getValue(), output.getKey().key()),
          "duplicate keys in " + output.getKey().table());
    }
    for (Map.Entry<String, String> check : SQL_CHECKS.entrySet()) {
      violations = union(violations, sql.query("quality", check.getKey()), check.getValue());
    }
    List<Row> first = violations.limit(1).collectAsList();
    if (!first.isEmpty()) {
      throw new QunbaoException(ExitCode.DATA_QUALITY,
          "data-quality check failed, nothing published: " + first.get(0).getString(0) + " (" + first.get(0).getString(1).trim() + ")");
    }
  }

  private static Dataset<Row> union(Dataset<Row> so, Dataset<Row> violations, String what) {
    Dataset<Row> described = violations.select(functions.lit(what).as("check"), functions.col("detail"));
    return so == null ? described : so.union(described);
  }

  static Dataset<Row> duplicateKeys(Dataset<Row> table, List<String> key) {
    Column[] keyColumns = key.stream().map(functions::col).toArray(Column[]::new);
    Column[] described = key.stream()
        .flatMap(k -> java.util.stream.Stream.of(functions.lit(k + "="), functions.coalesce(functions.col(k).cast("string"), functions.lit("null")), functions.lit(" ")))
        .toArray(Column[]::new);
    return table.groupBy(keyColumns).count().where("count > 1")
        .select(functions.concat(functions.concat(described), functions.lit("appears "), functions.col("count"), functions.lit(" times")).as("detail"));
  }
}

package io.qunbao.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Compares freshly computed rows of a metrics table with its published rows, key by key: which
 * days changed (and so must be republished) and which already published values changed (the
 * revisions an ops lead must be able to see: a refund, a late message, a maturing cohort).
 *
 * <p>Each change has a kind. A value the table declares provisional when it was published
 * ({@link TableSpec.Provisional}: a cohort not yet final, the scan joins of the day that was the
 * last published one) that changes is {@value #MATURATION}: the number filling in as designed. Any
 * other change is {@value #RESTATEMENT}: a final value corrected (a refund, a late message, a
 * changed snapshot).
 */
final class RevisionDiff {
  static final String MATURATION = "maturation";
  static final String RESTATEMENT = "restatement";
  private static final String OLD = "old_";
  private static final String NEW = "new_";

  private final TableSpec spec;
  private final Dataset<Row> changes;

  /**
   * One row per changed value: dt, row_key, column_name, old_value, new_value (nulls: no row) and
   * kind. {@code lastPublishedDay}: the table's latest day published before this run (null: none).
   */
  RevisionDiff(TableSpec spec, Dataset<Row> fresh, Dataset<Row> published, LocalDate lastPublishedDay) {
    this.spec = spec;
    Dataset<Row> fresher = prefixed(fresh, NEW);
    Dataset<Row> older = prefixed(published, OLD);
    Column sameKey = spec.key().stream()
        .map(k -> older.col(OLD + k).eqNullSafe(fresher.col(NEW + k)))
        .reduce(Column::and).orElseThrow();
    Dataset<Row> joined = older.join(fresher, sameKey, "full_outer");

    List<Column> changedValues = new ArrayList<>();
    for (String column : spec.valueColumns()) {
      Column oldValue = functions.col(OLD + column).cast("string");
      Column newValue = functions.col(NEW + column).cast("string");
      Column rowMissing = functions.col(OLD + TableSpec.DT).isNull().or(functions.col(NEW + TableSpec.DT).isNull());
      changedValues.add(functions.when(rowMissing.or(oldValue.eqNullSafe(newValue).unary_$bang()),
          functions.struct(functions.lit(column).as("column_name"), oldValue.as("old_value"), newValue.as("new_value"),
              functions.when(wasProvisional(column, lastPublishedDay), MATURATION).otherwise(RESTATEMENT).as("kind"))));
    }
    this.changes = joined
        .select(
            functions.lit(spec.table()).as("table_name"),
            functions.coalesce(functions.col(OLD + TableSpec.DT), functions.col(NEW + TableSpec.DT)).as(TableSpec.DT),
            rowKey(joined).as("row_key"),
            functions.explode(functions.array_compact(functions.array(changedValues.toArray(Column[]::new)))).as("change"))
        .select(functions.col("table_name"), functions.col(TableSpec.DT), functions.col("row_key"), functions.col("change.*"));
  }

  /**
   * The changed values: table_name, dt, row_key, column_name, old_value, new_value, kind. Every day
   * with a change (an added, removed or changed row) must be republished.
   */
  Dataset<Row> changes() {
    return changes;
  }

  /** {@code changes} of already published days as rows of {@code revisions}, recorded by the run of {@code runDate}. */
  static Dataset<Row> revisions(Dataset<Row> changes, LocalDate runDate) {
    return TableSpec.load(TableSpec.REVISIONS).conform(
        changes.withColumn(MetricsPublisher.RUN_DATE, functions.lit(java.sql.Date.valueOf(runDate))));
  }

  /**
   * Whether the published value of {@code column} was provisional: its row published with the
   * table's final flag false, or its day the last published one and the column provisional there.
   */
  private Column wasProvisional(String column, LocalDate lastPublishedDay) {
    TableSpec.Provisional provisional = spec.provisional();
    Column was = functions.lit(false);
    if (provisional == null) {
      return was;
    }
    if (provisional.whileNotFinal(column)) {
      was = was.or(functions.coalesce(functions.not(functions.col(OLD + provisional.whileNot())), functions.lit(false)));
    }
    if (provisional.onLastPublishedDay(column) && lastPublishedDay != null) {
      was = was.or(functions.coalesce(functions.col(OLD + TableSpec.DT).equalTo(functions.lit(java.sql.Date.valueOf(lastPublishedDay))),
          functions.lit(false)));
    }
    return was;
  }

  private Column rowKey(Dataset<Row> joined) {
    Column[] parts = spec.key().stream().filter(k -> !k.equals(TableSpec.DT))
        .map(k -> functions.concat(functions.lit(k + "="),
            functions.coalesce(functions.coalesce(joined.col(OLD + k), joined.col(NEW + k)).cast("string"), functions.lit("null"))))
        .toArray(Column[]::new);
    return functions.concat_ws(", ", parts);
  }

  private static Dataset<Row> prefixed(Dataset<Row> rows, String prefix) {
    return rows.select(java.util.Arrays.stream(rows.columns())
        .map(c -> functions.col(c).as(prefix + c)).toArray(Column[]::new));
  }
}

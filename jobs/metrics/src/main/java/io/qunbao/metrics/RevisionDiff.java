package io.qunbao.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Compares freshly computed rows of a metrics table with its published rows, key by key: which
 * days changed (and so must be republished) and which already published values changed (the
 * revisions an ops lead must be able to see: a refund, a late message, a maturing cohort).
 *
 * <p>Each revision has a kind. A value the table declares provisional when it was published
 * ({@link TableSpec.Provisional}: a cohort not yet final, the last published day's scan joins) that
 * changes is {@value #MATURATION}: the number filling in as designed. Any other change is
 * {@value #RESTATEMENT}: a final value corrected (a refund, a late message, a changed snapshot).
 */
final class RevisionDiff {
  static final String MATURATION = "maturation";
  static final String RESTATEMENT = "restatement";
  private static final String OLD = "old_";
  private static final String NEW = "new_";
  /** Per change: provisional by the row's final flag as published, and provisional if its day was the last published one. */
  private static final String WHILE_NOT_FINAL = "provisional_while_not_final";
  private static final String ON_LAST_DAY = "provisional_on_last_published_day";

  private final TableSpec spec;
  private final Dataset<Row> changes;

  /** One row per changed value: dt, row_key, column_name, old_value, new_value (nulls: no row), and what made it provisional. */
  RevisionDiff(TableSpec spec, Dataset<Row> fresh, Dataset<Row> published) {
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
              publishedNotFinal(column).as(WHILE_NOT_FINAL), functions.lit(provisionalOnLastDay(column)).as(ON_LAST_DAY))));
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
   * The changed values: table_name, dt, row_key, column_name, old_value, new_value, and whether the
   * value was provisional as published (for {@link #revisions}). Every day with a change (an added,
   * removed or changed row) must be republished.
   */
  Dataset<Row> changes() {
    return changes;
  }

  /**
   * Of {@code changes} of several tables, those to days already published, as revisions rows, each
   * with its kind. {@code lastRunDate}: the run date of the previous publication, whose day was then
   * the last published one (null when none is recorded: no change is then taken for that day's maturing).
   */
  static Dataset<Row> revisions(Dataset<Row> changes, Map<String, Set<LocalDate>> publishedDays, LocalDate runDate,
      LocalDate lastRunDate, TableSpec revisionsSpec) {
    Column wasPublished = functions.lit(false);
    for (Map.Entry<String, Set<LocalDate>> table : publishedDays.entrySet()) {
      if (!table.getValue().isEmpty()) {
        wasPublished = wasPublished.or(functions.col("table_name").equalTo(table.getKey())
            .and(functions.col(TableSpec.DT).isin(table.getValue().stream().map(java.sql.Date::valueOf).toArray())));
      }
    }
    Column onLastPublishedDay = lastRunDate == null ? functions.lit(false)
        : functions.col(ON_LAST_DAY).and(functions.col(TableSpec.DT).equalTo(functions.lit(java.sql.Date.valueOf(lastRunDate))));
    return revisionsSpec.conform(changes.where(wasPublished)
        .withColumn(MetricsPublisher.RUN_DATE, functions.lit(java.sql.Date.valueOf(runDate)))
        .withColumn("kind", functions.when(functions.col(WHILE_NOT_FINAL).or(onLastPublishedDay), MATURATION).otherwise(RESTATEMENT)));
  }

  /** True for a change of a value that the published row, not yet final, held provisionally. */
  private Column publishedNotFinal(String column) {
    TableSpec.Provisional provisional = spec.provisional();
    if (provisional == null || !provisional.whileNotFinal(column)) {
      return functions.lit(false);
    }
    return functions.coalesce(functions.not(functions.col(OLD + provisional.whileNot())), functions.lit(false));
  }

  private boolean provisionalOnLastDay(String column) {
    return spec.provisional() != null && spec.provisional().onLastPublishedDay(column);
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

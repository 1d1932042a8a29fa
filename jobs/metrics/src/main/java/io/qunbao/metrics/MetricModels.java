package io.qunbao.metrics;

import io.qunbao.common.config.QunbaoConfig;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The model graph of one run, in dependency order, one place per metric family (each family's
 * {@code .sql} files say which section of spec/metrics.md they implement). Expects the raw views of
 * {@link RawInputs}.
 *
 * <p>The models several families reuse (messages, membership intervals, purchases, …) are
 * materialized once with {@code localCheckpoint}: computed once, kept on the executors, and their
 * lineage cut, so the plans of the models above them stay small. (A temp view made from a
 * DataFrame embeds its whole plan; without the cut the type rollup's plan repeats the membership
 * walk dozens of times and Catalyst spends minutes planning it.) They live as long as the run holds them.
 */
final class MetricModels {
  private final SqlModels sql;

  MetricModels(SparkSession spark, QunbaoConfig config, LocalDate runDate) {
    QunbaoConfig.DeadGroup dead = config.metrics().deadGroup();
    this.sql = new SqlModels(spark, Map.of(
        "run_date", runDate,
        "zone", config.timezone(),
        "window_days", config.metrics().conversionWindowDays(),
        "dead_min_age_days", dead.minAgeDays(),
        "dead_min_active", dead.minActive(),
        "dead_min_active_share", dead.minActiveShare()));
  }

  /** Registers every view, the five metric tables and the curated ones included. */
  void register() {
    // cleaning (metrics.md, "Cleaning rules")
    materialize("cleaning", "staff_roles");
    materialize("cleaning", "group_attributes");
    materialize("cleaning", "messages");
    sql.register("cleaning", "known_groups");
    sql.register("cleaning", "orders_latest");
    materialize("cleaning", "purchases");
    sql.register("cleaning", "scans_clean");
    materialize("cleaning", "published_days");
    // membership
    materialize("membership", "membership_intervals");
    materialize("membership", "member_days");
    sql.register("membership", "membership_facts");
    // reach and activity
    sql.register("reach_activity", "activity_facts");
    sql.register("reach_activity", "reach_facts");
    // referral
    sql.register("referral", "referral_facts");
    sql.register("referral", "referrer_daily");
    // attribution and orders
    materialize("attribution", "attributed_purchases");
    sql.register("attribution", "order_facts");
    sql.register("attribution", "curated_orders");
    // repurchase, scan funnel, conversion
    sql.register("repurchase", "repurchase_30d");
    materialize("scans", "scan_joins");
    sql.register("scans", "channel_daily");
    sql.register("scans", "scan_type_daily");
    sql.register("conversion", "cohort_conversion");
    // rollups by group and by type, health
    sql.register("rollup", "daily_facts");
    materialize("rollup", "existing_groups");
    materialize("rollup", "daily_rollup");
    sql.register("rollup", "group_daily");
    sql.register("rollup", "type_daily");
    sql.register("health", "group_health");
  }

  SqlModels sql() {
    return sql;
  }

  /**
   * Registers the model as its materialized rows (eager {@code localCheckpoint}). The blocks are
   * freed by Spark's context cleaner once the run drops its references: no state outlives a run.
   */
  private void materialize(String family, String name) {
    sql.query(family, name).localCheckpoint(true).createOrReplaceTempView(name);
  }
}

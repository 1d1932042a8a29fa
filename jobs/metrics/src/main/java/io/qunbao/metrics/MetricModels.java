package io.qunbao.metrics;

import io.qunbao.common.config.QunbaoConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The model graph of one run, in dependency order, one place per metric family (each family's
 * {@code .sql} files say which section of spec/metrics.md they implement). Expects the raw views of
 * {@link RawInputs}. The tables several families reuse (messages, membership intervals, purchases)
 * are computed once and cached; {@link #release} drops those caches.
 */
final class MetricModels {
  private final SqlModels sql;
  private final List<Dataset<Row>> cached = new ArrayList<>();

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
    sql.register("cleaning", "staff_roles");
    sql.register("cleaning", "group_attributes");
    cache(sql.register("cleaning", "messages"));
    sql.register("cleaning", "known_groups");
    sql.register("cleaning", "orders_latest");
    cache(sql.register("cleaning", "purchases"));
    sql.register("cleaning", "scans_clean");
    cache(sql.register("cleaning", "published_days"));
    // membership
    cache(sql.register("membership", "membership_intervals"));
    sql.register("membership", "member_days");
    sql.register("membership", "membership_facts");
    // reach and activity
    sql.register("reach_activity", "activity_facts");
    sql.register("reach_activity", "reach_facts");
    // referral
    sql.register("referral", "referral_facts");
    // attribution and orders
    cache(sql.register("attribution", "attributed_purchases"));
    sql.register("attribution", "order_facts");
    sql.register("attribution", "curated_orders");
    // repurchase, scan funnel, conversion
    sql.register("repurchase", "repurchase_30d");
    sql.register("scans", "scan_joins");
    sql.register("scans", "channel_daily");
    sql.register("scans", "scan_type_daily");
    sql.register("conversion", "cohort_conversion");
    // rollups by group and by type, health
    cache(sql.register("rollup", "daily_facts"));
    sql.register("rollup", "existing_groups");
    sql.register("rollup", "group_daily");
    sql.register("rollup", "type_daily");
    sql.register("health", "group_health");
  }

  SqlModels sql() {
    return sql;
  }

  private void cache(Dataset<Row> model) {
    cached.add(model.persist(StorageLevel.MEMORY_AND_DISK()));
  }

  void release() {
    cached.forEach(Dataset::unpersist);
    cached.clear();
  }
}

package io.qunbao.metrics;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.metrics.recomputation.RunPlan;
import io.qunbao.metrics.recomputation.ValueKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model graph of one run, in dependency order, one place per metric family (each family's
 * {@code .sql} files say which section of spec/metrics.md they implement). Expects the raw views of
 * {@link RawInputs}. Two phases: the cleaned history the plan needs ({@link #registerCleaning}), then
 * every other model, for the days of the run's {@link RunPlan} ({@link #registerMetrics}): the plan's
 * days are bound as the parameters {@code :activity_from}, {@code :purchases_from} and
 * {@code :resume_from}, and listed in the views {@code activity_days} and {@code purchase_days}.
 *
 * <p>Messages and membership intervals, curated tables too, are written once to Parquet and read back
 * ({@link StagedCurated}). The other models several families reuse (purchases, attribution, …) are
 * materialized once with {@code localCheckpoint}: computed once, kept on the executors, and their
 * lineage cut, so the plans of the models above them stay small. (A temp view made from a
 * DataFrame embeds its whole plan; without the cut the type rollup's plan repeats the membership
 * walk dozens of times and Catalyst spends minutes planning it.) They live as long as the run holds them.
 */
final class MetricModels {
  private static final Logger log = LoggerFactory.getLogger(MetricModels.class);
  private static final StructType DAYS = new StructType().add(TableSpec.DT, DataTypes.DateType);

  private final SparkSession spark;
  private final SqlModels cleaning;
  private final StagedCurated curated;
  private final MetricsPublisher publisher;
  private SqlModels metrics;

  MetricModels(SparkSession spark, QunbaoConfig config, LocalDate runDate, StagedCurated curated,
      MetricsPublisher publisher) {
    this.spark = spark;
    this.curated = curated;
    this.publisher = publisher;
    QunbaoConfig.DeadGroup dead = config.metrics().deadGroup();
    this.cleaning = new SqlModels(spark, Map.of(
        "run_date", runDate,
        "zone", config.timezone(),
        "window_days", config.metrics().conversionWindowDays(),
        "dead_min_age_days", dead.minAgeDays(),
        "dead_min_active", dead.minActive(),
        "dead_min_active_share", dead.minActiveShare()));
  }

  /**
   * Registers the cleaned history but the messages (metrics.md, "Cleaning rules"), and returns the
   * published days: what planning the run needs.
   */
  SortedSet<LocalDate> registerCleaning() {
    materialize(cleaning, "cleaning", "staff_roles");
    materialize(cleaning, "cleaning", "group_attributes");
    cleaning.register("cleaning", "known_groups");
    cleaning.register("cleaning", "orders_latest");
    materialize(cleaning, "cleaning", "purchases");
    cleaning.register("cleaning", "scans_clean");
    materialize(cleaning, "cleaning", "published_days");
    SortedSet<LocalDate> days = new TreeSet<>();
    for (Row row : spark.table("published_days").collectAsList()) {
      days.add(row.getDate(0).toLocalDate());
    }
    return days;
  }

  /** The models of the cleaning phase: its parameters, without the plan's. */
  SqlModels cleaningSql() {
    return cleaning;
  }

  /** The models of the metrics phase (after {@link #registerMetrics}). */
  SqlModels metricsSql() {
    return metrics;
  }

  /**
   * Registers every model above the cleaning for the days of {@code plan}: the messages, then the
   * metric families, then the rollups. What the plan resumes (the messages of the days before its
   * resume point, the intervals they left) and what it carries (the published values of the days
   * recomputed for their purchases alone) are read back from the warehouse here.
   */
  void registerMetrics(RunPlan plan) {
    metrics = cleaning.with(plan.parameters());
    registerDays("activity_days", plan.recomputed(ValueKind.ACTIVITY));
    registerDays("purchase_days", plan.recomputed(ValueKind.PURCHASES));
    for (String table : TableSpec.PUBLISHED_METRICS) {
      TableSpec spec = TableSpec.load(table);
      if (spec.recomputation().carriesPublished()) {
        publisher.readPublished(spec, plan.carriedDays()).createOrReplaceTempView("published_" + table);
      }
    }
    registerMessages(plan);
    // membership: the walk resumes from the intervals published before this run, or walks every day
    TableSpec intervals = TableSpec.load("membership_intervals");
    Optional<Dataset<Row>> publishedIntervals = plan.resumes() ? publisher.readPublishedCurated(intervals) : Optional.empty();
    publishedIntervals.orElseGet(() -> publisher.emptyTable(intervals))
        .createOrReplaceTempView("published_membership_intervals");
    stageCurated(metrics, "membership", "membership_intervals");
    // members are counted per group, type, owner and campaign (a campaign's groups)
    materialize(metrics, "campaigns", "campaign_groups");
    metrics.register("membership", "member_scopes");
    materialize(metrics, "membership", "member_counts");
    metrics.register("membership", "membership_facts");
    // reach and activity
    metrics.register("reach_activity", "activity_facts");
    metrics.register("reach_activity", "reach_facts");
    // referral
    materialize(metrics, "referral", "referred_joins");
    metrics.register("referral", "referral_facts");
    metrics.register("referral", "referrer_daily");
    // attribution and orders
    materialize(metrics, "attribution", "attributed_purchases");
    metrics.register("attribution", "order_facts");
    metrics.register("attribution", "curated_orders");
    // repurchase, scan funnel, conversion
    metrics.register("repurchase", "repurchase_30d");
    materialize(metrics, "scans", "scan_joins");
    metrics.register("scans", "channel_daily");
    metrics.register("scans", "scan_type_daily");
    materialize(metrics, "conversion", "first_joins_to_type");
    metrics.register("campaigns", "code_joiners");
    materialize(metrics, "conversion", "window_purchases");
    metrics.register("conversion", "cohort_conversion");
    // rollups by group and by type, health
    metrics.register("rollup", "daily_facts");
    materialize(metrics, "rollup", "existing_groups");
    metrics.register("rollup", "carried_activity");
    materialize(metrics, "rollup", "daily_rollup");
    metrics.register("rollup", "group_daily");
    metrics.register("rollup", "type_daily");
    // read by the owners' rows too
    materialize(metrics, "health", "group_health");
    // referral chains, live-code campaigns, group owners (metrics.md, "Beyond the core tables")
    registerGenerations(metrics);
    metrics.register("referral", "classified_referrals");
    metrics.register("referral", "referral_daily");
    metrics.register("campaigns", "campaign_daily");
    metrics.register("owners", "owner_daily");
  }

  /**
   * Registers {@code generations}: every customer's generation, following the chains of first joins
   * back in time by pointer jumping (generation_links.sql, generation_step.sql), so a chain n deep takes
   * about log2(n) rounds of one join each.
   */
  private static void registerGenerations(SqlModels sql) {
    long start = System.nanoTime();
    materialize(sql, "referral", "first_joins");
    sql.describeJobs("model referral/generation_step");
    int rounds = sql.iterate("referral", "generation_chain", "generation_links", "generation_step", "ancestor_id is not null");
    materialize(sql, "referral", "generations");
    log.info("referral chains: generations resolved in {} rounds of pointer jumping, {} ms", rounds,
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Registers the cleaned messages (metrics.md, cleaning rules 1, 5 and 7), kept by day: the days from
   * the plan's resume point cleaned from the landed chat and staged, the days before it as published.
   * Only a nightly run resumes, at its first recomputed day: nothing before it changes, and every day
   * before it has its published messages (a day without is a first unpublished day). The staged days
   * are published with every one of the run's days and of the days published before from there, so a
   * day left without messages becomes an empty partition.
   */
  private void registerMessages(RunPlan plan) {
    TableSpec spec = TableSpec.load(TableSpec.MESSAGES);
    Set<LocalDate> published = plan.publishedBefore(TableSpec.MESSAGES);
    Set<LocalDate> republished = new TreeSet<>(plan.days());
    republished.addAll(published);
    // a night's candidates are few, kept for the three passes of the deduplication; every day's are
    // the landed chat itself, read as each pass needs it
    if (plan.resumes()) {
      materialize(metrics, "cleaning", "message_candidates");
    } else {
      metrics.register("cleaning", "message_candidates");
    }
    metrics.describeJobs("model cleaning/" + TableSpec.MESSAGES);
    Dataset<Row> cleaned = curated.stageDays(TableSpec.MESSAGES, metrics.query("cleaning", TableSpec.MESSAGES),
        plan.resumeFrom(), republished);
    Set<LocalDate> kept = new TreeSet<>(published);
    kept.removeIf(day -> !day.isBefore(plan.resumeFrom()));
    cleaned.union(publisher.readPublishedCurated(spec, kept)).createOrReplaceTempView(TableSpec.MESSAGES);
  }

  private void registerDays(String view, SortedSet<LocalDate> days) {
    List<Row> rows = days.stream().map(day -> RowFactory.create(java.sql.Date.valueOf(day))).toList();
    spark.createDataFrame(rows, DAYS).createOrReplaceTempView(view);
  }

  /**
   * {@link SqlModels#materialize}, with the Spark jobs named after the model. The blocks are freed by
   * Spark's context cleaner once the run drops its references: no state outlives a run.
   */
  private static void materialize(SqlModels sql, String family, String name) {
    // names the Spark jobs (UI, event log) after the model rather than the call site
    sql.describeJobs("model " + family + "/" + name);
    sql.materialize(family, name);
  }

  /** Registers a model that is also a curated table as its staged Parquet, read back ({@link StagedCurated}). */
  private void stageCurated(SqlModels sql, String family, String name) {
    sql.describeJobs("model " + family + "/" + name);
    curated.stage(name, sql.query(family, name)).createOrReplaceTempView(name);
  }
}

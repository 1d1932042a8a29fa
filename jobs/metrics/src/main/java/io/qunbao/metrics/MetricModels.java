package io.qunbao.metrics;

import io.qunbao.common.config.QunbaoConfig;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model graph of one run, in dependency order, one place per metric family (each family's
 * {@code .sql} files say which section of spec/metrics.md they implement). Expects the raw views of
 * {@link RawInputs}. Two phases: the cleaned history every day needs ({@link #registerCleaning}),
 * then the metrics of the days from a given one to the run date ({@link #registerMetrics}): the
 * models bound their day-by-day work with {@code :from_day}, and {@code computed_days} lists the days.
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
  /** The published tables whose counts the days that only purchases change keep ({@code published_<table>}). */
  private static final List<String> CARRIED = List.of("group_daily", "type_daily", "campaign_daily", "owner_daily");
  /** Where a walk that does not resume starts: before every day (the earliest date Spark holds). */
  private static final LocalDate EVERY_DAY = LocalDate.of(1, 1, 1);

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
   * published days: what finding the days to recompute needs.
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

  /** Registers the whole model graph: the cleaning, the messages of every day, the metrics from {@code fromDay}. */
  void registerAll(LocalDate fromDay) {
    registerMessages(null, registerCleaning(), publisher.publishedCuratedDays(TableSpec.MESSAGES));
    registerMetrics(fromDay, fromDay, Set.of(), false);
  }

  /**
   * Registers the cleaned messages (metrics.md, cleaning rules 1, 5 and 7), kept by day: the days from
   * {@code resumeFrom} cleaned from the landed chat and staged, the days before it as published. Only
   * a nightly run may resume, at its first recomputed day: nothing before it changes, and every day
   * before it has its published messages (a day without is a first unpublished day, {@link
   * AffectedDays}). Without it (null) every day is cleaned. The staged days are published with every
   * one of {@code days} and of the days {@code published} before from there, so a day left without
   * messages becomes an empty partition.
   */
  void registerMessages(LocalDate resumeFrom, SortedSet<LocalDate> days, Set<LocalDate> published) {
    TableSpec spec = TableSpec.load(TableSpec.MESSAGES);
    LocalDate from = resumeFrom == null ? EVERY_DAY : resumeFrom;
    Set<LocalDate> republished = new TreeSet<>(days);
    republished.addAll(published);
    SqlModels sql = cleaning.with("clean_from_day", from);
    // a night's candidates are few (on tier M 1.7M of 9.7M chat rows), kept for the three passes of
    // the deduplication; every day's are the landed chat itself, read as each pass needs it
    if (resumeFrom != null) {
      materialize(sql, "cleaning", "message_candidates");
    } else {
      sql.register("cleaning", "message_candidates");
    }
    sql.describeJobs("model cleaning/" + TableSpec.MESSAGES);
    Dataset<Row> cleaned = curated.stageDays(TableSpec.MESSAGES, sql.query("cleaning", TableSpec.MESSAGES), from, republished);
    Set<LocalDate> kept = new TreeSet<>(published);
    kept.removeIf(day -> !day.isBefore(from));
    cleaned.union(publisher.readPublishedCurated(spec, kept)).createOrReplaceTempView(TableSpec.MESSAGES);
  }

  /**
   * Registers every other view: the metrics of the days from {@code fromDay}, and the values counted
   * from purchases also on the days from {@code ordersFromDay} (never later). {@code carriedDays}, the
   * published days between the two, keep their other counts as published. With {@code resumeWalk} the
   * membership walk resumes at {@code fromDay} from the published intervals: only a nightly run may,
   * whose {@code fromDay} nothing earlier can change (a backfill's range start is not such a day).
   */
  void registerMetrics(LocalDate fromDay, LocalDate ordersFromDay, Set<LocalDate> carriedDays, boolean resumeWalk) {
    // membership: the walk resumes from the intervals published before this run; without them (not a
    // nightly run, or none published: a crash between the two renames of their swap) it walks every day
    TableSpec intervals = TableSpec.load("membership_intervals");
    Optional<Dataset<Row>> publishedIntervals = resumeWalk ? publisher.readPublishedCurated(intervals) : Optional.empty();
    publishedIntervals.orElseGet(() -> publisher.emptyTable(intervals))
        .createOrReplaceTempView("published_membership_intervals");
    SqlModels sql = cleaning.with("from_day", fromDay).with("orders_from_day", ordersFromDay)
        .with("walk_from_day", publishedIntervals.isPresent() ? fromDay : EVERY_DAY);
    metrics = sql;
    for (String table : CARRIED) {
      publisher.readPublished(TableSpec.load(table), carriedDays).createOrReplaceTempView("published_" + table);
    }
    sql.register("cleaning", "computed_days");
    sql.register("cleaning", "order_days");
    // membership; its members are counted per group, type, owner and campaign (a campaign's groups)
    stageCurated(sql, "membership", "membership_intervals");
    materialize(sql, "campaigns", "campaign_groups");
    sql.register("membership", "member_scopes");
    materialize(sql, "membership", "member_counts");
    sql.register("membership", "membership_facts");
    // reach and activity
    sql.register("reach_activity", "activity_facts");
    sql.register("reach_activity", "reach_facts");
    // referral
    materialize(sql, "referral", "referred_joins");
    sql.register("referral", "referral_facts");
    sql.register("referral", "referrer_daily");
    // attribution and orders
    materialize(sql, "attribution", "attributed_purchases");
    sql.register("attribution", "order_facts");
    sql.register("attribution", "curated_orders");
    // repurchase, scan funnel, conversion
    sql.register("repurchase", "repurchase_30d");
    materialize(sql, "scans", "scan_joins");
    sql.register("scans", "channel_daily");
    sql.register("scans", "scan_type_daily");
    materialize(sql, "conversion", "first_joins_to_type");
    sql.register("campaigns", "code_joiners");
    materialize(sql, "conversion", "window_purchases");
    sql.register("conversion", "cohort_conversion");
    // rollups by group and by type, health
    sql.register("rollup", "daily_facts");
    materialize(sql, "rollup", "existing_groups");
    sql.register("rollup", "carried_activity");
    materialize(sql, "rollup", "daily_rollup");
    sql.register("rollup", "group_daily");
    sql.register("rollup", "type_daily");
    // read by the owners' rows too
    materialize(sql, "health", "group_health");
    // referral chains, live-code campaigns, group owners (metrics.md, "Beyond the core tables")
    registerGenerations(sql);
    sql.register("referral", "classified_referrals");
    sql.register("referral", "referral_daily");
    sql.register("campaigns", "campaign_daily");
    sql.register("owners", "owner_daily");
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

  /** The models of the cleaning phase: its parameters, without {@code :from_day}. */
  SqlModels cleaningSql() {
    return cleaning;
  }

  /** The models of the metrics phase (after {@link #registerMetrics}). */
  SqlModels metricsSql() {
    return metrics;
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

package io.qunbao.reports.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qunbao.common.Source;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.reports.ReportSettings;
import io.qunbao.reports.purpose.Purpose.GroupStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the report's data for one day from the warehouse: the published metric tables, the
 * optional {@code revisions}, {@code referrer_daily}, {@code referral_daily}, {@code campaign_daily}
 * and {@code owner_daily} tables (an older warehouse has not got them), the groups and staff
 * snapshots (for names and owners only) and each source's ingest summary. Only the partitions the report draws
 * are read: about 30 days (the cohorts back to the baseline of the latest final one), and the
 * revisions of the last {@code report.restatements.runs} runs.
 */
public final class ReportDataLoader {
  private static final Logger log = LoggerFactory.getLogger(ReportDataLoader.class);

  /** The trends and the lifecycle curve cover 30 days, the report day included. */
  public static final int TREND_DAYS = 30;
  public static final List<String> SOURCES = Source.ids();

  private final Storage storage;
  private final Warehouse warehouse;
  private final ParquetTables tables;
  private final ReportSettings settings;

  public ReportDataLoader(Storage storage, Warehouse warehouse, ReportSettings settings) {
    this.storage = storage;
    this.warehouse = warehouse;
    this.tables = new ParquetTables(storage, new PartitionPublisher(storage, warehouse));
    this.settings = settings;
  }

  public ReportData load(LocalDate day) {
    int baselineDays = settings.report().baseline().days();
    LocalDate trendStart = day.minusDays(TREND_DAYS - 1);
    LocalDate typeStart = earlier(trendStart, day.minusDays(baselineDays));
    // conversion is judged on the latest final cohort (day - window), against the cohorts of the baseline before it
    LocalDate cohortStart = earlier(trendStart, day.minusDays(settings.metrics().conversionWindowDays() + (long) baselineDays));
    List<TypeDay> typeDays = metrics("type_daily", typeStart, day, TypeDay::from);
    List<Cohort> cohorts = metrics("cohort_conversion", cohortStart, day, Cohort::from);
    List<ChannelDay> channels = metrics("channel_daily", day, day, ChannelDay::from);
    List<GroupHealth> health = metrics("group_health", trendStart, day, GroupHealth::from);
    List<GroupActivity> activity = metrics("group_daily", trendStart, day, GroupActivity::from);
    Optional<List<Referrer>> referrers = optionalMetrics("referrer_daily", day, Referrer::from);
    Optional<List<ReferralDay>> referral = optionalMetrics("referral_daily", day, ReferralDay::from);
    Optional<List<CampaignDay>> campaigns = optionalMetrics("campaign_daily", day, CampaignDay::from);
    Optional<List<OwnerDay>> owners = optionalMetrics("owner_daily", day, OwnerDay::from).map(o -> named(o, day));
    List<LocalDate> runs = lastRuns(day);
    List<Revision> revisions = runs.isEmpty() ? List.of() : metrics("revisions", "run_date", runs.get(runs.size() - 1), day, Revision::from);
    List<QuietGroup> quiet = quietGroups(health.stream().filter(h -> h.day().equals(day)).toList(), day);
    return new ReportData(day, typeDays, cohorts, channels, health, activity, quiet, referrers, referral, campaigns, owners, runs, revisions,
        dataQuality(day));
  }

  private <T> List<T> metrics(String table, LocalDate from, LocalDate to, Function<Row, T> type) {
    return metrics(table, "dt", from, to, type);
  }

  private <T> List<T> metrics(String table, String partitionKey, LocalDate from, LocalDate to, Function<Row, T> type) {
    long start = System.nanoTime();
    List<T> rows = tables.read(warehouse.metricsTable(table), partitionKey, from, to).stream().map(type).toList();
    log.info("report: read {} {} … {}: {} rows in {} ms", table, from, to, rows.size(), (System.nanoTime() - start) / 1_000_000);
    return rows;
  }

  /** A table the metrics job may not publish: empty when its partition of {@code day} is absent. */
  private <T> Optional<List<T>> optionalMetrics(String table, LocalDate day, Function<Row, T> type) {
    if (!tables.isPublished(warehouse.metrics(table, day))) {
      log.info("report: no published {} partition for {}; that part of the report says so", table, day);
      return Optional.empty();
    }
    return Optional.of(metrics(table, day, day, type));
  }

  /** The run dates of the last {@code report.restatements.runs} runs that recorded revisions, up to {@code day}, newest first. */
  private List<LocalDate> lastRuns(LocalDate day) {
    return tables.partitions(warehouse.metricsTable("revisions"), "run_date").headMap(day, true).descendingMap().entrySet().stream()
        .filter(run -> tables.isPublished(run.getValue()))
        .map(Map.Entry::getKey)
        .limit(settings.report().restatements().runs())
        .toList();
  }

  /**
   * The groups of {@code day} that are quiet by their type's rule (dying, or ended after their
   * lifespan), with names and owners: each group's attributes come from the latest groups
   * snapshot on or before {@code day} that lists it (spec/metrics.md rule 4), so snapshots are read
   * newest first until every group is found.
   */
  private List<QuietGroup> quietGroups(List<GroupHealth> groupsOfTheDay, LocalDate day) {
    Map<GroupHealth, GroupStatus> quiet = new LinkedHashMap<>();
    for (GroupHealth group : groupsOfTheDay) {
      GroupStatus status = settings.purposes().of(group.type()).status(group);
      if (status != GroupStatus.LIVELY) quiet.put(group, status);
    }
    Map<String, Row> groups = latestListing("groups", "group_id", quiet.keySet().stream().map(GroupHealth::groupId).toList(), day);
    List<String> owners = groups.values().stream().map(r -> r.string("owner_id")).distinct().toList();
    Map<String, Row> staff = latestListing("staff", "member_id", owners, day);
    List<QuietGroup> result = new ArrayList<>();
    quiet.forEach((group, status) -> {
      Row listing = groups.get(group.groupId());
      String ownerId = listing == null ? null : listing.string("owner_id");
      Row owner = ownerId == null ? null : staff.get(ownerId);
      result.add(new QuietGroup(group, status, listing == null ? null : listing.string("group_name"), ownerId,
          owner == null ? null : owner.string("name")));
    });
    return result;
  }

  /** The owners with their names from the latest staff snapshot on or before {@code day} that lists them. */
  private List<OwnerDay> named(List<OwnerDay> owners, LocalDate day) {
    Map<String, Row> staff = latestListing("staff", "member_id", owners.stream().map(OwnerDay::ownerId).toList(), day);
    return owners.stream().map(o -> o.named(staff.containsKey(o.ownerId()) ? staff.get(o.ownerId()).string("name") : null)).toList();
  }

  private Map<String, Row> latestListing(String source, String idColumn, List<String> ids, LocalDate day) {
    Map<String, Row> found = new HashMap<>();
    Set<String> wanted = new HashSet<>(ids);
    for (Path snapshot : tables.partitions(warehouse.rawTable(source), "export_date").headMap(day, true).descendingMap().values()) {
      if (wanted.isEmpty()) break;
      if (!tables.isPublished(snapshot)) continue;
      // Within one snapshot, on a repeated id the later source file, then the later line wins.
      Map<String, Row> listed = new HashMap<>();
      tables.readAll(snapshot).stream()
          .sorted(Comparator.comparing((Row row) -> String.valueOf(row.string("source_file")))
              .thenComparing(row -> row.count("source_line"), Comparator.nullsFirst(Comparator.naturalOrder())))
          .forEach(row -> listed.put(row.string(idColumn), row));
      for (String id : List.copyOf(wanted)) {
        if (listed.containsKey(id)) {
          found.put(id, listed.get(id));
          wanted.remove(id);
        }
      }
    }
    return found;
  }

  /**
   * Per source: rows landed and rejected in the report day's export and its late rows, from the
   * ingest summary {@code _INGEST.json} when there is one, else counted from the Parquet footers of
   * the landed and rejected partitions (late rows are then unknown).
   */
  private List<SourceQuality> dataQuality(LocalDate day) {
    List<SourceQuality> quality = new ArrayList<>();
    for (String source : SOURCES) {
      Path landed = warehouse.raw(source, day);
      Optional<JsonNode> summary = ingestSummary(new Path(landed, "_INGEST.json"));
      Optional<Long> landedRows = tables.rowCount(landed);
      quality.add(new SourceQuality(
          source,
          landedRows.isPresent(),
          summary.flatMap(s -> number(s, "rows_written", "rowsWritten")).or(() -> landedRows).orElse(null),
          summary.flatMap(s -> number(s, "rows_rejected", "rowsRejected")).or(() -> tables.rowCount(warehouse.rejects(source, day))).orElse(null),
          summary.flatMap(s -> number(s, "late_rows", "lateRows")).orElse(null)));
    }
    return quality;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private Optional<JsonNode> ingestSummary(Path file) {
    FileSystem fs = storage.fileSystem(file);
    try {
      if (!fs.exists(file)) return Optional.empty();
      try (InputStream in = fs.open(file)) {
        return Optional.of(new ObjectMapper().readTree(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ingest summary " + file, e);
    }
  }

  private static Optional<Long> number(JsonNode summary, String... names) {
    for (String name : names) {
      JsonNode value = summary.get(name);
      if (value != null && value.isNumber()) return Optional.of(value.asLong());
    }
    return Optional.empty();
  }
}

package io.qunbao.reports.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * optional {@code revisions} and {@code referrer_daily} tables, the groups and staff snapshots (for
 * names and owners only) and each source's ingest summary. Only the partitions the report draws
 * are read (about 30 days, the cohorts 37).
 */
public final class ReportDataLoader {
  private static final Logger log = LoggerFactory.getLogger(ReportDataLoader.class);

  /** The trends and the lifecycle curve cover 30 days, the report day included. */
  public static final int TREND_DAYS = 30;
  public static final List<String> SOURCES = List.of("chat", "orders", "scans", "groups", "staff");

  private final Storage storage;
  private final Warehouse warehouse;
  private final ParquetTables tables;
  private final int conversionWindowDays;

  public ReportDataLoader(Storage storage, Warehouse warehouse, int conversionWindowDays) {
    this.storage = storage;
    this.warehouse = warehouse;
    this.tables = new ParquetTables(storage);
    this.conversionWindowDays = conversionWindowDays;
  }

  public ReportData load(LocalDate day) {
    LocalDate trendStart = day.minusDays(TREND_DAYS - 1);
    // The headline conversion compares the latest final cohort (day - window) with the cohort 7 days before it.
    LocalDate cohortStart = day.minusDays(conversionWindowDays + 7L).isBefore(trendStart)
        ? day.minusDays(conversionWindowDays + 7L) : trendStart;
    List<TypeDay> typeDays = metrics("type_daily", trendStart, day, TypeDay::from);
    List<Cohort> cohorts = metrics("cohort_conversion", cohortStart, day, Cohort::from);
    List<ChannelDay> channels = metrics("channel_daily", day, day, ChannelDay::from);
    List<GroupHealth> health = metrics("group_health", trendStart, day, GroupHealth::from);
    List<GroupActivity> activity = metrics("group_daily", trendStart, day, GroupActivity::from);
    Optional<List<Referrer>> referrers = optionalMetrics("referrer_daily", day, Referrer::from);
    List<Revision> revisions = revisions(cohortStart, day);
    List<DeadGroup> dead = deadGroups(health.stream().filter(h -> h.day().equals(day) && h.isDead()).toList(), day);
    return new ReportData(day, typeDays, cohorts, channels, health, activity, dead, referrers, revisions, dataQuality(day));
  }

  private <T> List<T> metrics(String table, LocalDate from, LocalDate to, Function<Row, T> type) {
    long start = System.nanoTime();
    List<T> rows = tables.read(warehouse.metricsTable(table), "dt", from, to).stream().map(type).toList();
    log.info("report: read {} {} … {}: {} rows in {} ms", table, from, to, rows.size(), (System.nanoTime() - start) / 1_000_000);
    return rows;
  }

  /** A table the metrics job may not publish: empty when its partition of {@code day} is absent. */
  private <T> Optional<List<T>> optionalMetrics(String table, LocalDate day, Function<Row, T> type) {
    if (!tables.publishedPartitions(warehouse.metricsTable(table), "dt").containsKey(day)) {
      log.info("report: no published {} partition for {}; that part of the report says so", table, day);
      return Optional.empty();
    }
    return Optional.of(metrics(table, day, day, type));
  }

  private List<Revision> revisions(LocalDate from, LocalDate to) {
    List<Revision> revisions = tables.readAll(warehouse.metricsTable("revisions")).stream()
        .map(Revision::from)
        .filter(r -> r.day() != null && !r.day().isBefore(from) && !r.day().isAfter(to))
        .toList();
    log.info("report: {} revisions of days {} … {}", revisions.size(), from, to);
    return revisions;
  }

  /**
   * Names and owners of the dead groups: each group's attributes come from the latest groups
   * snapshot on or before {@code day} that lists it (spec/metrics.md rule 4), so snapshots are read
   * newest first until every group is found.
   */
  private List<DeadGroup> deadGroups(List<GroupHealth> dead, LocalDate day) {
    Map<String, Row> groups = latestListing("groups", "group_id", dead.stream().map(GroupHealth::groupId).toList(), day);
    List<String> owners = groups.values().stream().map(r -> r.string("owner_id")).distinct().toList();
    Map<String, Row> staff = latestListing("staff", "member_id", owners, day);
    List<DeadGroup> result = new ArrayList<>();
    for (GroupHealth group : dead) {
      Row listing = groups.get(group.groupId());
      String ownerId = listing == null ? null : listing.string("owner_id");
      Row owner = ownerId == null ? null : staff.get(ownerId);
      result.add(new DeadGroup(group, listing == null ? null : listing.string("group_name"), ownerId,
          owner == null ? null : owner.string("name")));
    }
    return result;
  }

  private Map<String, Row> latestListing(String source, String idColumn, List<String> ids, LocalDate day) {
    Map<String, Row> found = new HashMap<>();
    Set<String> wanted = new HashSet<>(ids);
    for (Path snapshot : tables.publishedPartitions(warehouse.rawTable(source), "export_date").headMap(day, true).descendingMap().values()) {
      if (wanted.isEmpty()) break;
      // Within one snapshot the later file, then the later line wins: rows are read in that order.
      Map<String, Row> listed = new HashMap<>();
      for (Row row : tables.readAll(snapshot)) {
        listed.put(row.string(idColumn), row);
      }
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

package io.qunbao.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Warehouses for the report's tests, written as Parquet by DuckDB (not by the code under test):
 * the spec's worked example (its expected metric tables, real rows) and a 30-day history so the
 * trends, the lifecycle curve and the changes against 7 days before have data.
 */
final class ReportFixtures {
  /** The worked example's report days: its metric tables hold 2026-10-01 … 2026-10-03. */
  static final LocalDate EXAMPLE_FIRST_DAY = LocalDate.parse("2026-10-01");
  static final LocalDate EXAMPLE_LAST_DAY = LocalDate.parse("2026-10-03");
  static final List<String> TABLES = List.of("type_daily", "group_daily", "cohort_conversion", "channel_daily", "group_health");
  private static final Set<String> TEXT_COLUMNS = Set.of("group_type", "group_id", "code_id", "channel");

  private ReportFixtures() {}

  /** The spec's example folder, found from the working directory up ({@code shared/} lies beside the repository). */
  static Path exampleExpected() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate : List.of(dir.resolve("shared/spec/example/expected"), dir.resolve("spec/example/expected"))) {
        if (Files.isDirectory(candidate)) return candidate;
      }
    }
    throw new IllegalStateException("shared/spec/example/expected not found above " + Path.of("").toAbsolutePath());
  }

  /** {@code warehouse/metrics/<table>/dt=D/} from the example's expected CSVs, each partition published. */
  static void example(Path warehouse) {
    Path expected = exampleExpected();
    for (String table : TABLES) {
      Path csv = expected.resolve(table + ".csv");
      copy("SELECT " + typedColumns(header(csv)) + " FROM read_csv('" + csv + "', header = true, all_varchar = true)",
          warehouse.resolve("metrics/" + table));
    }
  }

  /**
   * 37 days ending {@code day} for four group types (traffic 3 groups, new_user 2, camp 1, and vip
   * 1 with 20 members, a small denominator), with smooth made-up patterns; rates are computed from
   * the counts, as the metrics job does. On {@code day} itself new_user's and vip's activity drop
   * to a fifth: new_user's leaves its usual band, vip's is too small to flag. Plus: eight runs of
   * {@code revisions} ({@link #revisions}), groups (camp and flash ones quiet young) and staff
   * snapshots naming owners, the day's ingest summary of chat, a rejected orders row, five live
   * codes of which two have too few scanners to rank, the optional per-referrer table, and the
   * referral, campaign and owner tables ({@link #beyondTheCore}).
   */
  static void history(Path warehouse, LocalDate day) {
    LocalDate first = day.minusDays(36);
    String days = "SELECT CAST(d AS DATE) AS dt, date_diff('day', DATE '" + first + "', CAST(d AS DATE)) AS i"
        + " FROM range(DATE '" + first + "', DATE '" + day.plusDays(1) + "', INTERVAL 1 DAY) r(d)";
    String types = "(VALUES ('traffic', 3, 600, 1.0, 4), ('new_user', 2, 240, 1.6, 4), ('camp', 1, 90, 0.6, 4), ('vip', 1, 20, 0.5, 0))"
        + " t(group_type, n_groups, base, f, growth)";
    copy("""
        WITH c AS (
          SELECT dt, group_type, CAST(n_groups AS BIGINT) AS groups, CAST(base + growth * i AS BIGINT) AS members,
                 CAST((base + growth * i) * (0.10 + 0.1 * f + 0.05 * sin(i))
                     * CASE WHEN dt = DATE '%s' AND group_type IN ('new_user', 'vip') THEN 0.2 ELSE 1 END AS BIGINT) AS active_members,
                 CAST((base + growth * i) * (0.50 + 0.15 * f + 0.02 * cos(i)) AS BIGINT) AS reached_members,
                 CAST((3 + (i %% 5)) * f AS BIGINT) AS referred_joins, CAST(2 + (i %% 3) AS BIGINT) AS referrers,
                 CAST(5 + (i %% 7) AS BIGINT) AS orders, CAST(4 + (i %% 6) AS BIGINT) AS buyers,
                 CAST((5 + (i %% 7)) * 88.5 AS DECIMAL(18,2)) AS gmv,
                 CAST((40 + i) * f AS BIGINT) AS scans, CAST((30 + i) * f AS BIGINT) AS scanners, CAST((10 + i / 3) * f AS BIGINT) AS scan_joins,
                 CAST(50 + i AS BIGINT) AS repurchase_buyers_30d, CAST((8 + i / 4) * f AS BIGINT) AS repeat_buyers_30d
          FROM (%s), %s)
        SELECT dt, group_type, groups, members, CAST(5 AS BIGINT) AS joins, CAST(2 AS BIGINT) AS leaves, active_members,
               active_members / members AS activity_rate, CAST(active_members * 3 AS BIGINT) AS messages,
               CAST(4 AS BIGINT) AS official_messages, reached_members, reached_members / members AS reach_rate,
               referred_joins, referrers, referred_joins / members AS k_factor, orders, buyers, gmv, scans, scanners,
               scan_joins, scan_joins / scanners AS scan_join_rate, repurchase_buyers_30d, repeat_buyers_30d,
               repeat_buyers_30d / repurchase_buyers_30d AS repurchase_rate_30d
        FROM c
        UNION ALL
        SELECT dt, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               CAST(1 AS BIGINT), CAST(1 AS BIGINT), CAST(12.50 AS DECIMAL(18,2)), NULL, NULL, NULL, NULL,
               CAST(3 AS BIGINT), CAST(0 AS BIGINT), CAST(0.0 AS DOUBLE)
        FROM (%s)
        """.formatted(day, days, types, days), warehouse.resolve("metrics/type_daily"));
    copy("""
        SELECT dt, group_type, 7 AS window_days, CAST(20 + i AS BIGINT) AS joiners, CAST((2 + i / 4) * f AS BIGINT) AS converted,
               CAST((2 + i / 4) * f AS BIGINT) / CAST(20 + i AS BIGINT) AS conversion_rate, CAST(5 AS BIGINT) AS referred_joiners,
               CAST(1 AS BIGINT) AS referred_converted, CAST((2 + i / 4) * 99 AS DECIMAL(18,2)) AS gmv_in_window,
               dt + 7 <= DATE '%s' AS is_final
        FROM (%s), %s
        """.formatted(day, days, types), warehouse.resolve("metrics/cohort_conversion"));
    // Groups created 40, 20, 12, 8, 4 and 2 days before the report day: busy when young, then quiet
    // (from 10 days old); and a camp (5 days) and a flash group (6 days) already quiet.
    String groups = "(VALUES ('gT1', 'traffic', 40), ('gT2', 'traffic', 20), ('gT3', 'traffic', 8), ('gN1', 'new_user', 12),"
        + " ('gN2', 'new_user', 4), ('gC1', 'camp', 2), ('gC2', 'camp', 5), ('gF1', 'flash', 6)) g(group_id, group_type, created_days_before)";
    String groupDays = "SELECT dt, group_id, group_type, CAST(date_diff('day', DATE '" + day + "', dt) + created_days_before AS INTEGER) AS age_days"
        + " FROM (" + days + "), " + groups + " WHERE date_diff('day', DATE '" + day + "', dt) + created_days_before >= 0";
    copy("""
        SELECT dt, group_id, group_type, CAST(120 AS BIGINT) AS members, CAST(3 AS BIGINT) AS joins, CAST(1 AS BIGINT) AS leaves,
               CAST(greatest(1, 120 * 0.6 * exp(-age_days / CASE group_type WHEN 'traffic' THEN 6.0 WHEN 'new_user' THEN 3.0 ELSE 12.0 END)) AS BIGINT) AS active_members, CAST(30 AS BIGINT) AS messages,
               CAST(2 AS BIGINT) AS official_messages, CAST(90 AS BIGINT) AS reached_members, CAST(1 AS BIGINT) AS referred_joins,
               CAST(1 AS BIGINT) AS orders, CAST(1 AS BIGINT) AS buyers, CAST(88.00 AS DECIMAL(18,2)) AS gmv
        FROM (%s)
        """.formatted(groupDays), warehouse.resolve("metrics/group_daily"));
    copy("""
        SELECT dt, group_id, group_type, age_days, CAST(120 AS BIGINT) AS members,
               CAST(CASE WHEN age_days >= 10 OR group_id IN ('gC2', 'gF1') THEN 2 ELSE 20 END AS BIGINT) AS active_7d, CAST(40 AS BIGINT) AS messages_7d,
               age_days >= 10 AS is_dead
        FROM (%s)
        """.formatted(groupDays), warehouse.resolve("metrics/group_health"));
    copy("""
        SELECT DATE '%s' AS dt, code_id, channel, group_type, CAST(scans AS BIGINT) AS scans, CAST(scanners AS BIGINT) AS scanners,
               CAST(scan_joins AS BIGINT) AS scan_joins, scan_joins / scanners AS scan_join_rate
        FROM (VALUES ('poster-a', 'poster', 'traffic', 620, 500, 400), ('live-7', 'live', 'camp', 45, 40, 34),
                     ('moments-1', 'moments', 'traffic', 70, 60, 30), ('solo', 'poster', 'traffic', 1, 1, 1),
                     ('store-qr', NULL, 'new_user', 9, 8, 1)) v(code_id, channel, group_type, scans, scanners, scan_joins)
        """.formatted(day), warehouse.resolve("metrics/channel_daily"));
    // 12 referrers, so the report's top 10 leaves two out: c01 brought 12 joins, c12 brought 1.
    copy("""
        SELECT DATE '%s' AS dt, printf('c%%02d', i) AS referrer_id, CASE WHEN i %% 2 = 0 THEN 'traffic' ELSE 'new_user' END AS group_type,
               CAST(13 - i AS BIGINT) AS referred_joins
        FROM range(1, 13) r(i)
        """.formatted(day), warehouse.resolve("metrics/referrer_daily"));
    beyondTheCore(warehouse, day);
    revisions(warehouse, day);
    copy("""
        SELECT DATE '%s' AS export_date, group_id, 'group ' || group_id AS group_name, group_type, 'owner-' || group_type AS owner_id,
               'groups/x/groups.csv' AS source_file, CAST(row_number() OVER () + 1 AS BIGINT) AS source_line
        FROM %s
        UNION ALL
        -- gT1 listed twice in one snapshot: line 1 of a later file wins over the earlier file's row
        SELECT DATE '%s', 'gT1', 'old name of gT1', 'traffic', 'owner-traffic', 'groups/x/a-first.csv', CAST(9 AS BIGINT)
        """.formatted(day.minusDays(2), groups, day.minusDays(2)), warehouse.resolve("raw/groups"), "export_date");
    copy("""
        SELECT DATE '%s' AS export_date, * FROM (VALUES ('owner-traffic', 'owner', '王小明'), ('owner-camp', 'owner', NULL)) s(member_id, role, name)
        """.formatted(day.minusDays(10)), warehouse.resolve("raw/staff"), "export_date");
    copy("SELECT DATE '" + day + "' AS export_date, i AS line FROM range(0, 1000) r(i)", warehouse.resolve("raw/chat"), "export_date");
    copy("SELECT DATE '" + day + "' AS export_date, i AS line FROM range(0, 199) r(i)", warehouse.resolve("raw/orders"), "export_date");
    copy("SELECT DATE '" + day + "' AS export_date, 3 AS line", warehouse.resolve("rejects/orders"), "export_date");
    write(warehouse.resolve("raw/chat/export_date=" + day + "/_INGEST.json"),
        "{\"rows_read\": 1010, \"rows_written\": 1000, \"rows_rejected\": 10, \"late_rows\": 37}");
  }

  /**
   * The referral, campaign and owner tables of {@code day} (and a final referral row of the day
   * before, which the report of {@code day} does not show). Referral, as many referred joins as
   * type_daily has: traffic 4 of which 1 quick quit and 2 repeats (1 both: net 2), one of depth 4;
   * new_user 6, all quick quits (net 0); camp 2, both net; vip 2 repeats; the net k-factor over
   * type_daily's members. Campaigns: {@code big} (400 of 500 scanners joined, 80%), {@code mid} (34 of 40, 85%),
   * ten {@code cNN} of 30 … 120 scanners, {@code solo} (1 of 1) and {@code link-only} (joins, no
   * scans) too few to rank; the day's conversion is provisional. Owners: twelve, two tied on GMV
   * (reach decides), two without sales, one without members; owner-traffic is named by the staff
   * snapshot.
   */
  static void beyondTheCore(Path warehouse, LocalDate day) {
    String typeDaily = "read_parquet('" + warehouse.resolve("metrics/type_daily") + "/*/*.parquet', hive_partitioning = true)";
    copy("""
        SELECT r.dt, r.group_type, referred AS referred_joins, net AS net_referred_joins, quick AS quick_quits, rep AS repeat_joins,
               net / t.members AS net_k_factor, g1 AS gen1_joins, g2 AS gen2_joins, g3 AS gen3plus_joins, CAST(depth AS INTEGER) AS max_depth,
               r.dt + 1 <= DATE '%1$s' AS is_final
        FROM (SELECT CAST(dt AS DATE) AS dt, group_type, CAST(referred AS BIGINT) AS referred, CAST(net AS BIGINT) AS net,
                     CAST(quick AS BIGINT) AS quick, CAST(rep AS BIGINT) AS rep, CAST(g1 AS BIGINT) AS g1, CAST(g2 AS BIGINT) AS g2,
                     CAST(g3 AS BIGINT) AS g3, depth
              FROM (VALUES (DATE '%1$s', 'vip', 2, 0, 0, 2, 1, 1, 0, 2), (DATE '%1$s', 'camp', 2, 2, 0, 0, 2, 0, 0, 1),
                           (DATE '%1$s', 'new_user', 6, 0, 6, 0, 3, 2, 1, 3), (DATE '%1$s', 'traffic', 4, 2, 1, 2, 1, 2, 1, 4),
                           (DATE '%1$s' - 1, 'traffic', 3, 3, 0, 0, 3, 0, 0, 1))
                   v(dt, group_type, referred, net, quick, rep, g1, g2, g3, depth)) r
        JOIN %2$s t ON t.dt = r.dt AND t.group_type = r.group_type
        """.formatted(day, typeDaily), warehouse.resolve("metrics/referral_daily"));
    copy("""
        SELECT DATE '%s' AS dt, code_id, CAST(groups AS BIGINT) AS groups, CAST(new_groups AS BIGINT) AS new_groups,
               CAST(full_groups AS BIGINT) AS full_groups, CAST(members AS BIGINT) AS members, CAST(scanners + 3 AS BIGINT) AS scans,
               CAST(scanners AS BIGINT) AS scanners, CAST(scan_joins AS BIGINT) AS scan_joins,
               CASE WHEN scanners > 0 THEN scan_joins / scanners END AS scan_join_rate, CAST(joiners + 1 AS BIGINT) AS code_joins,
               CAST(joiners AS BIGINT) AS joiners, CAST(converted AS BIGINT) AS converted,
               CASE WHEN joiners > 0 THEN converted / joiners END AS conversion_rate, CAST(converted * 99 AS DECIMAL(18,2)) AS gmv_in_window,
               false AS is_final
        FROM (SELECT * FROM (VALUES ('big', 5, 1, 3, 950, 500, 400, 380, 19), ('mid', 1, 1, 0, 38, 40, 34, 34, 2),
                                    ('solo', 1, 0, 0, 1, 1, 1, 1, 1), ('link-only', 2, 0, 1, 200, 0, 0, 6, 0)) v
              UNION ALL
              SELECT printf('c%%02d', k), 1 + k %% 3, k %% 2, k %% 3 = 0, 150, 20 + 10 * k, 4 * k, 4 * k, k %% 4 FROM range(1, 11) r(k))
             c(code_id, groups, new_groups, full_groups, members, scanners, scan_joins, joiners, converted)
        """.formatted(day), warehouse.resolve("metrics/campaign_daily"));
    copy("""
        SELECT DATE '%s' AS dt, owner_id, CAST(groups AS BIGINT) AS groups, CAST(members AS BIGINT) AS members,
               CAST(active AS BIGINT) AS active_members, CAST(reached AS BIGINT) AS reached_members,
               CASE WHEN members > 0 THEN reached / members END AS reach_rate, CASE WHEN members > 0 THEN active / members END AS activity_rate,
               CAST(4 AS BIGINT) AS official_messages, CAST(2 AS BIGINT) AS owner_messages, CAST(3 AS BIGINT) AS joins, CAST(1 AS BIGINT) AS leaves,
               CAST(orders AS BIGINT) AS orders, CAST(orders AS BIGINT) AS buyers, CAST(gmv AS DECIMAL(18,2)) AS gmv, CAST(dead AS BIGINT) AS dead_groups
        FROM (SELECT * FROM (VALUES ('owner-traffic', 3, 360, 40, 216, 9, 900.0, 2), ('owner-camp', 2, 240, 60, 192, 9, 900.0, 0),
                                    ('o-quiet', 1, 0, 0, 0, 0, 0.0, 1), ('o-nosale-a', 2, 100, 10, 70, 0, 0.0, 0),
                                    ('o-nosale-b', 6, 300, 9, 90, 0, 0.0, 4)) v
              UNION ALL
              SELECT printf('o%%02d', k), 1 + k %% 4, 100 + 10 * k, 10 + k, 50 + 3 * k, k, 50.0 * k, k %% 3 FROM range(1, 8) r(k))
             o(owner_id, groups, members, active, reached, orders, gmv, dead)
        """.formatted(day), warehouse.resolve("metrics/owner_daily"));
  }

  /**
   * Revisions of eight runs, in the layout the metrics job publishes (jobs/metrics
   * tables/revisions.yml: one partition per run date). Runs D-8 … D-3 each restate a group's
   * messages (not a headline metric); D-8, the eighth run back, also restates camp's members 90 →
   * 200, which a report of the last 7 runs leaves out. D-2 and D-1 restate traffic's GMV of D-4
   * twice (531.00 → 500.00 → 442.50: material), new_user's reach rate of D-3 by half a point (not
   * material), camp's cohort of D-8 (10% → 20%: material) and the unattributed GMV of D-4 (12.50 →
   * 0.00: material); and record maturations (traffic's open cohort of D-3 converting 15% → 20%,
   * the scan joins of D-2), which are never restatements.
   */
  static void revisions(Path warehouse, LocalDate day) {
    copy("""
        SELECT table_name, CAST(dt AS DATE) AS dt, row_key, column_name, old_value, new_value, kind, CAST(run_date AS DATE) AS run_date
        FROM (
          SELECT 'group_daily' AS table_name, DATE '%1$s' - 10 AS dt, 'group_id=gT1' AS row_key, 'messages' AS column_name,
                 '30' AS old_value, '31' AS new_value, 'restatement' AS kind, DATE '%1$s' - CAST(k AS INTEGER) AS run_date
          FROM range(3, 9) r(k)
          UNION ALL
          SELECT * FROM (VALUES
            ('type_daily', DATE '%1$s' - 9, 'group_type=camp', 'members', '90', '200', 'restatement', DATE '%1$s' - 8),
            ('type_daily', DATE '%1$s' - 4, 'group_type=traffic', 'gmv', '531.00', '500.00', 'restatement', DATE '%1$s' - 2),
            ('type_daily', DATE '%1$s' - 4, 'group_type=traffic', 'gmv', '500.00', '442.50', 'restatement', DATE '%1$s' - 1),
            ('type_daily', DATE '%1$s' - 3, 'group_type=new_user', 'reach_rate', '0.5', '0.505', 'restatement', DATE '%1$s' - 1),
            ('cohort_conversion', DATE '%1$s' - 8, 'group_type=camp', 'conversion_rate', '0.1', '0.2', 'restatement', DATE '%1$s' - 1),
            ('type_daily', DATE '%1$s' - 4, 'group_type=null', 'gmv', '12.50', '0.00', 'restatement', DATE '%1$s' - 1),
            ('cohort_conversion', DATE '%1$s' - 3, 'group_type=traffic', 'converted', '3', '4', 'maturation', DATE '%1$s' - 1),
            ('cohort_conversion', DATE '%1$s' - 3, 'group_type=traffic', 'conversion_rate', '0.15', '0.2', 'maturation', DATE '%1$s' - 1),
            ('type_daily', DATE '%1$s' - 2, 'group_type=traffic', 'scan_join_rate', '0.3', '0.35', 'maturation', DATE '%1$s' - 1))
          v(table_name, dt, row_key, column_name, old_value, new_value, kind, run_date))
        """.formatted(day), warehouse.resolve("metrics/revisions"), "run_date");
  }

  static void copy(String select, Path table) {
    copy(select, table, "dt");
  }

  /** DuckDB writes {@code key=value/} folders; each gets the {@code _SUCCESS} a published partition has. */
  static void copy(String select, Path table, String partitionKey) {
    write(table.resolveSibling(".keep"), "");
    execute("COPY (" + select + ") TO '" + table + "' (FORMAT PARQUET, PARTITION_BY (" + partitionKey + "), OVERWRITE_OR_IGNORE)");
    try (Stream<Path> partitions = Files.list(table)) {
      for (Path partition : partitions.filter(p -> p.getFileName().toString().startsWith(partitionKey + "=")).toList()) {
        write(partition.resolve("_SUCCESS"), "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** DuckDB, the tests' independent reader, also writes their fixtures (a statement without rows). */
  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB statement failed: " + sql, e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> header(Path csv) {
    try (Stream<String> lines = Files.lines(csv)) {
      return Arrays.asList(lines.findFirst().orElseThrow().split(","));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The column types of spec/metrics.md: counts BIGINT, rates DOUBLE, GMV DECIMAL(18,2), dt DATE. */
  private static String typedColumns(List<String> columns) {
    return columns.stream().map(c -> {
      String type;
      if (c.equals("dt")) type = "DATE";
      else if (TEXT_COLUMNS.contains(c)) type = "VARCHAR";
      else if (c.endsWith("_rate") || c.endsWith("_30d") && c.contains("rate") || c.equals("k_factor")) type = "DOUBLE";
      else if (c.startsWith("gmv")) type = "DECIMAL(18,2)";
      else if (c.startsWith("is_")) type = "BOOLEAN";
      else if (c.equals("window_days") || c.equals("age_days")) type = "INTEGER";
      else type = "BIGINT";
      return "CAST(" + c + " AS " + type + ") AS " + c;
    }).collect(Collectors.joining(", "));
  }
}

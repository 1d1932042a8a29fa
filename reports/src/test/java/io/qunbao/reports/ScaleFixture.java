package io.qunbao.reports;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A warehouse of a given number of groups, as large as a real one of that size where the report
 * reads it, written by DuckDB: 37 days of type and cohort rows for every group type, 30 days of
 * group rows, the day's live codes (one per 5 groups) and referrers (one per 2 groups), the
 * referral, campaign and owner tables of the day, a groups snapshot naming every group's owner, and seven runs of revisions whose last one restates about
 * 5.3 values per group (the rate of a generated warehouse's night), group rows mostly, and every
 * headline metric of the types' recent days, material or not, plus their maturing cohorts.
 */
final class ScaleFixture {
  static final String TYPES =
      "(SELECT * FROM (VALUES ('traffic', 0), ('new_user', 1), ('camp', 2), ('delivery', 3), ('superfan', 4), ('local', 5),"
          + " ('flash', 6), ('content', 7), ('checkin', 8), ('vip', 9), ('sale', 10), ('unknown', 11)) t(group_type, k))";

  private ScaleFixture() {}

  static void write(Path warehouse, LocalDate day, int groups) {
    LocalDate first = day.minusDays(36);
    String days = "(SELECT CAST(d AS DATE) AS dt, date_diff('day', DATE '" + first + "', CAST(d AS DATE)) AS i"
        + " FROM range(DATE '" + first + "', DATE '" + day.plusDays(1) + "', INTERVAL 1 DAY) r(d))";
    // group g: its type by g % 12, created 0 … 59 days before the day, a third of them quiet
    String groupList = "(SELECT printf('g%05d', g) AS group_id, (SELECT group_type FROM " + TYPES + " WHERE k = g % 12) AS group_type,"
        + " (g * 7919) % 60 AS created_days_before, 40 + (g * 31) % 400 AS size, g % 3 = 0 AS quiet FROM range(0, " + groups + ") r(g))";
    String groupDays = "(SELECT dt, g.*, CAST(date_diff('day', DATE '" + day + "', dt) + created_days_before AS INTEGER) AS age_days"
        + " FROM " + days + ", " + groupList + " g WHERE dt > DATE '" + day + "' - 30"
        + " AND date_diff('day', DATE '" + day + "', dt) + created_days_before >= 0)";
    double perType = groups / 12.0;
    ReportFixtures.copy("""
        SELECT dt, group_type, CAST(%2$f AS BIGINT) AS groups, CAST(members AS BIGINT) AS members, CAST(members / 20 AS BIGINT) AS joins,
               CAST(members / 50 AS BIGINT) AS leaves, CAST(members * a AS BIGINT) AS active_members, a AS activity_rate,
               CAST(members * a * 3 AS BIGINT) AS messages, CAST(%2$f * 2 AS BIGINT) AS official_messages,
               CAST(members * r AS BIGINT) AS reached_members, r AS reach_rate, CAST(members / 100 AS BIGINT) AS referred_joins,
               CAST(members / 300 AS BIGINT) AS referrers, CAST(members / 100 AS BIGINT) / members AS k_factor,
               CAST(members / 40 AS BIGINT) AS orders, CAST(members / 45 AS BIGINT) AS buyers, CAST(members / 40 * 99.9 AS DECIMAL(18,2)) AS gmv,
               CAST(members / 10 AS BIGINT) AS scans, CAST(members / 12 AS BIGINT) AS scanners, CAST(members / 30 AS BIGINT) AS scan_joins,
               CAST(members / 30 AS BIGINT) / CAST(members / 12 AS BIGINT) AS scan_join_rate, CAST(members / 20 AS BIGINT) AS repurchase_buyers_30d,
               CAST(members / 80 AS BIGINT) AS repeat_buyers_30d, CAST(members / 80 AS BIGINT) / CAST(members / 20 AS BIGINT) AS repurchase_rate_30d
        FROM (SELECT dt, group_type, %2$f * 150 * (1 + 0.01 * i) + 400 AS members, 0.2 + 0.05 * sin(i + k) AS a, 0.6 + 0.05 * cos(i * k) AS r
              FROM %1$s, %3$s)
        """.formatted(days, perType, TYPES), warehouse.resolve("metrics/type_daily"));
    ReportFixtures.copy("""
        SELECT dt, group_type, 7 AS window_days, CAST(joiners AS BIGINT) AS joiners, CAST(joiners * c AS BIGINT) AS converted,
               CAST(joiners * c AS BIGINT) / CAST(joiners AS BIGINT) AS conversion_rate, CAST(joiners / 5 AS BIGINT) AS referred_joiners,
               CAST(joiners / 50 AS BIGINT) AS referred_converted, CAST(joiners * c * 88 AS DECIMAL(18,2)) AS gmv_in_window,
               dt + 7 <= DATE '%4$s' AS is_final
        FROM (SELECT dt, group_type, %2$f * 10 + 40 AS joiners, 0.05 + 0.02 * sin(i * (k + 1)) AS c FROM %1$s, %3$s)
        """.formatted(days, perType, TYPES, day), warehouse.resolve("metrics/cohort_conversion"));
    ReportFixtures.copy("""
        SELECT dt, group_id, group_type, CAST(size AS BIGINT) AS members, CAST(2 AS BIGINT) AS joins, CAST(1 AS BIGINT) AS leaves,
               CAST(CASE WHEN quiet THEN 1 ELSE size / 4 END AS BIGINT) AS active_members, CAST(size / 2 AS BIGINT) AS messages,
               CAST(3 AS BIGINT) AS official_messages, CAST(size / 2 AS BIGINT) AS reached_members, CAST(1 AS BIGINT) AS referred_joins,
               CAST(1 AS BIGINT) AS orders, CAST(1 AS BIGINT) AS buyers, CAST(49.90 AS DECIMAL(18,2)) AS gmv
        FROM %s
        """.formatted(groupDays), warehouse.resolve("metrics/group_daily"));
    ReportFixtures.copy("""
        SELECT dt, group_id, group_type, age_days, CAST(size AS BIGINT) AS members,
               CAST(CASE WHEN quiet THEN 1 ELSE size / 3 END AS BIGINT) AS active_7d, CAST(size AS BIGINT) AS messages_7d,
               quiet AND age_days >= 7 AS is_dead
        FROM %s WHERE group_type <> 'unknown'
        """.formatted(groupDays), warehouse.resolve("metrics/group_health"));
    ReportFixtures.copy("""
        SELECT DATE '%1$s' AS dt, printf('code%%05d', c) AS code_id, CASE c %% 4 WHEN 0 THEN 'poster' WHEN 1 THEN 'moments' WHEN 2 THEN 'live' ELSE NULL END AS channel,
               (SELECT group_type FROM %2$s WHERE k = c %% 11) AS group_type, CAST(s + 5 AS BIGINT) AS scans, CAST(s AS BIGINT) AS scanners,
               CAST(s * j AS BIGINT) AS scan_joins, CAST(s * j AS BIGINT) / s AS scan_join_rate
        FROM (SELECT c, 1 + (c * 37) %% 300 AS s, 0.1 + ((c * 13) %% 80) / 100.0 AS j FROM range(0, %3$d) r(c))
        """.formatted(day, TYPES, groups / 5), warehouse.resolve("metrics/channel_daily"));
    ReportFixtures.copy("""
        SELECT DATE '%s' AS dt, printf('cust%%06d', c) AS referrer_id, (SELECT group_type FROM %s WHERE k = c %% 11) AS group_type,
               CAST(1 + c %% 9 AS BIGINT) AS referred_joins
        FROM range(0, %d) r(c)
        """.formatted(day, TYPES, groups / 2), warehouse.resolve("metrics/referrer_daily"));
    int owners = Math.max(30, groups / 24);
    beyondTheCore(warehouse, day, groups, owners);
    revisions(warehouse, day, groups);
    ReportFixtures.copy("""
        SELECT DATE '%s' AS export_date, group_id, '群 ' || group_id AS group_name, group_type, 'owner' || (CAST(substr(group_id, 2) AS INTEGER) %% %d) AS owner_id,
               'groups/x/groups.csv' AS source_file, CAST(row_number() OVER () AS BIGINT) AS source_line
        FROM %s
        """.formatted(day.minusDays(3), owners, groupList), warehouse.resolve("raw/groups"), "export_date");
    ReportFixtures.copy("""
        SELECT DATE '%s' AS export_date, 'owner' || o AS member_id, 'owner' AS role, '运营' || o AS name FROM range(0, %d) r(o)
        """.formatted(day.minusDays(3), owners), warehouse.resolve("raw/staff"), "export_date");
  }

  /**
   * The day's referral quality of every type (over type_daily's members), a campaign per 6.4 groups
   * (one live code's groups fill and overflow: a few groups each) and {@code owners} owners, at
   * least 30 of each so every list is capped at any size.
   */
  private static void beyondTheCore(Path warehouse, LocalDate day, int groups, int owners) {
    ReportFixtures.copy("""
        SELECT dt, group_type, referred AS referred_joins, referred - quick - rep + 2 AS net_referred_joins, quick AS quick_quits,
               rep AS repeat_joins, (referred - quick - rep + 2) / members AS net_k_factor, referred - referred // 3 AS gen1_joins,
               referred // 4 AS gen2_joins, referred // 3 - referred // 4 AS gen3plus_joins, CAST(3 + k %% 5 AS INTEGER) AS max_depth,
               false AS is_final
        FROM (SELECT dt, group_type, k, members, CAST(members / 100 AS BIGINT) AS referred, CAST(members / 600 + 1 AS BIGINT) AS quick,
                     CAST(members / 800 + 1 AS BIGINT) AS rep
              FROM read_parquet('%s/*/*.parquet', hive_partitioning = true) JOIN %s USING (group_type) WHERE dt = DATE '%s')
        """.formatted(warehouse.resolve("metrics/type_daily"), TYPES, day), warehouse.resolve("metrics/referral_daily"));
    ReportFixtures.copy("""
        SELECT DATE '%s' AS dt, printf('lc%%05d', c) AS code_id, CAST(1 + c %% 4 AS BIGINT) AS groups, CAST(c %% 2 AS BIGINT) AS new_groups,
               CAST(c %% 3 %% 2 AS BIGINT) AS full_groups, CAST(150 + c %% 400 AS BIGINT) AS members, CAST(s + 5 AS BIGINT) AS scans,
               CAST(s AS BIGINT) AS scanners, CAST(s * j AS BIGINT) AS scan_joins, CAST(s * j AS BIGINT) / s AS scan_join_rate,
               CAST(s * j AS BIGINT) AS code_joins, CAST(s * j AS BIGINT) AS joiners, CAST(s * j / 20 AS BIGINT) AS converted,
               CAST(s * j / 20 AS BIGINT) / CAST(s * j AS BIGINT) AS conversion_rate, CAST(CAST(s * j / 20 AS BIGINT) * 128.8 AS DECIMAL(18,2)) AS gmv_in_window,
               false AS is_final
        FROM (SELECT c, 1 + (c * 37) %% 400 AS s, 0.1 + ((c * 13) %% 80) / 100.0 AS j FROM range(0, %d) r(c))
        """.formatted(day, Math.max(30, groups * 5 / 32)), warehouse.resolve("metrics/campaign_daily"));
    ReportFixtures.copy("""
        SELECT DATE '%s' AS dt, 'owner' || o AS owner_id, CAST(g AS BIGINT) AS groups, CAST(m AS BIGINT) AS members, CAST(m / 5 AS BIGINT) AS active_members,
               CAST(m * r AS BIGINT) AS reached_members, CAST(m * r AS BIGINT) / m AS reach_rate, CAST(m / 5 AS BIGINT) / m AS activity_rate,
               CAST(g * 2 AS BIGINT) AS official_messages, CAST(g AS BIGINT) AS owner_messages, CAST(g * 3 AS BIGINT) AS joins, CAST(g AS BIGINT) AS leaves,
               CAST(o %% 7 AS BIGINT) AS orders, CAST(o %% 7 AS BIGINT) AS buyers, CAST(o %% 7 * 199.5 AS DECIMAL(18,2)) AS gmv,
               CAST(g // 3 AS BIGINT) AS dead_groups
        FROM (SELECT o, %d // %d + 1 AS g, (%d // %d + 1) * 180 AS m, 0.4 + (o %% 50) / 100.0 AS r FROM range(0, %d) r(o))
        """.formatted(day, groups, owners, groups, owners, owners), warehouse.resolve("metrics/owner_daily"));
  }

  /**
   * Seven runs: each restates every group's messages of a recent day (the last run five values per
   * group: messages, active members, reached, orders, GMV) and every headline metric of every type
   * over its last 20 days, alternately by a material and an immaterial amount, and lets the open
   * cohorts mature.
   */
  private static void revisions(Path warehouse, LocalDate day, int groups) {
    String groupColumns = "(SELECT * FROM (VALUES ('messages'), ('active_members'), ('reached_members'), ('orders'), ('gmv')) c(column_name))";
    String headline = "(SELECT * FROM (VALUES ('type_daily', 'members', 1000.0, 1003.0, 1100.0), ('type_daily', 'reach_rate', 0.5, 0.502, 0.55),"
        + " ('type_daily', 'activity_rate', 0.2, 0.201, 0.26), ('type_daily', 'gmv', 5000.0, 5010.0, 4000.0),"
        + " ('type_daily', 'k_factor', 0.01, 0.0101, 0.02), ('type_daily', 'repurchase_rate_30d', 0.3, 0.301, 0.25),"
        + " ('cohort_conversion', 'conversion_rate', 0.05, 0.051, 0.09)) h(table_name, column_name, old_v, small_v, big_v))";
    ReportFixtures.copy("""
        SELECT table_name, CAST(dt AS DATE) AS dt, row_key, column_name, old_value, new_value, kind, CAST(run_date AS DATE) AS run_date FROM (
          SELECT 'group_daily' AS table_name, DATE '%1$s' - CAST(run + 1 AS INTEGER) AS dt, printf('group_id=g%%05d', g) AS row_key,
                 c.column_name, '10' AS old_value, '11' AS new_value, 'restatement' AS kind, DATE '%1$s' - CAST(run AS INTEGER) AS run_date
          FROM range(0, %2$d) r(g), range(0, 7) n(run), %3$s c WHERE run = 0 OR c.column_name = 'messages'
          UNION ALL
          SELECT h.table_name, DATE '%1$s' - CAST(d + 8 AS INTEGER), 'group_type=' || t.group_type, h.column_name, CAST(h.old_v AS VARCHAR),
                 CAST(CASE WHEN (d + t.k) %% 2 = 0 THEN h.big_v ELSE h.small_v END AS VARCHAR), 'restatement', DATE '%1$s' - CAST(run AS INTEGER)
          FROM range(0, 20) x(d), range(0, 7) n(run), %4$s t, %5$s h WHERE d %% 7 = run
          UNION ALL
          SELECT 'cohort_conversion', DATE '%1$s' - CAST(d AS INTEGER), 'group_type=' || t.group_type, c.column_name, '0.05', '0.08', 'maturation',
                 DATE '%1$s' - 1
          FROM range(1, 7) x(d), %4$s t, (VALUES ('converted'), ('conversion_rate'), ('gmv_in_window')) c(column_name))
        """.formatted(day, groups, groupColumns, ScaleFixture.TYPES, headline), warehouse.resolve("metrics/revisions"), "run_date");
  }
}

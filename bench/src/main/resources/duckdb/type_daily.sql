-- type_daily (metrics.md): one row per group type per published day, plus the unattributed row
-- (group_type null). Reads the temporary tables of clean.sql.
-- Every fact CTE yields only non-zero counts, so a (dt, group_type) gets a row exactly when a group of the
-- type exists on dt or one of its counts is non-zero.
WITH existing_groups AS (
  SELECT dt, group_type, count(*) AS groups
  FROM published_days
  JOIN listed_groups ON local_day(created_at) <= dt AND (dissolved_at IS NULL OR local_day(dissolved_at) >= dt)
  GROUP BY ALL
),

members AS (
  SELECT dt, group_type, count(DISTINCT customer_id) AS members
  FROM published_days
  JOIN intervals ON dt BETWEEN local_day(join_at) AND coalesce(local_day(leave_at), dt)
  GROUP BY ALL
),

joins AS (
  SELECT local_day(join_at) AS dt, group_type,
         count(*) AS joins,
         count(*) FILTER (WHERE is_referred) AS referred_joins,
         count(DISTINCT inviter_id) FILTER (WHERE is_referred) AS referrers
  FROM intervals
  GROUP BY ALL
),

leaves AS (
  SELECT local_day(leave_at) AS dt, group_type, count(*) AS leaves
  FROM intervals
  WHERE ended_by_leave
  GROUP BY ALL
),

messages AS (
  SELECT local_day(sent_at) AS dt, group_type,
         count(*) FILTER (WHERE by_customer AND NOT is_membership_event) AS messages,
         count(DISTINCT sender_id) FILTER (WHERE by_customer AND NOT is_membership_event) AS active_members,
         count(*) FILTER (WHERE is_official) AS official_messages
  FROM chat
  JOIN group_types USING (group_id)
  WHERE (by_customer AND NOT is_membership_event) OR is_official
  GROUP BY ALL
),

reached AS (
  SELECT local_day(chat.sent_at) AS dt, intervals.group_type,
         count(DISTINCT intervals.customer_id) AS reached_members
  FROM chat
  JOIN intervals ON intervals.group_id = chat.group_id
                AND intervals.join_at <= chat.sent_at
                AND (intervals.leave_at IS NULL OR chat.sent_at <= intervals.leave_at)
  WHERE chat.is_official
  GROUP BY ALL
),

orders AS (
  SELECT local_day(paid_at) AS dt, group_type,
         count(*) AS orders, count(DISTINCT buyer_id) AS buyers, sum(amount) AS gmv
  FROM purchases
  GROUP BY ALL
),

scan_funnel AS (
  SELECT local_day(scans.scanned_at) AS dt, scans.group_type,
         count(DISTINCT scans.scan_id) AS scans,
         count(DISTINCT scans.scanner_id) AS scanners,
         count(DISTINCT scans.scanner_id) FILTER (WHERE intervals.customer_id IS NOT NULL) AS scan_joins
  FROM scans
  LEFT JOIN intervals ON intervals.is_explicit
                     AND intervals.group_id = scans.group_id
                     AND intervals.customer_id = scans.scanner_id
                     AND intervals.join_at >= scans.scanned_at
                     AND intervals.join_at < scans.scanned_at + INTERVAL 24 HOUR
  GROUP BY ALL
),

repurchase AS (
  SELECT dt, group_type,
         count(*) AS repurchase_buyers_30d,
         count(*) FILTER (WHERE buyer_purchases >= 2) AS repeat_buyers_30d
  FROM (
    SELECT dt, group_type, buyer_id, count(*) AS buyer_purchases
    FROM published_days
    JOIN purchases ON local_day(paid_at) BETWEEN dt - 29 AND dt
    GROUP BY ALL
  )
  GROUP BY ALL
),

facts AS (
  SELECT * FROM existing_groups
  UNION ALL BY NAME SELECT * FROM members
  UNION ALL BY NAME SELECT * FROM joins
  UNION ALL BY NAME SELECT * FROM leaves
  UNION ALL BY NAME SELECT * FROM messages
  UNION ALL BY NAME SELECT * FROM reached
  UNION ALL BY NAME SELECT * FROM orders
  UNION ALL BY NAME SELECT * FROM scan_funnel
  UNION ALL BY NAME SELECT * FROM repurchase
),

per_type AS (
  SELECT dt, group_type,
         coalesce(sum(groups), 0) AS groups,
         coalesce(sum(members), 0) AS members,
         coalesce(sum(joins), 0) AS joins,
         coalesce(sum(leaves), 0) AS leaves,
         coalesce(sum(active_members), 0) AS active_members,
         coalesce(sum(messages), 0) AS messages,
         coalesce(sum(official_messages), 0) AS official_messages,
         coalesce(sum(reached_members), 0) AS reached_members,
         coalesce(sum(referred_joins), 0) AS referred_joins,
         coalesce(sum(referrers), 0) AS referrers,
         coalesce(sum(orders), 0) AS orders,
         coalesce(sum(buyers), 0) AS buyers,
         coalesce(sum(gmv), 0) AS gmv,
         coalesce(sum(scans), 0) AS scans,
         coalesce(sum(scanners), 0) AS scanners,
         coalesce(sum(scan_joins), 0) AS scan_joins,
         coalesce(sum(repurchase_buyers_30d), 0) AS repurchase_buyers_30d,
         coalesce(sum(repeat_buyers_30d), 0) AS repeat_buyers_30d
  FROM facts
  WHERE dt IN (SELECT dt FROM published_days)
  GROUP BY dt, group_type
),

-- The unattributed row (group_type null) has only orders, buyers, gmv and the repurchase columns.
final AS (
  SELECT
    dt,
    group_type,
    CASE WHEN group_type IS NOT NULL THEN groups END::BIGINT AS groups,
    CASE WHEN group_type IS NOT NULL THEN members END::BIGINT AS members,
    CASE WHEN group_type IS NOT NULL THEN joins END::BIGINT AS joins,
    CASE WHEN group_type IS NOT NULL THEN leaves END::BIGINT AS leaves,
    CASE WHEN group_type IS NOT NULL THEN active_members END::BIGINT AS active_members,
    active_members / nullif(members, 0)::DOUBLE AS activity_rate,
    CASE WHEN group_type IS NOT NULL THEN messages END::BIGINT AS messages,
    CASE WHEN group_type IS NOT NULL THEN official_messages END::BIGINT AS official_messages,
    CASE WHEN group_type IS NOT NULL THEN reached_members END::BIGINT AS reached_members,
    reached_members / nullif(members, 0)::DOUBLE AS reach_rate,
    CASE WHEN group_type IS NOT NULL THEN referred_joins END::BIGINT AS referred_joins,
    CASE WHEN group_type IS NOT NULL THEN referrers END::BIGINT AS referrers,
    referred_joins / nullif(members, 0)::DOUBLE AS k_factor,
    orders::BIGINT AS orders,
    buyers::BIGINT AS buyers,
    gmv::DECIMAL(18, 2) AS gmv,
    CASE WHEN group_type IS NOT NULL THEN scans END::BIGINT AS scans,
    CASE WHEN group_type IS NOT NULL THEN scanners END::BIGINT AS scanners,
    CASE WHEN group_type IS NOT NULL THEN scan_joins END::BIGINT AS scan_joins,
    scan_joins / nullif(scanners, 0)::DOUBLE AS scan_join_rate,
    repurchase_buyers_30d::BIGINT AS repurchase_buyers_30d,
    repeat_buyers_30d::BIGINT AS repeat_buyers_30d,
    repeat_buyers_30d / nullif(repurchase_buyers_30d, 0)::DOUBLE AS repurchase_rate_30d
  FROM per_type
)

SELECT * FROM final

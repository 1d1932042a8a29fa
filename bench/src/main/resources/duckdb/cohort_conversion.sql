-- cohort_conversion (metrics.md): one row per group type per cohort day C (dt) that has joiners.
-- Reads the temporary tables of clean.sql and the variables run_date and window_days.
WITH first_joins AS (
  -- A customer's first join to a type: the earliest interval start in a group of it (smallest group_id on a tie).
  SELECT group_type, customer_id, join_at, is_referred
  FROM intervals
  QUALIFY row_number() OVER (PARTITION BY group_type, customer_id ORDER BY join_at, group_id) = 1
),

members AS (
  SELECT
    first_joins.group_type, first_joins.customer_id, first_joins.is_referred,
    local_day(first_joins.join_at) AS dt,
    sum(purchases.amount) AS gmv_in_window
  FROM first_joins
  LEFT JOIN purchases ON purchases.buyer_id = first_joins.customer_id
                     AND purchases.paid_at >= first_joins.join_at
                     AND purchases.paid_at < first_joins.join_at + to_hours(24 * getvariable('window_days'))
  GROUP BY ALL
),

final AS (
  SELECT
    dt,
    group_type,
    getvariable('window_days')::INTEGER AS window_days,
    count(*) AS joiners,
    count(gmv_in_window) AS converted,
    count(gmv_in_window) / count(*)::DOUBLE AS conversion_rate,
    count(*) FILTER (WHERE is_referred) AS referred_joiners,
    count(gmv_in_window) FILTER (WHERE is_referred) AS referred_converted,
    coalesce(sum(gmv_in_window), 0)::DECIMAL(18, 2) AS gmv_in_window,
    dt + getvariable('window_days')::INTEGER <= getvariable('run_date') AS is_final
  FROM members
  WHERE dt IN (SELECT dt FROM published_days)
  GROUP BY dt, group_type
)

SELECT * FROM final

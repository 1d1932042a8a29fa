-- grain: one row per published day
-- metrics.md, cleaning rule 8: from the first day holding an accepted chat message, scan or
-- purchase, through the run date; nothing after the run date. An accepted chat message is a landed
-- chat row, as for the known groups of attribution (a), deduplicated or not, of a dissolved group or
-- not: the days are known before the messages are cleaned, which cleaning needs (MetricsJob).
with first_days as (
  select min(to_date(from_utc_timestamp(sent_at, :zone))) as dt from raw_chat
  union all
  select min(to_date(from_utc_timestamp(scanned_at, :zone))) from raw_scans
  union all
  select min(dt) from purchases
),

span as (
  select min(dt) as first_day, cast(:run_date as date) as last_day from first_days
),

final as (
  select explode(sequence(first_day, last_day)) as dt
  from span
  where first_day <= last_day
)

select * from final

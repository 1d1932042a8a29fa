-- grain: one row per day and group type with scans
-- metrics.md, "Scan funnel ... per type": the same counts, scanners distinct across the type's codes.
-- The days of purchase_days before :activity_from keep their published counts: new orders do not change scans.
with computed as (
  select
    dt,
    group_type,
    count(*) as scans,
    count(distinct scanner_id) as scanners,
    count(distinct if(led_to_join, scanner_id, null)) as scan_joins
  from scan_joins
  group by dt, group_type
),

carried as (
  select dt, group_type, scans, scanners, scan_joins
  from published_type_daily
  where scans > 0
),

final as (
  select * from computed
  union all
  select * from carried
)

select * from final

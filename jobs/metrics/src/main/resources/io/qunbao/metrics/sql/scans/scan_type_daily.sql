-- grain: one row per day and group type with scans
-- metrics.md, "Scan funnel ... per type": the same counts, scanners distinct across the type's codes.
with final as (
  select
    dt,
    group_type,
    count(*) as scans,
    count(distinct scanner_id) as scanners,
    count(distinct if(led_to_join, scanner_id, null)) as scan_joins
  from scan_joins
  group by dt, group_type
)

select * from final

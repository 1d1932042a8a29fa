-- grain: one row per day, live code, channel and group type with scans
-- metrics.md, "Scan funnel, per live code": scans, scanners, scan_joins (distinct scanners of the
-- day with a scan that led to a join), scan_join_rate = scan_joins / scanners.
with final as (
  select
    dt,
    code_id,
    channel,
    group_type,
    count(*) as scans,
    count(distinct scanner_id) as scanners,
    count(distinct if(led_to_join, scanner_id, null)) as scan_joins,
    count(distinct if(led_to_join, scanner_id, null)) / count(distinct scanner_id) as scan_join_rate
  from scan_joins
  group by dt, code_id, channel, group_type
)

select * from final

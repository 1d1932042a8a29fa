-- grain: one row per customer scan of a computed day, with whether it led to a join
-- metrics.md, "Scan funnel": a scan led to a join when its scanner then joined the scan's group by
-- an explicit join (a member_join that started an interval; its code_id need not match) with
-- scanned_at <= join_at < scanned_at + 24 h (a join exactly 24 h later does not count).
with scans as (
  select * from scans_clean where dt >= :activity_from
),

joined as (
  select distinct scans.scan_id
  from scans
  join membership_intervals as intervals
    on intervals.group_id = scans.group_id
   and intervals.member_id = scans.scanner_id
   and intervals.explicit_join
   and intervals.join_at >= scans.scanned_at
   and intervals.join_at < scans.scanned_at + interval 24 hours
),

final as (
  select scans.*, joined.scan_id is not null as led_to_join
  from scans
  left join joined on joined.scan_id = scans.scan_id
  join activity_days as days on days.dt = scans.dt
)

select * from final

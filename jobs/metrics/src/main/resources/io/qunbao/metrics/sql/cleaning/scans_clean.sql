-- grain: one row per scan_id scanned by a customer
-- metrics.md, cleaning rule 1 (first copy of a scan_id wins) and the scan funnel (staff scans left
-- out; a scan belongs to the day of scanned_at and to the type of its group_id).
with copies as (
  select
    *,
    row_number() over (
      partition by scan_id
      order by export_date, source_file, source_line) as copy_no
  from raw_scans
),

final as (
  select
    scans.scan_id,
    scans.scanned_at,
    to_date(from_utc_timestamp(scans.scanned_at, :zone)) as dt,
    scans.code_id,
    scans.channel,
    scans.scanner_id,
    scans.group_id,
    coalesce(groups.group_type, 'unknown') as group_type
  from copies as scans
  left join group_attributes as groups on groups.group_id = scans.group_id
  left anti join staff_roles as staff on staff.member_id = scans.scanner_id
  where scans.copy_no = 1
)

select * from final

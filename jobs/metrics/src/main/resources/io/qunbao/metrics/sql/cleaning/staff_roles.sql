-- grain: one row per staff member (anyone listed in a staff snapshot up to the run date)
-- metrics.md, cleaning rules 4 and 5: the role comes from the latest snapshot that lists the member
-- (on a tie, the later file name, then the later line); owner, admin and service are official.
with listings as (
  select
    member_id,
    role,
    row_number() over (
      partition by member_id
      order by export_date desc, source_file desc, source_line desc) as recency
  from raw_staff
),

final as (
  select
    member_id,
    role,
    role in ('owner', 'admin', 'service') as is_official
  from listings
  where recency = 1
)

select * from final

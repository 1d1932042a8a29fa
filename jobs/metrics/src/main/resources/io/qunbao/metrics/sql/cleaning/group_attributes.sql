-- grain: one row per group listed in a groups snapshot up to the run date
-- metrics.md, cleaning rules 4, 6 and 7: attributes (type, owner, creation, capacity, dissolution)
-- from the latest snapshot that lists the group (on a tie, the later file name, then the later line);
-- days are business-zone calendar days.
with listings as (
  select
    group_id,
    group_type,
    owner_id,
    created_at,
    capacity,
    dissolved_at,
    row_number() over (
      partition by group_id
      order by export_date desc, source_file desc, source_line desc) as recency
  from raw_groups
),

final as (
  select
    group_id,
    group_type,
    owner_id,
    created_at,
    capacity,
    dissolved_at,
    to_date(from_utc_timestamp(created_at, :zone)) as created_day,
    to_date(from_utc_timestamp(dissolved_at, :zone)) as dissolved_day
  from listings
  where recency = 1
)

select * from final

-- grain: one row per group or staff member whose listing the export partitions new to this run
-- (new_exports) change: attributes_changed with the first day that can change (bound), or else a moved
-- dissolution with the earlier of its two days (dissolved_day). Materialized once per run: four parts
-- of affected_from.sql read it, each with its own filter, so Spark would rank every listing four times.
-- Cleaning rules 4 to 6: a group's attributes and a member's role are their latest listing in a
-- snapshot; they changed when the latest listing with the new snapshots differs from the latest one
-- without them. A group's dissolution is apart: it changes only what follows it.
with listings as (
  select
    'groups' as source, group_id as listed_id, export_date, source_file, source_line,
    to_json(named_struct('type', group_type, 'owner', owner_id, 'created', created_at, 'capacity', capacity)) as attributes,
    dissolved_at,
    least(created_at, dissolved_at) as first_at
  from raw_groups
  union all
  select 'staff', member_id, export_date, source_file, source_line, role, cast(null as timestamp),
    cast(null as timestamp)
  from raw_staff
),

ranked_listings as (
  select
    listings.*,
    new_exports.export_date is not null as is_new,
    row_number() over (
      partition by listings.source, listings.listed_id
      order by listings.export_date desc, listings.source_file desc, listings.source_line desc) as recency
  from listings
  left join new_exports on new_exports.source = listings.source and new_exports.export_date = listings.export_date
),

ranked_listings_before as (
  select
    *,
    row_number() over (
      partition by source, listed_id
      order by export_date desc, source_file desc, source_line desc) as recency_before
  from ranked_listings
  where not is_new
),

final as (
  select
    coalesce(now.source, before.source) as source,
    coalesce(now.listed_id, before.listed_id) as listed_id,
    not (now.attributes <=> before.attributes) as attributes_changed,
    to_date(from_utc_timestamp(least(now.first_at, before.first_at), :zone)) as bound,
    to_date(from_utc_timestamp(least(now.dissolved_at, before.dissolved_at), :zone)) as dissolved_day
  from (select * from ranked_listings where recency = 1) as now
  full outer join (select * from ranked_listings_before where recency_before = 1) as before
    on before.source = now.source and before.listed_id = now.listed_id
  where not (now.attributes <=> before.attributes) or not (now.dissolved_at <=> before.dissolved_at)
)

select * from final

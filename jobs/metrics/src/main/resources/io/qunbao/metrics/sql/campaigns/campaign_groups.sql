-- grain: one row per campaign (code_id) and group it routed to, with the group's first routing
-- metrics.md, "Beyond the core tables", campaign_daily: a campaign's groups are those a customer's
-- scan of the code routed to (the scan's group_id) and those joined by an explicit join with the code;
-- a group's first routing is the earliest of those scans and joins. Staff scans are left out
-- (scans_clean), staff joins start no interval. Of every day: a group routed before the days a run
-- computes is still one of the campaign's groups on them.
with routings as (
  select code_id, group_id, scanned_at as routed_at from scans_clean
  union all
  select code_id, group_id, join_at from membership_intervals where explicit_join and code_id is not null
),

final as (
  select
    code_id,
    group_id,
    min(routed_at) as first_routing_at,
    to_date(from_utc_timestamp(min(routed_at), :zone)) as first_routing_day
  from routings
  group by code_id, group_id
)

select * from final

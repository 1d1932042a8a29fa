-- grain: one row per day and group (is_type_level false) and per day and group type (true) of the
-- days in purchase_days before :activity_from, with a count that does not come from purchases
-- metrics.md, "Runs, late data and recomputation": on those days the new exports change only what
-- purchases count (orders, buyers, gmv, repurchase, cohorts), so the members and the chat counts are
-- the published ones (published_group_daily and published_type_daily hold just those days). A
-- published row whose only counts were purchases is left to the recomputed purchases. group_daily
-- does not publish referrers per group, and nothing reads them at that grain: 0 here.
with group_rows as (
  select
    dt, group_type, group_id, false as is_type_level, members, joins, leaves, active_members, messages,
    official_messages, reached_members, referred_joins, 0L as referrers
  from published_group_daily
),

type_rows as (
  select
    dt, group_type, cast(null as string) as group_id, true as is_type_level, members, joins, leaves,
    active_members, messages, official_messages, reached_members, referred_joins, referrers
  from published_type_daily
  where group_type is not null
),

final as (
  select *
  from (select * from group_rows union all select * from type_rows) as published
  where greatest(members, joins, leaves, active_members, messages, official_messages, reached_members,
    referred_joins, referrers) > 0
)

select * from final

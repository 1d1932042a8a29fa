-- grain: one row per day and group with any non-zero count
-- metrics.md, "Daily metrics, per group and per group type" and the group_daily output table.
with groups as (
  select * from daily_rollup where not is_type_level and group_id is not null
),

final as (
  select
    dt, group_id, group_type, members, joins, leaves, active_members, messages, official_messages,
    reached_members, referred_joins, orders, buyers, gmv
  from groups
)

select * from final

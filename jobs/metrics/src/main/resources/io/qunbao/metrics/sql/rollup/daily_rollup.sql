-- grain: one row per day and group (is_type_level false) and one per day and group type
-- (is_type_level true; group_type null is the unattributed purchases)
-- metrics.md, "Daily metrics, per group and per group type": one aggregation at both grains
-- (grouping sets), so members, active_members, reached_members, referrers and buyers are counted
-- distinct across the groups of a type and the event counts add up.
with final as (
  select
    dt,
    group_type,
    group_id,
    grouping(group_id) = 1 as is_type_level,
    count(distinct if(fact = 'member', person_id, null)) as members,
    count_if(fact = 'join') as joins,
    count_if(fact = 'leave') as leaves,
    count(distinct if(fact = 'message', person_id, null)) as active_members,
    count_if(fact = 'message') as messages,
    count_if(fact = 'official_message') as official_messages,
    count(distinct if(fact = 'reached', person_id, null)) as reached_members,
    count_if(fact = 'referred_join') as referred_joins,
    count(distinct if(fact = 'referrer', person_id, null)) as referrers,
    count_if(fact = 'order') as orders,
    count(distinct if(fact = 'order', person_id, null)) as buyers,
    coalesce(sum(if(fact = 'order', amount, null)), 0) as gmv
  from daily_facts
  group by grouping sets ((dt, group_type, group_id), (dt, group_type))
)

select * from final

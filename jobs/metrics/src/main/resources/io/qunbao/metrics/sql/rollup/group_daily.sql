-- grain: one row per day and group with any non-zero count
-- metrics.md, "Daily metrics, per group and per group type" and the group_daily output table.
with facts as (
  select * from daily_facts where group_id is not null
),

final as (
  select
    dt,
    group_id,
    max(group_type) as group_type,
    count(distinct if(fact = 'member', person_id, null)) as members,
    count_if(fact = 'join') as joins,
    count_if(fact = 'leave') as leaves,
    count(distinct if(fact = 'message', person_id, null)) as active_members,
    count_if(fact = 'message') as messages,
    count_if(fact = 'official_message') as official_messages,
    count(distinct if(fact = 'reached', person_id, null)) as reached_members,
    count_if(fact = 'referred_join') as referred_joins,
    count_if(fact = 'order') as orders,
    count(distinct if(fact = 'order', person_id, null)) as buyers,
    coalesce(sum(if(fact = 'order', amount, null)), 0) as gmv
  from facts
  group by dt, group_id
)

select * from final

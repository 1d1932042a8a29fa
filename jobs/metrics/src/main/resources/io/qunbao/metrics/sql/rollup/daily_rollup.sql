-- grain: one row per day and group (is_type_level false) and one per day and group type
-- (is_type_level true; group_type null is the unattributed purchases)
-- metrics.md, "Daily metrics, per group and per group type": members, active_members,
-- reached_members, referrers and buyers are counted distinct across the groups of a type, the event
-- counts add up; members come from member_counts. Each fact is first reduced to one row per person
-- (with how many events and what amount), per group and then per type, so every count is a plain
-- count or sum: several count(distinct …) in one aggregation would make Spark copy each fact once
-- per distinct count. The facts are shuffled once, by (dt, group_type, person_id): both reductions
-- group by a superset of those keys, so each runs where its rows already are, and the final counts
-- shuffle only partial sums (on tier M, three shuffles of 21, 20 and 42M rows become one of the facts).
with facts as (
  select * from daily_facts distribute by dt, group_type, person_id
),

per_group as (
  select dt, group_type, group_id, fact, person_id, count(*) as events, sum(amount) as amount
  from facts
  group by dt, group_type, group_id, fact, person_id
),

-- each person's row per group, and once more for the whole type (group_id null), in one pass over
-- per_group: a union of the two levels would reduce the facts twice
people as (
  select dt, group_type, scope.group_id, scope.is_type_level, fact, person_id,
    sum(events) as events, sum(amount) as amount
  from (
    select
      *,
      explode(array(
        named_struct('group_id', group_id, 'is_type_level', false),
        named_struct('group_id', cast(null as string), 'is_type_level', true))) as scope
    from per_group
  ) as scoped
  group by dt, group_type, scope.group_id, scope.is_type_level, fact, person_id
),

counted as (
  select
    dt,
    group_type,
    group_id,
    is_type_level,
    coalesce(sum(if(fact = 'join', events, null)), 0) as joins,
    coalesce(sum(if(fact = 'leave', events, null)), 0) as leaves,
    count_if(fact = 'message') as active_members,
    coalesce(sum(if(fact = 'message', events, null)), 0) as messages,
    coalesce(sum(if(fact = 'official_message', events, null)), 0) as official_messages,
    count_if(fact = 'reached') as reached_members,
    coalesce(sum(if(fact = 'referred_join', events, null)), 0) as referred_joins,
    count_if(fact = 'referrer') as referrers,
    coalesce(sum(if(fact = 'order', events, null)), 0) as orders,
    count_if(fact = 'order') as buyers,
    coalesce(sum(if(fact = 'order', amount, null)), 0) as gmv
  from people
  group by dt, group_type, group_id, is_type_level
),

final as (
  select
    coalesce(counted.dt, members.dt) as dt,
    coalesce(counted.group_type, members.group_type) as group_type,
    coalesce(counted.group_id, members.group_id) as group_id,
    coalesce(counted.is_type_level, members.is_type_level) as is_type_level,
    coalesce(members.members, 0) as members,
    coalesce(counted.joins, 0) as joins,
    coalesce(counted.leaves, 0) as leaves,
    coalesce(counted.active_members, 0) as active_members,
    coalesce(counted.messages, 0) as messages,
    coalesce(counted.official_messages, 0) as official_messages,
    coalesce(counted.reached_members, 0) as reached_members,
    coalesce(counted.referred_joins, 0) as referred_joins,
    coalesce(counted.referrers, 0) as referrers,
    coalesce(counted.orders, 0) as orders,
    coalesce(counted.buyers, 0) as buyers,
    coalesce(counted.gmv, 0) as gmv
  from counted
  full outer join member_counts as members
    on members.dt = counted.dt
   and members.group_type <=> counted.group_type
   and members.group_id <=> counted.group_id
   and members.is_type_level = counted.is_type_level
)

select * from final

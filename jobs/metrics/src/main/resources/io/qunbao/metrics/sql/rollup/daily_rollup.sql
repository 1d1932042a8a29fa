-- grain: one row per day and group (is_type_level false) and one per day and group type
-- (is_type_level true; group_type null is the unattributed purchases)
-- metrics.md, "Daily metrics, per group and per group type": members, active_members,
-- reached_members, referrers and buyers are counted distinct across the groups of a type, the event
-- counts add up; members come from member_counts. On the days of purchase_days before :activity_from only
-- the purchase facts are recomputed and the other counts are the published ones (carried_activity).
-- Each fact is first reduced to one row per person (with how many events and what amount), per group
-- and per type, so every count is a plain count or sum: several count(distinct …) in one
-- aggregation would make Spark copy each fact once per distinct count. The facts are shuffled once,
-- by (dt, group_type, person_id): the reduction groups by a superset of those keys, so it runs
-- where its rows already are, and the final counts shuffle only partial sums: one shuffle of the
-- facts instead of three of person-level rows.
with facts as (
  select * from daily_facts distribute by dt, group_type, person_id
),

-- each person's row per group, and once more for the whole type (group_id null), in one reduction
-- of the facts: Spark plans every reduction as a partial and a final hash aggregation, which here
-- both hold every key, so reducing per group first and then both levels again built four maps of
-- the people's rows where this builds two
people as (
  select dt, group_type, scope.group_id, scope.is_type_level, fact, person_id,
    count(*) as events, sum(amount) as amount
  from (
    select
      *,
      explode(array(
        named_struct('group_id', group_id, 'is_type_level', false),
        named_struct('group_id', cast(null as string), 'is_type_level', true))) as scope
    from facts
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

-- the counts not made from facts: members (member_counts) on the computed days, and on the days
-- before them that only purchases change, the other counts as published (carried_activity)
other_counts as (
  select
    dt, group_type, group_id, is_type_level, members, 0L as joins, 0L as leaves, 0L as active_members,
    0L as messages, 0L as official_messages, 0L as reached_members, 0L as referred_joins, 0L as referrers
  from member_counts
  where scope_kind in ('group', 'type')
  union all
  select * from carried_activity
),

final as (
  select
    coalesce(counted.dt, other.dt) as dt,
    coalesce(counted.group_type, other.group_type) as group_type,
    coalesce(counted.group_id, other.group_id) as group_id,
    coalesce(counted.is_type_level, other.is_type_level) as is_type_level,
    coalesce(other.members, 0) as members,
    coalesce(counted.joins, 0) + coalesce(other.joins, 0) as joins,
    coalesce(counted.leaves, 0) + coalesce(other.leaves, 0) as leaves,
    coalesce(counted.active_members, 0) + coalesce(other.active_members, 0) as active_members,
    coalesce(counted.messages, 0) + coalesce(other.messages, 0) as messages,
    coalesce(counted.official_messages, 0) + coalesce(other.official_messages, 0) as official_messages,
    coalesce(counted.reached_members, 0) + coalesce(other.reached_members, 0) as reached_members,
    coalesce(counted.referred_joins, 0) + coalesce(other.referred_joins, 0) as referred_joins,
    coalesce(counted.referrers, 0) + coalesce(other.referrers, 0) as referrers,
    coalesce(counted.orders, 0) as orders,
    coalesce(counted.buyers, 0) as buyers,
    coalesce(counted.gmv, 0) as gmv
  from counted
  full outer join other_counts as other
    on other.dt = counted.dt
   and other.group_type <=> counted.group_type
   and other.group_id <=> counted.group_id
   and other.is_type_level = counted.is_type_level
)

select * from final

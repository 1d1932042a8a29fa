-- grain: one row per day of purchase_days and owner with a group existing on it
-- metrics.md, "Beyond the core tables", owner_daily: over the owner's groups that exist on the day,
-- how many there are, the customers present, active and reached in any of them (distinct across
-- them), the official messages and the owner's own messages in them, their joins and leaves, the
-- purchases attributed to them, and how many are dead (Group health).
-- The days from :activity_from are computed; on the days of purchase_days before it only orders, buyers and
-- gmv are, the other columns are as published (published_owner_daily): the exports new to the run
-- change nothing else there.
with owner_groups as (
  select /*+ BROADCAST(attributes) */ existing.dt, existing.group_id, attributes.owner_id
  from existing_groups as existing
  join group_attributes as attributes on attributes.group_id = existing.group_id
),

-- the facts of the owners' groups on the days they exist (daily_facts: every fact of a computed day,
-- the purchases of every day of purchase_days), each person once per owner, day and fact
people as (
  select /*+ BROADCAST(owner_groups) */
    facts.dt, owner_groups.owner_id, facts.fact, facts.person_id, count(*) as events, sum(facts.amount) as amount
  from daily_facts as facts
  join owner_groups on owner_groups.dt = facts.dt and owner_groups.group_id = facts.group_id
  where facts.fact in ('join', 'leave', 'message', 'official_message', 'reached', 'order')
  group by facts.dt, owner_groups.owner_id, facts.fact, facts.person_id
),

counted as (
  select
    dt,
    owner_id,
    coalesce(sum(if(fact = 'join', events, null)), 0) as joins,
    coalesce(sum(if(fact = 'leave', events, null)), 0) as leaves,
    count_if(fact = 'message') as active_members,
    coalesce(sum(if(fact = 'official_message', events, null)), 0) as official_messages,
    count_if(fact = 'reached') as reached_members,
    coalesce(sum(if(fact = 'order', events, null)), 0) as orders,
    count_if(fact = 'order') as buyers,
    coalesce(sum(if(fact = 'order', amount, null)), 0) as gmv
  from people
  group by dt, owner_id
),

owner_messages as (
  select /*+ BROADCAST(owner_groups) */ messages.dt, owner_groups.owner_id, count(*) as owner_messages
  from messages
  join owner_groups
    on owner_groups.dt = messages.dt
   and owner_groups.group_id = messages.group_id
   and owner_groups.owner_id = messages.sender_id
  where messages.kind = 'message' and messages.dt >= :activity_from
  group by messages.dt, owner_groups.owner_id
),

health as (
  select health.dt, owner_groups.owner_id, count(*) as groups, count_if(health.is_dead) as dead_groups
  from group_health as health
  join owner_groups on owner_groups.dt = health.dt and owner_groups.group_id = health.group_id
  group by health.dt, owner_groups.owner_id
),

owner_members as (
  select dt, scope_id as owner_id, members from member_counts where scope_kind = 'owner'
),

computed as (
  select
    health.dt,
    health.owner_id,
    health.groups,
    coalesce(owner_members.members, 0) as members,
    coalesce(counted.active_members, 0) as active_members,
    coalesce(counted.reached_members, 0) as reached_members,
    coalesce(counted.official_messages, 0) as official_messages,
    coalesce(owner_messages.owner_messages, 0) as owner_messages,
    coalesce(counted.joins, 0) as joins,
    coalesce(counted.leaves, 0) as leaves,
    health.dead_groups
  from health
  left join owner_members on owner_members.dt = health.dt and owner_members.owner_id = health.owner_id
  left join counted on counted.dt = health.dt and counted.owner_id = health.owner_id
  left join owner_messages on owner_messages.dt = health.dt and owner_messages.owner_id = health.owner_id
),

carried as (
  select dt, owner_id, groups, members, active_members, reached_members, official_messages, owner_messages,
    joins, leaves, dead_groups
  from published_owner_daily
),

owner_days as (
  select * from computed
  union all
  select * from carried
),

final as (
  select
    owner_days.*,
    if(owner_days.members = 0, null, owner_days.reached_members / owner_days.members) as reach_rate,
    if(owner_days.members = 0, null, owner_days.active_members / owner_days.members) as activity_rate,
    coalesce(counted.orders, 0) as orders,
    coalesce(counted.buyers, 0) as buyers,
    coalesce(counted.gmv, 0) as gmv
  from owner_days
  left join counted on counted.dt = owner_days.dt and counted.owner_id = owner_days.owner_id
)

select * from final

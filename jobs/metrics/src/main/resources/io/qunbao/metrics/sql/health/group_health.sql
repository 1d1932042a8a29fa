-- grain: one row per computed day and group existing on it (a dead group must be visible)
-- metrics.md, "Group health": age_days = whole days from the created_at day; active_7d and
-- messages_7d over D-6 … D; is_dead = age_days >= min-age and
-- active_7d < max(min-active, ceil(min-active-share × members)).
-- Each member's active days are shuffled once, by group: spread over the 7 days they count for and
-- reduced to one row per member and day, every later step groups by the group and more, so it runs
-- where the rows already are and active_7d is a plain count (a count(distinct) would make Spark
-- shuffle the spread rows, seven per member and day, again).
with daily_activity as (
  select dt, group_id, sender_id as member_id, count(*) as messages
  from messages
  where kind = 'message' and sender_class = 'customer' and dt between date_sub(:activity_from, 6) and :run_date
  group by dt, group_id, sender_id
  distribute by group_id
),

seven_days as (
  select
    explode(sequence(greatest(dt, :activity_from), least(date_add(dt, 6), :run_date))) as dt,
    group_id,
    member_id,
    messages
  from daily_activity
),

member_7d as (
  select dt, group_id, member_id, sum(messages) as messages
  from seven_days
  group by dt, group_id, member_id
),

activity_7d as (
  select dt, group_id, count(*) as active_7d, sum(messages) as messages_7d
  from member_7d
  group by dt, group_id
),

members as (
  select dt, group_id, members from daily_rollup where not is_type_level and group_id is not null
),

measured as (
  select
    existing.dt,
    existing.group_id,
    existing.group_type,
    datediff(existing.dt, existing.created_day) as age_days,
    coalesce(members.members, 0) as members,
    coalesce(activity_7d.active_7d, 0) as active_7d,
    coalesce(activity_7d.messages_7d, 0) as messages_7d
  from existing_groups as existing
  left join members on members.dt = existing.dt and members.group_id = existing.group_id
  left join activity_7d on activity_7d.dt = existing.dt and activity_7d.group_id = existing.group_id
  where existing.dt >= :activity_from
),

final as (
  select
    *,
    age_days >= :dead_min_age_days
      and active_7d < greatest(
        cast(:dead_min_active as bigint),
        cast(ceil(cast(:dead_min_active_share as decimal(9, 6)) * members) as bigint)) as is_dead
  from measured
)

select * from final

-- grain: one row per group, day and customer reached (触达)
-- metrics.md, "Daily metrics", reached_members: customers present in the group at the instant of
-- at least one official message of that group on the day; present at t when
-- join_at <= t and (leave_at is null or t <= leave_at), both ends inclusive.
with official as (
  select group_id, dt, sent_at
  from messages
  where kind = 'message' and sender_class = 'official'
),

reached as (
  select distinct
    official.dt,
    intervals.group_id,
    intervals.group_type,
    intervals.member_id
  from official
  join membership_intervals as intervals
    on intervals.group_id = official.group_id
   and intervals.join_at <= official.sent_at
   and (intervals.leave_at is null or official.sent_at <= intervals.leave_at)
),

final as (
  select dt, group_id, group_type, 'reached' as fact, member_id as person_id,
    cast(null as decimal(18, 2)) as amount
  from reached
)

select * from final

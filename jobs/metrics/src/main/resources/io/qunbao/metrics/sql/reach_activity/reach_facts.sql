-- grain: one row per group, day and customer reached (触达)
-- metrics.md, "Daily metrics", reached_members: customers present in the group at the instant of
-- at least one official message of that group on the day; present at t when
-- join_at <= t and (leave_at is null or t <= leave_at), both ends inclusive.
-- Rather than pairing every official message with every interval of its group, an interval that
-- has begun by the day's first official message is reached exactly when it has not ended before
-- that message (every later message is later than its end too); only an interval that begins after
-- the day's first official message is checked against the day's messages, for one it is present at
-- (a semi join: one fact per interval, not one per message).
with official as (
  select group_id, dt, sent_at
  from messages
  where kind = 'message' and sender_class = 'official' and dt >= :activity_from
),

first_official as (
  select group_id, dt, min(sent_at) as first_at from official group by group_id, dt
),

present_at_first as (
  select first_official.dt, intervals.group_id, intervals.group_type, intervals.member_id
  from first_official
  join membership_intervals as intervals
    on intervals.group_id = first_official.group_id
   and intervals.join_at <= first_official.first_at
   and (intervals.leave_at is null or intervals.leave_at >= first_official.first_at)
),

joined_after_first as (
  select first_official.dt, intervals.group_id, intervals.group_type, intervals.member_id
  from first_official
  join membership_intervals as intervals
    on intervals.group_id = first_official.group_id
   and intervals.join_day = first_official.dt
   and intervals.join_at > first_official.first_at
  left semi join official
    on official.group_id = intervals.group_id
   and official.dt = first_official.dt
   and official.sent_at >= intervals.join_at
   and (intervals.leave_at is null or official.sent_at <= intervals.leave_at)
),

reached as (
  -- a member can be found by both: the rollup counts people distinct
  select * from present_at_first
  union all
  select * from joined_after_first
),

final as (
  select dt, group_id, group_type, 'reached' as fact, member_id as person_id,
    cast(null as decimal(18, 2)) as amount
  from reached
)

select * from final

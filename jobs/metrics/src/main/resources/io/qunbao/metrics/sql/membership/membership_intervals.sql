-- grain: one row per membership interval of a customer in a group
-- metrics.md, "Membership": per (group, customer) the events are walked in the order (sent_at;
-- join, then message, then leave; msg_id) with one bit, present. After a join or a message the
-- member is present, after a leave absent, whatever came before; so the bit before an event is just
-- "the previous event was not a leave", a lag() and no recursion. An interval starts at an event
-- that finds the member absent (a join, or a message: an implicit join) and ends at a leave that
-- finds them present. Rule 7: an interval still open at the group's dissolved_at ends there, and
-- that end is not a leave (ended_by = 'dissolution').
-- A nightly run's walk resumes at :resume_from, its first recomputed day, where the days before
-- left it (a full run, a backfill and a night without published intervals walk every day, from
-- 0001-01-01): published_membership_intervals are the intervals the last publication found (empty
-- unless the walk resumes). Before that day nothing the new exports bring changes
-- (jobs/metrics/README.md, "The run plan: what a night recomputes"), so an interval ended by a leave
-- before it stays as published, and one still open when it begins is walked on from its start (one
-- event, before every event of the days walked).
with resumed as (
  select *, ended_by <=> 'leave' and leave_day < :resume_from as closed
  from published_membership_intervals
  where join_day < :resume_from
),

events as (
  select group_id, sender_id as member_id, msg_id, sent_at, kind, inviter_id, join_scene, code_id
  from messages
  where sender_class = 'customer' and dt >= :resume_from
  union all
  select group_id, member_id, join_msg_id, join_at, if(explicit_join, 'join', 'message'), inviter_id,
    join_scene, code_id
  from resumed
  where not closed
),

sequenced as (
  select *, case kind when 'join' then 0 when 'message' then 1 else 2 end as kind_order from events
),

walk as (
  select
    *,
    coalesce(lag(kind <> 'leave') over walk_order, false) as present_before
  from sequenced
  window walk_order as (partition by group_id, member_id order by sent_at, kind_order, msg_id)
),

boundaries as (
  select
    *,
    not present_before and kind <> 'leave' as starts,
    present_before and kind = 'leave' as ends
  from walk
  where (not present_before and kind <> 'leave') or (present_before and kind = 'leave')
),

numbered as (
  select
    *,
    sum(if(starts, 1, 0)) over (
      partition by group_id, member_id
      order by sent_at, kind_order, msg_id
      rows between unbounded preceding and current row) as interval_no
  from boundaries
),

intervals as (
  select
    group_id,
    member_id,
    interval_no,
    max(if(starts, sent_at, null)) as join_at,
    max(if(ends, sent_at, null)) as left_at,
    max(if(starts, msg_id, null)) as join_msg_id,
    bool_or(starts and kind = 'join') as explicit_join,
    max(if(starts, inviter_id, null)) as inviter_id,
    max(if(starts, join_scene, null)) as join_scene,
    max(if(starts, code_id, null)) as code_id
  from numbered
  group by group_id, member_id, interval_no
  union all
  -- ended by a leave before the walk's first day: as published
  select group_id, member_id, 0, join_at, leave_at, join_msg_id, explicit_join, inviter_id, join_scene, code_id
  from resumed
  where closed
),

final as (
  select
    intervals.group_id,
    coalesce(groups.group_type, 'unknown') as group_type,
    intervals.member_id,
    intervals.join_at,
    coalesce(intervals.left_at, groups.dissolved_at) as leave_at,
    case
      when intervals.left_at is not null then 'leave'
      when groups.dissolved_at is not null then 'dissolution'
    end as ended_by,
    to_date(from_utc_timestamp(intervals.join_at, :zone)) as join_day,
    to_date(from_utc_timestamp(coalesce(intervals.left_at, groups.dissolved_at), :zone)) as leave_day,
    intervals.explicit_join,
    intervals.join_msg_id,
    intervals.join_scene,
    intervals.inviter_id,
    intervals.code_id
  from intervals
  left join group_attributes as groups on groups.group_id = intervals.group_id
)

select * from final

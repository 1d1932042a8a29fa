-- grain: one row per referred join, of every day: an interval begun by an explicit join whose
-- inviter_id is a customer other than the joiner
-- metrics.md, "Daily metrics" (referred_joins) and "Beyond the core tables", terms: referred join,
-- inviter, quick quit (the interval ends by a member_leave less than 24 h after the join; an end by
-- dissolution is no leave). A member_join while present starts no interval and so is no join at all.
-- Not bounded by the days a run computes: first joins and generations look back over every day.
with final as (
  select
    intervals.join_day as dt,
    intervals.group_id,
    intervals.group_type,
    intervals.member_id,
    intervals.inviter_id,
    intervals.join_at,
    intervals.ended_by <=> 'leave' and intervals.leave_at < intervals.join_at + interval 24 hours as is_quick_quit
  from membership_intervals as intervals
  left anti join staff_roles as staff on staff.member_id = intervals.inviter_id
  where intervals.explicit_join
    and intervals.inviter_id is not null
    and intervals.inviter_id <> intervals.member_id
)

select * from final

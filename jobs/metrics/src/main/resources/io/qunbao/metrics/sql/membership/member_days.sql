-- grain: one row per membership interval and computed day it touches (a customer who left and
-- joined again on a day has two rows for it: the rollup counts people distinct, so no distinct here)
-- metrics.md, "Membership": members(G, D) = join_at < D+1 00:00 and (leave_at null or
-- leave_at >= D 00:00), i.e. the interval touches the business-zone day D.
with span as (
  select min(dt) as first_day, max(dt) as last_day from computed_days
),

touching as (
  select
    intervals.group_id,
    intervals.group_type,
    intervals.member_id,
    greatest(intervals.join_day, span.first_day) as from_day,
    least(coalesce(intervals.leave_day, span.last_day), span.last_day) as to_day
  from membership_intervals as intervals
  cross join span
  where intervals.join_day <= span.last_day
    and coalesce(intervals.leave_day, span.last_day) >= span.first_day
),

days as (
  select
    explode(sequence(from_day, to_day)) as dt,
    group_id,
    group_type,
    member_id
  from touching
),

final as (
  select dt, group_id, group_type, member_id from days
)

select * from final

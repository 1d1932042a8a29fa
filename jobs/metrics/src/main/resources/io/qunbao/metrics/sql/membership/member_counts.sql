-- grain: one row per computed day and group, and per computed day and group type (group_id null),
-- with members > 0
-- metrics.md, "Membership" and "Daily metrics": members(G, D) counts the customers whose interval
-- touches the business-zone day D (join_at < D+1 00:00 and (leave_at null or leave_at >= D 00:00)); a
-- type counts them distinct across its groups. Rather than one row per member and day, each
-- member's day spans are merged per group and per type (overlapping spans: left and came back, or
-- in two groups of the type) and counted with +1 on the first day and -1 after the last, summed
-- along the days: work per interval, not per interval and day.
with span as (
  select min(dt) as first_day, max(dt) as last_day from activity_days
),

spans as (
  select
    intervals.group_type,
    intervals.group_id,
    intervals.member_id,
    greatest(intervals.join_day, span.first_day) as from_day,
    least(coalesce(intervals.leave_day, span.last_day), span.last_day) as to_day
  from membership_intervals as intervals
  cross join span
  where intervals.join_day <= span.last_day
    and coalesce(intervals.leave_day, span.last_day) >= span.first_day
),

-- scope: the group, or '' for the whole type. The spans are shuffled once, by type and member: the
-- merging below partitions and groups by those and more, so it runs where the rows already are (a
-- union of the two scopes would be shuffled, twice, by scope).
scoped as (
  select group_type, explode(array(group_id, '')) as scope, member_id, from_day, to_day
  from (select * from spans distribute by group_type, member_id) as by_member
),

ordered as (
  select
    *,
    max(to_day) over (
      partition by group_type, scope, member_id
      order by from_day, to_day
      rows between unbounded preceding and 1 preceding) as covered_to
  from scoped
),

islands as (
  select
    *,
    sum(if(covered_to is null or from_day > covered_to, 1, 0)) over (
      partition by group_type, scope, member_id
      order by from_day, to_day
      rows between unbounded preceding and current row) as island
  from ordered
),

merged as (
  select group_type, scope, member_id, min(from_day) as from_day, max(to_day) as to_day
  from islands
  group by group_type, scope, member_id, island
),

-- both ends of a span from one pass over the merged spans (a union of two selects would merge them twice)
changes as (
  select group_type, scope, change.dt, sum(change.delta) as delta
  from (
    select group_type, scope,
      explode(array(named_struct('dt', from_day, 'delta', 1), named_struct('dt', date_add(to_day, 1), 'delta', -1))) as change
    from merged
  ) as deltas
  group by group_type, scope, change.dt
),

-- the scopes with a span, listed from the spans: listing them from the changes would merge the spans again
calendar as (
  select scopes.group_type, scopes.scope, days.dt
  from (
    select distinct group_type, scope from spans lateral view explode(array(group_id, '')) as scope
  ) as scopes
  cross join activity_days as days
),

counted as (
  select
    calendar.dt,
    calendar.group_type,
    calendar.scope,
    sum(coalesce(changes.delta, 0)) over (
      partition by calendar.group_type, calendar.scope
      order by calendar.dt
      rows between unbounded preceding and current row) as members
  from calendar
  left join changes
    on changes.group_type = calendar.group_type and changes.scope = calendar.scope and changes.dt = calendar.dt
),

final as (
  select dt, group_type, nullif(scope, '') as group_id, scope = '' as is_type_level, members
  from counted
  where members > 0
)

select * from final

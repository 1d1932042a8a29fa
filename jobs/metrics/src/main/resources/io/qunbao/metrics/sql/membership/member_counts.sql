-- grain: one row per computed day and scope with members > 0. Scopes: a group (scope_kind 'group'),
-- a group type ('type', group_id null), and those member_scopes lists: an owner's groups ('owner'),
-- a campaign's groups ('campaign'), each named by scope_id
-- metrics.md, "Membership" and "Daily metrics": members(G, D) counts the customers whose interval
-- touches the business-zone day D (join_at < D+1 00:00 and (leave_at null or leave_at >= D 00:00)); a
-- type, an owner and a campaign count them distinct across their groups. Rather than one row per
-- member and day, each member's day spans are merged per scope (overlapping spans: left and came
-- back, or in two groups of the scope) and counted with +1 on the first day and -1 after the last,
-- summed along the days: work per interval, not per interval and day.
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

-- the scopes of each group beyond itself and its type, with the days they count it
group_scopes as (
  select
    group_id,
    collect_list(named_struct('kind', scope_kind, 'id', scope_id, 'from_day', from_day, 'to_day', to_day)) as scopes
  from member_scopes
  group by group_id
),

-- every scope a span counts in, clipped to the days the scope counts its group; group_type is kept for
-- a group and a type only. The spans are shuffled once, by member: the merging below partitions and
-- groups by the member and more, so it runs where the rows already are (a union of the scopes would
-- be shuffled again, by scope), and the scopes of the groups are broadcast.
scoped as (
  select
    if(scope.kind in ('group', 'type'), group_type, null) as group_type,
    scope.kind as scope_kind,
    scope.id as scope,
    member_id,
    greatest(from_day, coalesce(scope.from_day, from_day)) as from_day,
    least(to_day, coalesce(scope.to_day, to_day)) as to_day
  from (
    select /*+ BROADCAST(group_scopes) */
      by_member.*,
      explode(concat(
        array(
          named_struct('kind', 'group', 'id', by_member.group_id, 'from_day', cast(null as date), 'to_day', cast(null as date)),
          named_struct('kind', 'type', 'id', '', 'from_day', cast(null as date), 'to_day', cast(null as date))),
        coalesce(group_scopes.scopes, array()))) as scope
    from (select * from spans distribute by member_id) as by_member
    left join group_scopes on group_scopes.group_id = by_member.group_id
  ) as exploded
  where greatest(from_day, coalesce(scope.from_day, from_day)) <= least(to_day, coalesce(scope.to_day, to_day))
),

ordered as (
  select
    *,
    max(to_day) over (
      partition by scope_kind, group_type, scope, member_id
      order by from_day, to_day
      rows between unbounded preceding and 1 preceding) as covered_to
  from scoped
),

islands as (
  select
    *,
    sum(if(covered_to is null or from_day > covered_to, 1, 0)) over (
      partition by scope_kind, group_type, scope, member_id
      order by from_day, to_day
      rows between unbounded preceding and current row) as island
  from ordered
),

merged as (
  select scope_kind, group_type, scope, member_id, min(from_day) as from_day, max(to_day) as to_day
  from islands
  group by scope_kind, group_type, scope, member_id, island
),

-- both ends of a span from one pass over the merged spans (a union of two selects would merge them twice)
changes as (
  select scope_kind, group_type, scope, change.dt, sum(change.delta) as delta
  from (
    select scope_kind, group_type, scope,
      explode(array(named_struct('dt', from_day, 'delta', 1), named_struct('dt', date_add(to_day, 1), 'delta', -1))) as change
    from merged
  ) as deltas
  group by scope_kind, group_type, scope, change.dt
),

-- the scopes with a span, listed from the scoped spans: listing them from the changes would merge the spans again
calendar as (
  select scopes.scope_kind, scopes.group_type, scopes.scope, days.dt
  from (select distinct scope_kind, group_type, scope from scoped) as scopes
  cross join activity_days as days
),

counted as (
  select
    calendar.dt,
    calendar.scope_kind,
    calendar.group_type,
    calendar.scope,
    sum(coalesce(changes.delta, 0)) over (
      partition by calendar.scope_kind, calendar.group_type, calendar.scope
      order by calendar.dt
      rows between unbounded preceding and current row) as members
  from calendar
  left join changes
    on changes.scope_kind = calendar.scope_kind
   and changes.group_type <=> calendar.group_type
   and changes.scope = calendar.scope
   and changes.dt = calendar.dt
),

final as (
  select
    dt,
    scope_kind,
    group_type,
    if(scope_kind = 'group', scope, null) as group_id,
    scope_kind = 'type' as is_type_level,
    if(scope_kind in ('owner', 'campaign'), scope, null) as scope_id,
    members
  from counted
  where members > 0
)

select * from final

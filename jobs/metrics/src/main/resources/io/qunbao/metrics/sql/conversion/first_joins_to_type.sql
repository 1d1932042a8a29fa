-- grain: one row per customer and group type they joined: their first join to the type
-- metrics.md, "Conversion": the earliest join_at of their intervals in groups of the type (explicit or
-- implicit; on a tie, the smallest group_id), the interval that puts them in the cohort of its day;
-- inviter_id when it is a referred join (referral/referred_joins.sql), else null.
-- Over every interval, never bounded by the days a run computes: the first join of a cohort, or the
-- one a later join repeats, may lie before them. The earliest is the least (join_at, group_id) pair:
-- an aggregation, not a window that would sort every interval.
with firsts as (
  select
    member_id,
    group_type,
    min(named_struct('join_at', join_at, 'group_id', group_id, 'join_day', join_day)) as first_join
  from membership_intervals
  group by member_id, group_type
),

final as (
  select
    firsts.member_id,
    firsts.group_type,
    firsts.first_join.group_id as group_id,
    firsts.first_join.join_at as join_at,
    firsts.first_join.join_day as join_day,
    referred.inviter_id
  from firsts
  left join referred_joins as referred
    on referred.member_id = firsts.member_id
   and referred.group_id = firsts.first_join.group_id
   and referred.join_at = firsts.first_join.join_at
)

select * from final

-- grain: one row per counted membership event: 'join' (an interval starting on the day), 'leave'
-- (an interval ended on the day by a member_leave); members are counted by member_counts
-- metrics.md, "Daily metrics": joins, leaves; dissolution ends are not leaves (rule 7).
with joins as (
  select join_day as dt, group_id, group_type, 'join' as fact, member_id as person_id
  from membership_intervals
  where join_day >= :activity_from
),

leaves as (
  select leave_day as dt, group_id, group_type, 'leave' as fact, member_id as person_id
  from membership_intervals
  where ended_by = 'leave' and leave_day >= :activity_from
),

final as (
  select *, cast(null as decimal(18, 2)) as amount from joins
  union all
  select *, cast(null as decimal(18, 2)) as amount from leaves
)

select * from final

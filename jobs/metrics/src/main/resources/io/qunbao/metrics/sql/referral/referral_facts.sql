-- grain: one row per referral fact: 'referred_join' (person = the joiner) and 'referrer'
-- (person = the inviter) of each referred join
-- metrics.md, "Daily metrics": referred_joins = explicit joins on the day whose inviter_id is a
-- customer other than the joiner; referrers = distinct such inviters. A member_join while present
-- starts no interval and so is no join at all.
with referred as (
  select intervals.join_day as dt, intervals.group_id, intervals.group_type,
    intervals.member_id, intervals.inviter_id
  from membership_intervals as intervals
  left anti join staff_roles as staff on staff.member_id = intervals.inviter_id
  where intervals.explicit_join
    and intervals.join_day >= :activity_from
    and intervals.inviter_id is not null
    and intervals.inviter_id <> intervals.member_id
),

final as (
  select dt, group_id, group_type, 'referred_join' as fact, member_id as person_id,
    cast(null as decimal(18, 2)) as amount
  from referred
  union all
  select dt, group_id, group_type, 'referrer' as fact, inviter_id as person_id,
    cast(null as decimal(18, 2)) as amount
  from referred
)

select * from final

-- grain: one row per referral fact of a computed day: 'referred_join' (person = the joiner) and
-- 'referrer' (person = the inviter) of each referred join
-- metrics.md, "Daily metrics": referred_joins = explicit joins on the day whose inviter_id is a
-- customer other than the joiner (referred_joins.sql); referrers = distinct such inviters.
with referred as (
  select dt, group_id, group_type, member_id, inviter_id
  from referred_joins
  where dt >= :activity_from
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

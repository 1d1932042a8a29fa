-- grain: one row per day, group type and referrer (a customer whose invitation, link or poster
-- brought at least one referred join that day)
-- metrics.md, "Daily metrics" (referred_joins, referrers) broken down by referrer, for the report's
-- "top 10 referrers of the day": the spec's tables count referrers but do not name them.
with referrer_facts as (
  select dt, group_type, person_id as referrer_id
  from referral_facts
  where fact = 'referrer'
),

final as (
  select dt, group_type, referrer_id, count(*) as referred_joins
  from referrer_facts
  group by dt, group_type, referrer_id
)

select * from final

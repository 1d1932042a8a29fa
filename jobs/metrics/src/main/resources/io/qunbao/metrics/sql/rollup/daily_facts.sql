-- grain: one row per fact of a computed day, and per purchase fact of purchase_days:
-- (dt, group, fact, person, amount)
-- The families' facts in one long table, so that group_daily and type_daily aggregate the same
-- rows at two grains: per group, and per type with people counted distinct across its groups.
with facts as (
  select * from membership_facts
  union all
  select * from activity_facts
  union all
  select * from reach_facts
  union all
  select * from referral_facts
),

final as (
  select facts.*
  from facts
  join activity_days as days on days.dt = facts.dt
  union all
  select order_facts.*
  from order_facts
  join purchase_days as days on days.dt = order_facts.dt
)

select * from final

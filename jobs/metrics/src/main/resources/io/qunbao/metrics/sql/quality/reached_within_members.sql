-- grain: one row per group, type or owner day with more reached members than members
with final as (
  select concat('group_daily dt=', dt, ' ', group_id, ': reached_members ', reached_members, ' > members ', members) as detail
  from group_daily where reached_members > members
  union all
  select concat('type_daily dt=', dt, ' ', group_type, ': reached_members ', reached_members, ' > members ', members)
  from type_daily where reached_members > members
  union all
  select concat('owner_daily dt=', dt, ' ', owner_id, ': reached_members ', reached_members, ' > members ', members)
  from owner_daily where reached_members > members
)

select * from final

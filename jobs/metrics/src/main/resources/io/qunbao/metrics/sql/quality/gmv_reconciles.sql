-- grain: one row per published day whose gmv over the type rows (the unattributed row included)
-- differs from the value of all purchases paid that day: each purchase counted exactly once
with by_type as (
  select dt, sum(gmv) as gmv from type_daily group by dt
),

by_purchase as (
  select purchases.dt, sum(purchases.amount) as gmv
  from purchases
  join purchase_days as days on days.dt = purchases.dt
  group by purchases.dt
),

final as (
  select concat('dt=', coalesce(by_type.dt, by_purchase.dt), ': type_daily gmv ', coalesce(by_type.gmv, 0),
      ' but purchases total ', coalesce(by_purchase.gmv, 0)) as detail
  from by_type
  full outer join by_purchase on by_purchase.dt = by_type.dt
  where coalesce(by_type.gmv, 0) <> coalesce(by_purchase.gmv, 0)
)

select * from final

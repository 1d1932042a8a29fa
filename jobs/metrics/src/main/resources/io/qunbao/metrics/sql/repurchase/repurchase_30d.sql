-- grain: one row per computed day and group type (null: unattributed) with purchases in the
-- trailing 30 days
-- metrics.md, "Repurchase (复购)": over D-29 … D, repurchase_buyers_30d = distinct buyers with at
-- least one purchase attributed to the type, repeat_buyers_30d = with at least two.
with spread as (
  select
    explode(sequence(dt, date_add(dt, 29))) as dt,
    group_type,
    buyer_id
  from attributed_purchases
  where dt >= date_sub(:purchases_from, 29)
),

per_buyer as (
  select spread.dt, spread.group_type, spread.buyer_id, count(*) as purchases
  from spread
  join purchase_days as days on days.dt = spread.dt
  group by spread.dt, spread.group_type, spread.buyer_id
),

final as (
  select
    dt,
    group_type,
    count(*) as repurchase_buyers_30d,
    count_if(purchases >= 2) as repeat_buyers_30d
  from per_buyer
  group by dt, group_type
)

select * from final

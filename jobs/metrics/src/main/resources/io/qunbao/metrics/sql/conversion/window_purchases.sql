-- grain: one row per customer and join instant that opens a conversion window on a day of
-- :purchases_from or later, and has a purchase inside it: the value of those purchases
-- metrics.md, "Conversion" and "Beyond the core tables" (campaign_daily): the windows open at a first
-- join to a type and at a campaign joiner's earliest join with the code; a purchase (attributed
-- anywhere, or not at all) converts when join_at <= paid_at < join_at + window_days × 24 h. Only the
-- purchases paid on or before the run date count (nothing after it is published).
with windows as (
  select member_id, join_at from first_joins_to_type where join_day >= :purchases_from
  union
  select member_id, join_at from code_joiners where join_day >= :purchases_from
),

final as (
  select windows.member_id, windows.join_at, sum(purchases.amount) as gmv
  from windows
  join purchases
    on purchases.buyer_id = windows.member_id
   and purchases.paid_at >= windows.join_at
   and purchases.paid_at < windows.join_at + make_dt_interval(:window_days)
   and purchases.dt <= :run_date
  group by windows.member_id, windows.join_at
)

select * from final

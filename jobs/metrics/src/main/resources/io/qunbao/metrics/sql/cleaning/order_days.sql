-- grain: one row per published day this run recomputes the order-derived values of: from
-- :orders_from_day to the run date. They are computed_days and the days before them that only new
-- orders (or cohorts still maturing) change: on those, the counts that do not come from purchases
-- are kept as published (rollup/carried_activity, scans/scan_type_daily).
with final as (
  select dt from published_days where dt >= :orders_from_day
)

select * from final

-- grain: one row per published day this run computes: from :from_day to the run date
-- metrics.md, "Runs, late data and recomputation": the days before :from_day are ones the exports
-- new to this run cannot change (or a backfill's range does not ask for); their published rows stay.
with final as (
  select dt from published_days where dt >= :from_day
)

select * from final

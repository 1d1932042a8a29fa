-- grain: one row per campaign (code_id) and customer who joined a group by an explicit join with its
-- code: their earliest such join
-- metrics.md, "Beyond the core tables", campaign_daily: joiners are counted on the day of that join,
-- and converted in the window it opens. Of every day: an earlier code join makes a later one no
-- joiner's.
with final as (
  select
    code_id,
    member_id,
    min(join_at) as join_at,
    min(join_day) as join_day
  from membership_intervals
  where explicit_join and code_id is not null
  group by code_id, member_id
)

select * from final

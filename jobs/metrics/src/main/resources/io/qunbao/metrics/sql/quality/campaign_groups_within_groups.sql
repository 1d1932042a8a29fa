-- grain: one row per campaign_daily day and code with more new or full groups than groups
with final as (
  select concat('campaign_daily dt=', dt, ' ', code_id, ': groups ', groups, ', new_groups ', new_groups,
      ', full_groups ', full_groups) as detail
  from campaign_daily
  where new_groups > groups or full_groups > groups
)

select * from final

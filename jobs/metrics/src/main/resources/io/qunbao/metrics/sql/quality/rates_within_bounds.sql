-- grain: one row per published rate outside [0, 1] (a rate the definition bounds; k_factor and
-- net_k_factor are not)
with rates as (
  select 'type_daily' as tbl, dt, group_type as row_key, 'activity_rate' as rate, activity_rate as value from type_daily
  union all
  select 'type_daily', dt, group_type, 'reach_rate', reach_rate from type_daily
  union all
  select 'type_daily', dt, group_type, 'scan_join_rate', scan_join_rate from type_daily
  union all
  select 'type_daily', dt, group_type, 'repurchase_rate_30d', repurchase_rate_30d from type_daily
  union all
  select 'cohort_conversion', dt, group_type, 'conversion_rate', conversion_rate from cohort_conversion
  union all
  select 'channel_daily', dt, concat_ws('/', code_id, channel, group_type), 'scan_join_rate', scan_join_rate from channel_daily
  union all
  select 'campaign_daily', dt, code_id, 'scan_join_rate', scan_join_rate from campaign_daily
  union all
  select 'campaign_daily', dt, code_id, 'conversion_rate', conversion_rate from campaign_daily
  union all
  select 'owner_daily', dt, owner_id, 'reach_rate', reach_rate from owner_daily
  union all
  select 'owner_daily', dt, owner_id, 'activity_rate', activity_rate from owner_daily
),

final as (
  select concat(tbl, ' dt=', dt, ' ', coalesce(row_key, 'unattributed'), ': ', rate, ' = ', value) as detail
  from rates
  where value < 0 or value > 1 or isnan(value)
)

select * from final

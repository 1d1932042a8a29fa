-- grain: one row per day of purchase_days and group type with a referred join
-- metrics.md, "Beyond the core tables", referral_daily: over the referred joins of the day into
-- groups of the type, how many are net, quick quits, repeats, of each depth; net_k_factor =
-- net_referred_joins / members, members as in type_daily; is_final = D + 1 <= R.
-- Computed whole on the days of purchase_days, which reach back to the last run date at least: a day
-- turns final with the run date alone, and members of the days before :activity_from come as published
-- (rollup/carried_activity.sql).
with referrals as (
  select referrals.*
  from classified_referrals as referrals
  join purchase_days as days on days.dt = referrals.dt
),

-- members as type_daily counts them (the type rows of daily_rollup)
members as (
  select dt, group_type, members from daily_rollup where is_type_level and group_type is not null
),

counted as (
  select
    dt,
    group_type,
    count(*) as referred_joins,
    count_if(is_net) as net_referred_joins,
    count_if(is_quick_quit) as quick_quits,
    count_if(is_repeat) as repeat_joins,
    count_if(depth = 1) as gen1_joins,
    count_if(depth = 2) as gen2_joins,
    count_if(depth >= 3) as gen3plus_joins,
    max(depth) as max_depth
  from referrals
  group by dt, group_type
),

final as (
  select
    counted.*,
    if(members.members > 0, counted.net_referred_joins / members.members, null) as net_k_factor,
    date_add(counted.dt, 1) <= :run_date as is_final
  from counted
  left join members on members.dt = counted.dt and members.group_type = counted.group_type
)

select * from final

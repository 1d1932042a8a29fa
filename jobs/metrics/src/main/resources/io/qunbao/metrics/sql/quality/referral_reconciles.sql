-- grain: one row per referral_daily day and type whose referred joins differ from type_daily's, or
-- whose parts exceed them (net, quick quits, repeats), or whose depths do not add up to them
with referral as (
  select * from referral_daily
),

types as (
  select dt, group_type, referred_joins from type_daily where group_type is not null and referred_joins > 0
),

final as (
  select concat('referral_daily dt=', coalesce(referral.dt, types.dt), ' ', coalesce(referral.group_type, types.group_type),
      ': referred_joins ', coalesce(referral.referred_joins, 0), ' (net ', coalesce(referral.net_referred_joins, 0),
      ', quick quits ', coalesce(referral.quick_quits, 0), ', repeats ', coalesce(referral.repeat_joins, 0),
      ', by depth ', concat_ws('/', referral.gen1_joins, referral.gen2_joins, referral.gen3plus_joins),
      ') but type_daily ', coalesce(types.referred_joins, 0)) as detail
  from referral
  full outer join types on types.dt = referral.dt and types.group_type = referral.group_type
  where not (referral.referred_joins <=> types.referred_joins)
     or referral.net_referred_joins > referral.referred_joins
     or referral.quick_quits > referral.referred_joins
     or referral.repeat_joins > referral.referred_joins
     or referral.gen1_joins + referral.gen2_joins + referral.gen3plus_joins <> referral.referred_joins
)

select * from final

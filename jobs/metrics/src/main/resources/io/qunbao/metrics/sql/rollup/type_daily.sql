-- grain: one row per day and group type (group_type null: the unattributed purchases)
-- metrics.md, "Daily metrics" per group type (people distinct across the type's groups), the scan
-- funnel per type, repurchase, and the type_daily row rules: a row for every type with a group
-- existing on the day and for any type with a non-zero count; the unattributed row is null in
-- every column but orders, buyers, gmv and the repurchase columns; rates are null on a 0 denominator.
with groups as (
  select dt, group_type, count(*) as groups from existing_groups group by dt, group_type
),

activity as (
  select * from daily_rollup where is_type_level
),

scans as (
  select * from scan_type_daily
),

repurchase as (
  select * from repurchase_30d
),

row_keys as (
  select dt, group_type from groups
  union
  select dt, group_type from activity
  union
  select dt, group_type from scans
  union
  select dt, group_type from repurchase
),

joined as (
  select
    row_keys.dt,
    row_keys.group_type,
    coalesce(groups.groups, 0) as groups,
    coalesce(activity.members, 0) as members,
    coalesce(activity.joins, 0) as joins,
    coalesce(activity.leaves, 0) as leaves,
    coalesce(activity.active_members, 0) as active_members,
    coalesce(activity.messages, 0) as messages,
    coalesce(activity.official_messages, 0) as official_messages,
    coalesce(activity.reached_members, 0) as reached_members,
    coalesce(activity.referred_joins, 0) as referred_joins,
    coalesce(activity.referrers, 0) as referrers,
    coalesce(activity.orders, 0) as orders,
    coalesce(activity.buyers, 0) as buyers,
    coalesce(activity.gmv, 0) as gmv,
    coalesce(scans.scans, 0) as scans,
    coalesce(scans.scanners, 0) as scanners,
    coalesce(scans.scan_joins, 0) as scan_joins,
    coalesce(repurchase.repurchase_buyers_30d, 0) as repurchase_buyers_30d,
    coalesce(repurchase.repeat_buyers_30d, 0) as repeat_buyers_30d
  from row_keys
  left join groups on groups.dt = row_keys.dt and groups.group_type <=> row_keys.group_type
  left join activity on activity.dt = row_keys.dt and activity.group_type <=> row_keys.group_type
  left join scans on scans.dt = row_keys.dt and scans.group_type <=> row_keys.group_type
  left join repurchase on repurchase.dt = row_keys.dt and repurchase.group_type <=> row_keys.group_type
),

final as (
  select
    dt,
    group_type,
    if(group_type is null, null, groups) as groups,
    if(group_type is null, null, members) as members,
    if(group_type is null, null, joins) as joins,
    if(group_type is null, null, leaves) as leaves,
    if(group_type is null, null, active_members) as active_members,
    if(group_type is null or members = 0, null, active_members / members) as activity_rate,
    if(group_type is null, null, messages) as messages,
    if(group_type is null, null, official_messages) as official_messages,
    if(group_type is null, null, reached_members) as reached_members,
    if(group_type is null or members = 0, null, reached_members / members) as reach_rate,
    if(group_type is null, null, referred_joins) as referred_joins,
    if(group_type is null, null, referrers) as referrers,
    if(group_type is null or members = 0, null, referred_joins / members) as k_factor,
    orders,
    buyers,
    gmv,
    if(group_type is null, null, scans) as scans,
    if(group_type is null, null, scanners) as scanners,
    if(group_type is null, null, scan_joins) as scan_joins,
    if(group_type is null or scanners = 0, null, scan_joins / scanners) as scan_join_rate,
    repurchase_buyers_30d,
    repeat_buyers_30d,
    if(repurchase_buyers_30d = 0, null, repeat_buyers_30d / repurchase_buyers_30d) as repurchase_rate_30d
  from joined
)

select * from final

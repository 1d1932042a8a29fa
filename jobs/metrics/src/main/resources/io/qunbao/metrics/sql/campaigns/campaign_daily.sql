-- grain: one row per day of purchase_days and campaign (code_id) with scans, code joins or joiners
-- metrics.md, "Beyond the core tables", campaign_daily: the campaign's groups up to the day (and
-- those first routed on it, and those full), the customers present in them, the scan funnel of the
-- code over all its groups, its code joins and joiners, and the joiners' conversion in the window of
-- their earliest code join; is_final = D + window_days <= R.
-- The days from :activity_from are computed; on the days of purchase_days before it only the values counted
-- from purchases (converted, conversion_rate, gmv_in_window) and is_final are, the other columns are
-- as published (published_campaign_daily): the exports new to the run change nothing else there.
with scans as (
  select
    dt,
    code_id,
    count(*) as scans,
    count(distinct scanner_id) as scanners,
    count(distinct if(led_to_join, scanner_id, null)) as scan_joins
  from scan_joins
  group by dt, code_id
),

code_joins as (
  select join_day as dt, code_id, count(*) as code_joins
  from membership_intervals
  where explicit_join and code_id is not null and join_day >= :activity_from
  group by join_day, code_id
),

joiners as (
  select code_joiners.join_day as dt, code_joiners.code_id, code_joiners.member_id, code_joiners.join_at
  from code_joiners
  join purchase_days as days on days.dt = code_joiners.join_day
),

joiner_counts as (
  select
    joiners.dt,
    joiners.code_id,
    count(*) as joiners,
    count(in_window.member_id) as converted,
    coalesce(sum(in_window.gmv), 0) as gmv_in_window
  from joiners
  left join window_purchases as in_window
    on in_window.member_id = joiners.member_id and in_window.join_at = joiners.join_at
  group by joiners.dt, joiners.code_id
),

computed_keys as (
  select dt, code_id from scans
  union
  select dt, code_id from code_joins
  union
  select dt, code_id from joiner_counts where dt >= :activity_from
),

-- every group of the campaign up to the day, for the days with a row: its first routing, its fill
campaign_groups_by_day as (
  select
    keys.dt,
    keys.code_id,
    groups.first_routing_day = keys.dt as is_new,
    attributes.capacity is not null and coalesce(members.members, 0) >= attributes.capacity as is_full
  from computed_keys as keys
  join campaign_groups as groups on groups.code_id = keys.code_id and groups.first_routing_day <= keys.dt
  left join group_attributes as attributes on attributes.group_id = groups.group_id
  left join member_counts as members
    on members.scope_kind = 'group' and members.group_id = groups.group_id and members.dt = keys.dt
),

group_counts as (
  select dt, code_id, count(*) as groups, count_if(is_new) as new_groups, count_if(is_full) as full_groups
  from campaign_groups_by_day
  group by dt, code_id
),

campaign_members as (
  select dt, scope_id as code_id, members from member_counts where scope_kind = 'campaign'
),

computed as (
  select
    keys.dt,
    keys.code_id,
    coalesce(group_counts.groups, 0) as groups,
    coalesce(group_counts.new_groups, 0) as new_groups,
    coalesce(group_counts.full_groups, 0) as full_groups,
    coalesce(campaign_members.members, 0) as members,
    coalesce(scans.scans, 0) as scans,
    coalesce(scans.scanners, 0) as scanners,
    coalesce(scans.scan_joins, 0) as scan_joins,
    coalesce(code_joins.code_joins, 0) as code_joins
  from computed_keys as keys
  left join group_counts on group_counts.dt = keys.dt and group_counts.code_id = keys.code_id
  left join campaign_members on campaign_members.dt = keys.dt and campaign_members.code_id = keys.code_id
  left join scans on scans.dt = keys.dt and scans.code_id = keys.code_id
  left join code_joins on code_joins.dt = keys.dt and code_joins.code_id = keys.code_id
),

carried as (
  select dt, code_id, groups, new_groups, full_groups, members, scans, scanners, scan_joins, code_joins
  from published_campaign_daily
),

campaign_days as (
  select * from computed
  union all
  select * from carried
),

final as (
  select
    campaign_days.*,
    if(campaign_days.scanners = 0, null, campaign_days.scan_joins / campaign_days.scanners) as scan_join_rate,
    coalesce(joiner_counts.joiners, 0) as joiners,
    coalesce(joiner_counts.converted, 0) as converted,
    if(coalesce(joiner_counts.joiners, 0) = 0, null, joiner_counts.converted / joiner_counts.joiners) as conversion_rate,
    coalesce(joiner_counts.gmv_in_window, 0) as gmv_in_window,
    date_add(campaign_days.dt, :window_days) <= :run_date as is_final
  from campaign_days
  left join joiner_counts on joiner_counts.dt = campaign_days.dt and joiner_counts.code_id = campaign_days.code_id
)

select * from final

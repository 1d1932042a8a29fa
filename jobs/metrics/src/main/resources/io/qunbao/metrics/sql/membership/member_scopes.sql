-- grain: one row per group and scope beyond the group itself and its type that counts the group's
-- members, with the days it does (to_day null: open)
-- metrics.md, "Beyond the core tables": an owner's members are those of the owner's groups while they
-- exist (owner_daily: listed, from the created day through the dissolved day); a campaign's are those
-- of its groups from their first routing on (campaign_daily: "groups up to D").
with owner_scopes as (
  select group_id, 'owner' as scope_kind, owner_id as scope_id, created_day as from_day, dissolved_day as to_day
  from group_attributes
),

campaign_scopes as (
  select group_id, 'campaign' as scope_kind, code_id as scope_id, first_routing_day as from_day,
    cast(null as date) as to_day
  from campaign_groups
),

final as (
  select * from owner_scopes
  union all
  select * from campaign_scopes
)

select * from final

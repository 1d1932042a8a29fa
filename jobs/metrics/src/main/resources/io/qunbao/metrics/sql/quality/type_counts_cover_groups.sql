-- grain: one row per type day whose distinct-customer count is below its largest group's count
with largest as (
  select dt, group_type,
    max(members) as members, max(active_members) as active_members,
    max(reached_members) as reached_members, max(buyers) as buyers
  from group_daily
  group by dt, group_type
),

final as (
  select concat('type_daily dt=', largest.dt, ' ', largest.group_type, ': members/active/reached/buyers ',
      concat_ws('/', types.members, types.active_members, types.reached_members, types.buyers),
      ' below the largest group''s ',
      concat_ws('/', largest.members, largest.active_members, largest.reached_members, largest.buyers)) as detail
  from largest
  left join type_daily as types on types.dt = largest.dt and types.group_type = largest.group_type
  where coalesce(types.members, 0) < largest.members
     or coalesce(types.active_members, 0) < largest.active_members
     or coalesce(types.reached_members, 0) < largest.reached_members
     or coalesce(types.buyers, 0) < largest.buyers
)

select * from final

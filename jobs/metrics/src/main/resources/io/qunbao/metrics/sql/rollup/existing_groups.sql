-- grain: one row per day of purchase_days (every day with a type_daily row to recompute) and group that exists on it
-- metrics.md, output tables: a group exists on D when it is listed in a snapshot, created on or
-- before D, and not dissolved before D (a group dissolved on D still exists on D).
with final as (
  select days.dt, groups.group_id, groups.group_type, groups.created_day
  from purchase_days as days
  join group_attributes as groups
    on groups.created_day <= days.dt
   and (groups.dissolved_day is null or groups.dissolved_day >= days.dt)
)

select * from final

-- grain: one row per group id that attribution rule (a) may use
-- metrics.md, attribution (a): a group is known when a snapshot lists it or an accepted chat row
-- of an export up to the run date names it (dissolution does not un-know a group).
with listed as (
  select group_id from group_attributes
),

seen_in_chat as (
  select distinct group_id from raw_chat
),

final as (
  select group_id from listed
  union
  select group_id from seen_in_chat
)

select * from final

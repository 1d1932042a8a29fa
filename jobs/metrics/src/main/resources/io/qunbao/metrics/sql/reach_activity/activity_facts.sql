-- grain: one row per counted message event (fact = 'message' by a customer, 'official_message')
-- metrics.md, "Daily metrics": messages / active_members count customer messages that are not
-- member_join/member_leave; official_messages count owner/admin/service messages likewise.
with counted as (
  select
    messages.dt,
    messages.group_id,
    coalesce(groups.group_type, 'unknown') as group_type,
    if(messages.sender_class = 'customer', 'message', 'official_message') as fact,
    messages.sender_id as person_id
  from messages
  left join group_attributes as groups on groups.group_id = messages.group_id
  where messages.kind = 'message' and messages.sender_class in ('customer', 'official')
    and messages.dt >= :activity_from
),

final as (
  select dt, group_id, group_type, fact, person_id, cast(null as decimal(18, 2)) as amount
  from counted
)

select * from final

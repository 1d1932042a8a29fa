-- grain: one row per customer with an interval: their first join, over every group
-- metrics.md, "Beyond the core tables", first join: the earliest join_at of all their intervals
-- (explicit or implicit; on a tie, the smallest group_id), with its inviter when it is a referred join.
-- Each type's first join is already the earliest of that type (conversion/first_joins_to_type.sql), so
-- the first join is the least of those.
with firsts as (
  select
    member_id,
    min(named_struct('join_at', join_at, 'group_id', group_id, 'inviter_id', inviter_id)) as first_join
  from first_joins_to_type
  group by member_id
),

final as (
  select
    member_id,
    first_join.join_at as join_at,
    first_join.group_id as group_id,
    first_join.inviter_id as inviter_id
  from firsts
)

select * from final

-- grain: one row per referred join of the days from :purchases_from, with its depth and whether it
-- is a quick quit, a repeat, or net
-- metrics.md, "Beyond the core tables", terms: the depth of a referred join at t with inviter i is
-- 1 + generation(i) when i's first join is strictly earlier than t, else 1; a repeat is not the
-- joiner's first join to the type of its group (the interval that puts them in the type's cohort);
-- net is neither a quick quit nor a repeat. The generations and first joins are of every day.
with referred as (
  select * from referred_joins where dt >= :purchases_from
),

classified as (
  select
    referred.dt,
    referred.group_type,
    referred.group_id,
    referred.member_id,
    referred.inviter_id,
    referred.join_at,
    if(inviter.first_join_at < referred.join_at, 1 + inviter.generation, 1) as depth,
    referred.is_quick_quit,
    firsts.group_id <> referred.group_id or firsts.join_at <> referred.join_at as is_repeat
  from referred
  join first_joins_to_type as firsts
    on firsts.member_id = referred.member_id and firsts.group_type = referred.group_type
  left join generations as inviter on inviter.member_id = referred.inviter_id
),

final as (
  select *, not is_quick_quit and not is_repeat as is_net from classified
)

select * from final

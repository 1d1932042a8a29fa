-- grain: one row per customer whose first join is a referred join: where the pointer jumping that
-- gives their generation starts (generation_step.sql applies rounds of it until no pointer is left)
-- metrics.md, "Beyond the core tables", generation: 1 + generation(i) when the inviter i's first join
-- is strictly earlier than the customer's, else 1 (an inviter who never appears, or only later, counts
-- as generation 0); 0 when the first join is not referred. Those of generation 0 have no row: a
-- lookup that finds none adds 0.
-- ancestor_id is the customer whose generation is still to be added (null: none, the row is
-- resolved), steps the generations counted so far: generation = steps + generation(ancestor_id).
with referred_firsts as (
  select member_id, join_at, inviter_id from first_joins where inviter_id is not null
),

final as (
  select
    joiner.member_id,
    if(inviter.join_at < joiner.join_at, joiner.inviter_id, null) as ancestor_id,
    1 as steps
  from referred_firsts as joiner
  left join first_joins as inviter on inviter.member_id = joiner.inviter_id
)

select * from final

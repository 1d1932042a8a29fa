-- grain: one row per customer with an interval: the instant of their first join and their generation
-- metrics.md, "Beyond the core tables", generation: generation_chain is the pointer jumping run to
-- its fixpoint (no pointer left), so each of its rows has counted its whole chain; a customer without
-- a row there is of generation 0.
with final as (
  select
    firsts.member_id,
    firsts.join_at as first_join_at,
    coalesce(chain.steps, 0) as generation
  from first_joins as firsts
  left join generation_chain as chain on chain.member_id = firsts.member_id
)

select * from final

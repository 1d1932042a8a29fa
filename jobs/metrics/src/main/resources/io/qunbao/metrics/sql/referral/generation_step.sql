-- grain: one row per customer of generation_chain (the previous round): one round of pointer jumping
-- Each customer adds the steps its ancestor has counted and points at the ancestor's ancestor, so
-- each round doubles the links a pointer has skipped: a chain n generations deep resolves in about
-- log2(n) rounds, each one join of the chain with itself, where following it link by link would take
-- n rounds. An ancestor without a row is of generation 0 (generation_links.sql).
with chain as (
  select member_id, ancestor_id, steps from generation_chain
),

final as (
  select
    chain.member_id,
    ancestor.ancestor_id,
    chain.steps + coalesce(ancestor.steps, 0) as steps
  from chain
  left join chain as ancestor on ancestor.member_id = chain.ancestor_id
)

select * from final

-- grain: one row per attributed purchase as a daily fact ('order', person = buyer, amount)
-- metrics.md, "Daily metrics": orders, buyers, gmv of the purchases attributed to the group/type
-- with paid_at on the day; unattributed purchases have group_id and group_type null.
with final as (
  select dt, group_id, group_type, 'order' as fact, buyer_id as person_id, amount
  from attributed_purchases
  where dt >= :purchases_from
)

select * from final

-- grain: one row per order_id: its kept row, and for purchases the group they are attributed to
-- metrics.md, cleaning rules 2 and 3 and "Attribution of a purchase to one group".
with purchases as (
  select order_id, group_id, group_type, attribution from attributed_purchases
),

final as (
  select
    orders.order_id,
    orders.buyer_id,
    orders.paid_at,
    orders.amount,
    orders.status,
    orders.group_id as tagged_group_id,
    orders.updated_at,
    purchases.order_id is not null as is_purchase,
    purchases.group_id as attributed_group_id,
    purchases.group_type as attributed_group_type,
    purchases.attribution,
    orders.export_date,
    orders.source_file,
    orders.source_line
  from orders_latest as orders
  left join purchases on purchases.order_id = orders.order_id
)

select * from final

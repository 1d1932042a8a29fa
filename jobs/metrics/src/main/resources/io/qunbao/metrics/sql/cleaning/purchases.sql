-- grain: one row per purchase (an order whose kept row is paid/shipped/completed with a paid_at)
-- metrics.md, cleaning rules 3 and 5: a later refunded/cancelled row removes the purchase (the
-- kept row is then that one); buyers listed as staff are left out of every count.
with orders as (
  select * from orders_latest
  where status in ('paid', 'shipped', 'completed') and paid_at is not null
),

final as (
  select
    orders.order_id,
    orders.buyer_id,
    orders.paid_at,
    to_date(from_utc_timestamp(orders.paid_at, :zone)) as dt,
    orders.amount,
    orders.group_id as tagged_group_id
  from orders
  left anti join staff_roles as staff on staff.member_id = orders.buyer_id
)

select * from final

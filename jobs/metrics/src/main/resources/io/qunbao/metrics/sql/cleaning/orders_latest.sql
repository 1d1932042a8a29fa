-- grain: one row per order_id, its kept row
-- metrics.md, cleaning rule 2: a row identical once parsed to one read before is a repeat and is
-- dropped; of the rest the greatest updated_at wins, then the later export date, file name, line.
with readings as (
  select
    *,
    row_number() over (
      partition by order_id, buyer_id, paid_at, amount, status, group_id, updated_at
      order by export_date, source_file, source_line) as reading_no
  from raw_orders
),

news as (
  select * from readings where reading_no = 1
),

ranked as (
  select
    *,
    row_number() over (
      partition by order_id
      order by updated_at desc, export_date desc, source_file desc, source_line desc) as recency
  from news
),

final as (
  select
    order_id,
    buyer_id,
    paid_at,
    amount,
    status,
    group_id,
    updated_at,
    export_date,
    source_file,
    source_line
  from ranked
  where recency = 1
)

select * from final

-- raw.orders as DuckDB lands it: one row per accepted order row (exports.md, orders), columns of order.avsc.
-- Input: the view orders_text (every column as text, filename, record_line) over read_csv of the export files.
WITH parsed AS (
  SELECT
    nullif(order_id, '') AS order_id,
    nullif(buyer_id, '') AS buyer_id,
    nullif(paid_at, '') AS paid_at_text,
    export_instant(nullif(paid_at, '')) AS paid_at,
    export_amount(nullif(amount, '')) AS amount,
    export_status(nullif(status, '')) AS status,
    nullif(group_id, '') AS group_id,
    export_instant(nullif(updated_at, '')) AS updated_at,
    inbox_relative(filename) AS source_file,
    record_line AS source_line,
    export_date_of(filename) AS export_date
  FROM orders_text
),

final AS (
  SELECT order_id, buyer_id, paid_at, amount, status, group_id, updated_at, source_file, source_line, export_date
  FROM parsed
  WHERE order_id IS NOT NULL AND buyer_id IS NOT NULL AND amount IS NOT NULL AND status IS NOT NULL
    AND updated_at IS NOT NULL AND (paid_at_text IS NULL OR paid_at IS NOT NULL)
    AND NOT (mangled_id(order_id) OR mangled_id(buyer_id) OR mangled_id(group_id))
)

SELECT * FROM final

-- Parsing rules of exports.md as DuckDB macros, shared by the ingest_*.sql queries.
-- The connection's TimeZone is the business time zone, so a time stamp without an offset is read in it.

-- The four time stamp forms; anything else (and an impossible date) is null, which rejects the row.
CREATE OR REPLACE MACRO export_instant(text) AS CASE
  WHEN regexp_full_match(text, '\d{13}') THEN epoch_ms(text::BIGINT) AT TIME ZONE 'UTC'
  WHEN regexp_full_match(text, '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?')
    OR regexp_full_match(text, '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}')
    THEN try_cast(text AS TIMESTAMPTZ)
END;

-- An id that Excel turned into scientific notation cannot be recovered. Lower-case e too: a JSON number id
-- (3.2E+17) reaches this macro as DuckDB's text of the number, 3.2e+17.
CREATE OR REPLACE MACRO mangled_id(id) AS coalesce(regexp_full_match(id, '\d(\.\d+)?[Ee][+-]?\d{1,3}'), false);

-- Decimal yuan: optional ¥ or ￥, optional thousands separators, at most two decimals, at least 0.
CREATE OR REPLACE MACRO export_amount(text) AS CASE
  WHEN regexp_full_match(regexp_replace(text, '^[¥￥]', ''), '(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?')
    THEN replace(regexp_replace(text, '^[¥￥]', ''), ',', '')::DECIMAL(18, 2)
END;

CREATE OR REPLACE MACRO export_status(text) AS CASE
  WHEN lower(text) IN ('paid', 'shipped', 'completed', 'refunded', 'cancelled', 'pending') THEN lower(text)
  ELSE map_extract_value(MAP {'已付款': 'paid', '已发货': 'shipped', '已完成': 'completed',
                              '已退款': 'refunded', '已取消': 'cancelled', '待付款': 'pending'}, text)
END;

CREATE OR REPLACE MACRO export_role(text) AS CASE
  WHEN lower(text) IN ('owner', 'admin', 'service', 'koc', 'shill') THEN lower(text)
  ELSE map_extract_value(MAP {'群主': 'owner', '管理员': 'admin', '客服': 'service', 'KOC': 'koc',
                              '托': 'shill', '马甲号': 'shill', '托/马甲号': 'shill'}, text)
END;

-- A known code (any case) or Chinese label maps to the code; an unknown code is kept as written.
CREATE OR REPLACE MACRO export_group_type(text) AS coalesce(
  map_extract_value(MAP {'traffic': 'traffic', 'new_user': 'new_user', 'camp': 'camp', 'delivery': 'delivery',
                         'superfan': 'superfan', 'local': 'local', 'flash': 'flash', 'content': 'content',
                         'checkin': 'checkin', 'vip': 'vip', 'sale': 'sale',
                         '引流群': 'traffic', '新人群': 'new_user', '训练营': 'camp', '交付群': 'delivery',
                         '铁粉群': 'superfan', '属地群': 'local', '快闪群': 'flash', '内容群': 'content',
                         '打卡群': 'checkin', 'vip群': 'vip', '秒杀群': 'sale'}, lower(text)),
  text);

-- source_file relative to the inbox and the export date, both from the path <inbox>/<source>/<D>/<file>.
CREATE OR REPLACE MACRO inbox_relative(path) AS regexp_extract(path, '[^/]+/\d{4}-\d{2}-\d{2}/[^/]+$');
CREATE OR REPLACE MACRO export_date_of(path) AS regexp_extract(path, '/(\d{4}-\d{2}-\d{2})/[^/]+$', 1)::DATE;

-- The cleaning rules, the membership walk and the attribution of metrics.md, built once per run as
-- temporary tables that type_daily.sql and cohort_conversion.sql read.
-- Input: views raw_chat, raw_orders, raw_scans, raw_groups, raw_staff (the landed Parquet, exports dated
-- on or before the run date) and the variables run_date (DATE) and window_days (INTEGER).
-- The connection's TimeZone is the business time zone: a TIMESTAMPTZ cast to DATE is its business day.

CREATE OR REPLACE MACRO local_day(instant) AS instant::DATE;
CREATE OR REPLACE MACRO day_start(day) AS day::TIMESTAMPTZ;

-- Rule 4: each staff member's role from the latest snapshot listing them (later file, then line, on a tie).
CREATE OR REPLACE TEMP TABLE staff AS
SELECT member_id, role
FROM raw_staff
QUALIFY row_number() OVER (PARTITION BY member_id
                           ORDER BY export_date DESC, source_file DESC, source_line DESC) = 1;

-- Rule 4 and 6: each listed group's attributes from the latest snapshot listing it.
CREATE OR REPLACE TEMP TABLE listed_groups AS
SELECT group_id, group_type, created_at, dissolved_at
FROM raw_groups
QUALIFY row_number() OVER (PARTITION BY group_id
                           ORDER BY export_date DESC, source_file DESC, source_line DESC) = 1;

-- Every group any accepted row names, with its type ('unknown' when no snapshot lists it).
CREATE OR REPLACE TEMP TABLE group_types AS
WITH named AS (
  SELECT group_id FROM listed_groups
  UNION SELECT group_id FROM raw_chat
  UNION SELECT group_id FROM raw_scans
  UNION SELECT group_id FROM raw_orders WHERE group_id IS NOT NULL
)
SELECT named.group_id, coalesce(listed_groups.group_type, 'unknown') AS group_type
FROM named LEFT JOIN listed_groups USING (group_id);

-- Rule 1 (first copy of a msg_id wins), rule 7 (nothing after dissolved_at), rule 5 (who is official).
CREATE OR REPLACE TEMP TABLE chat AS
WITH first_copies AS (
  SELECT msg_id, group_id, sender_id, sent_at, msg_type, inviter_id
  FROM raw_chat
  QUALIFY row_number() OVER (PARTITION BY msg_id ORDER BY export_date, source_file, source_line) = 1
)
SELECT
  first_copies.*,
  staff.member_id IS NULL AS by_customer,
  msg_type IN ('member_join', 'member_leave') AS is_membership_event,
  coalesce(staff.role IN ('owner', 'admin', 'service'), false) AND msg_type NOT IN ('member_join', 'member_leave') AS is_official
FROM first_copies
LEFT JOIN staff ON staff.member_id = first_copies.sender_id
LEFT JOIN listed_groups USING (group_id)
WHERE listed_groups.dissolved_at IS NULL OR first_copies.sent_at <= listed_groups.dissolved_at;

-- The membership walk. After any event the bit "present" is simply (event is not a leave): a join sets it,
-- a leave clears it, any other message sets it (implicitly joining when absent). So an interval starts
-- at a non-leave event whose previous event was a leave or absent, and ends at a leave whose previous
-- event was not a leave. Order at one instant: join, then message, then leave; then msg_id.
CREATE OR REPLACE TEMP TABLE intervals AS
WITH walked AS (
  SELECT
    group_id, sender_id AS customer_id, sent_at, msg_type, inviter_id,
    msg_type = 'member_leave' AS is_leave,
    coalesce(lag(msg_type = 'member_leave') OVER walk, true) AS was_absent,
    row_number() OVER walk AS step
  FROM chat
  WHERE by_customer
  WINDOW walk AS (PARTITION BY group_id, sender_id
                  ORDER BY sent_at,
                           CASE msg_type WHEN 'member_join' THEN 0 WHEN 'member_leave' THEN 2 ELSE 1 END,
                           msg_id)
),
boundaries AS (
  SELECT *, sum(CASE WHEN NOT is_leave AND was_absent THEN 1 ELSE 0 END) OVER (
              PARTITION BY group_id, customer_id ORDER BY step
              ROWS UNBOUNDED PRECEDING) AS interval_no
  FROM walked
  WHERE (NOT is_leave AND was_absent) OR (is_leave AND NOT was_absent)
),
paired AS (
  SELECT
    group_id, customer_id, interval_no,
    min(sent_at) FILTER (WHERE NOT is_leave) AS join_at,
    min(sent_at) FILTER (WHERE is_leave) AS left_at,
    any_value(msg_type = 'member_join') FILTER (WHERE NOT is_leave) AS is_explicit,
    any_value(inviter_id) FILTER (WHERE NOT is_leave) AS inviter_id
  FROM boundaries
  GROUP BY ALL
)
SELECT
  paired.group_id, customer_id, join_at,
  coalesce(left_at, listed_groups.dissolved_at) AS leave_at,
  left_at IS NOT NULL AS ended_by_leave,
  is_explicit,
  is_explicit AND inviter_id IS NOT NULL AND inviter_id <> customer_id
    AND inviter_id NOT IN (SELECT member_id FROM staff) AS is_referred,
  CASE WHEN is_explicit THEN inviter_id END AS inviter_id,
  group_types.group_type
FROM paired
JOIN group_types USING (group_id)
LEFT JOIN listed_groups USING (group_id);

-- Rules 2 and 3: repeats dropped, the latest row per order kept, purchases by customers only;
-- then the attribution to one group: (a) a known tag, (b) last touch, (c) unattributed.
CREATE OR REPLACE TEMP TABLE purchases AS
WITH news AS (
  SELECT *
  FROM raw_orders
  QUALIFY row_number() OVER (PARTITION BY order_id, buyer_id, paid_at, amount, status, group_id, updated_at
                             ORDER BY export_date, source_file, source_line) = 1
),
latest AS (
  SELECT *
  FROM news
  QUALIFY row_number() OVER (PARTITION BY order_id
                             ORDER BY updated_at DESC, export_date DESC, source_file DESC, source_line DESC) = 1
),
customer_purchases AS (
  SELECT order_id, buyer_id, paid_at, amount, group_id AS tagged_group_id
  FROM latest
  WHERE status IN ('paid', 'shipped', 'completed') AND paid_at IS NOT NULL
    AND buyer_id NOT IN (SELECT member_id FROM staff)
),
known_groups AS (
  SELECT group_id FROM listed_groups UNION SELECT group_id FROM raw_chat
),
last_touch AS (
  SELECT order_id, intervals.group_id
  FROM customer_purchases
  JOIN intervals ON intervals.customer_id = customer_purchases.buyer_id
                AND intervals.join_at <= customer_purchases.paid_at
                AND (intervals.leave_at IS NULL OR customer_purchases.paid_at <= intervals.leave_at)
  QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY intervals.join_at DESC, intervals.group_id) = 1
),
attributed AS (
  SELECT
    customer_purchases.*,
    CASE WHEN tagged_group_id IN (SELECT group_id FROM known_groups) THEN tagged_group_id
         ELSE last_touch.group_id END AS group_id
  FROM customer_purchases
  LEFT JOIN last_touch USING (order_id)
)
SELECT attributed.*, group_types.group_type
FROM attributed
LEFT JOIN group_types USING (group_id);

-- Rules 5 and 1 for scans: first copy of a scan_id, staff scans left out.
CREATE OR REPLACE TEMP TABLE scans AS
WITH first_copies AS (
  SELECT scan_id, scanned_at, code_id, channel, scanner_id, group_id
  FROM raw_scans
  QUALIFY row_number() OVER (PARTITION BY scan_id ORDER BY export_date, source_file, source_line) = 1
)
SELECT first_copies.*, group_types.group_type
FROM first_copies
JOIN group_types USING (group_id)
WHERE scanner_id NOT IN (SELECT member_id FROM staff);

-- Rule 8: from the first day holding an accepted (landed) chat message or scan, or a purchase, through
-- the run date.
CREATE OR REPLACE TEMP TABLE published_days AS
WITH first_day AS (
  SELECT least((SELECT min(local_day(sent_at)) FROM raw_chat),
               (SELECT min(local_day(scanned_at)) FROM raw_scans),
               (SELECT min(local_day(paid_at)) FROM purchases)) AS day
)
SELECT range::DATE AS dt
FROM first_day, range(first_day.day, getvariable('run_date') + 1, INTERVAL 1 DAY);

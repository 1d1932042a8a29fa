-- grain: one row: the first day whose metrics the export partitions new to this run can change,
-- and the first day whose order-derived values they can change (null: they change none).
-- new_exports lists those partitions (source, export_date), :new_chat_exports the chat's export
-- dates: export dates not read before (a re-ingested partition's earlier rows are unknown, so the
-- job recomputes everything then, without this model). changed_listings (changed_listings.sql,
-- materialized first) holds the groups and staff members whose listings they change.
-- metrics.md, "Runs, late data and recomputation": late messages change old days, a refund the day
-- of its purchase and the repurchase days after it, a purchase the cohorts of the window before it,
-- a changed snapshot every day of the groups or people it changes. Every effect of a row lies on or
-- after the day it names, except two that reach back: a purchase changes the cohorts of the
-- window_days before it (conversion), a join the scans of the 24 h before it (scan funnel). So each
-- landed row gets a bound, the first day it can change, and the answer is the earliest bound of the
-- rows the new partitions add or affect; every day from it to the run date is recomputed, and of
-- those only the ones whose rows differ are republished.
-- A purchase changes only what is counted from purchases (orders, buyers, gmv, repurchase,
-- conversion): its bounds are order-only, and before the other bounds the days keep their other
-- counts as published (jobs/metrics/README.md, "The run plan: what a night recomputes").
with chat_bounds as (
  select
    chat.msg_id,
    chat.group_id,
    chat.sender_id,
    chat.inviter_id,
    new_exports.export_date is not null as is_new,
    date_sub(to_date(from_utc_timestamp(chat.sent_at, :zone)), 1) as bound
  from raw_chat as chat
  left join new_exports on new_exports.source = 'chat' and new_exports.export_date = chat.export_date
),

order_bounds as (
  select
    orders.order_id,
    orders.group_id,
    orders.buyer_id,
    new_exports.export_date is not null as is_new,
    date_sub(to_date(from_utc_timestamp(orders.paid_at, :zone)), :window_days) as bound,
    to_date(from_utc_timestamp(orders.paid_at, :zone)) as paid_day
  from raw_orders as orders
  left join new_exports on new_exports.source = 'orders' and new_exports.export_date = orders.export_date
),

scan_bounds as (
  select
    scans.group_id,
    scans.scanner_id,
    new_exports.export_date is not null as is_new,
    to_date(from_utc_timestamp(scans.scanned_at, :zone)) as bound
  from raw_scans as scans
  left join new_exports on new_exports.source = 'scans' and new_exports.export_date = scans.export_date
),

changed_groups as (
  select listed_id as group_id, bound from changed_listings where source = 'groups' and attributes_changed
),

-- a group dissolved, or its dissolution moved (rule 7): everything before the earlier of the two
-- instants stays; after it go the group's chat and existence, the intervals it ends, the purchases
-- and cohorts of those, and the scans of the 24 h before a join it drops
moved_dissolutions as (
  select date_sub(dissolved_day, 1) as bound
  from changed_listings
  where source = 'groups' and not attributes_changed
),

changed_staff as (
  select listed_id as member_id from changed_listings where source = 'staff'
),

-- rule 1: a msg_id exported again by a new partition may get its first copy there (an export dated
-- before those read so far), and leave the day of the copy that was first: every copy of it bounds.
-- Found by the ids' 64-bit hash; another id sharing one only bounds earlier than needed. The new
-- chat partitions come as a literal list (:new_chat_exports), so Spark reads only those: through a
-- join with new_exports it would read every chat row.
new_ids as (
  select distinct xxhash64(msg_id) as id_hash
  from raw_chat
  where array_contains(:new_chat_exports, export_date)
),

-- chat rows are many: one pass over them, reduced per group, gathers the bounds of the new rows and
-- of those of a changed group, member or id (few, and broadcast), and whether only new rows name the
-- group. chat_bound and newly_known_groups share that one scan (a pass for each read all 9.7M chat
-- rows twice). Spark shares it only when both plans of chat_by_group come out alike, so:
-- each consumer names both its columns, in conditions that hold anyway (a group named by new rows
-- has a bound; min skips nulls); the listed groups are left out by a left join, as Spark would push an
-- anti join below the reduction; and the null group_id that the orders' join would filter is filtered
-- here (every landed chat row has one).
chat_by_group as (
  select /*+ BROADCAST(changed_groups, senders, inviters, new_ids) */
    chat.group_id,
    min(if(
      chat.is_new
        or coalesce(changed_groups.group_id, senders.member_id, inviters.member_id) is not null
        or new_ids.id_hash is not null,
      chat.bound, null)) as bound,
    bool_and(chat.is_new) as named_by_new_rows_only
  from chat_bounds as chat
  left join changed_groups on changed_groups.group_id = chat.group_id
  left join changed_staff as senders on senders.member_id = chat.sender_id
  left join changed_staff as inviters on inviters.member_id = chat.inviter_id
  left join new_ids on new_ids.id_hash = xxhash64(chat.msg_id)
  where chat.group_id is not null
  group by chat.group_id
),

chat_bound as (
  select min(bound) as bound from chat_by_group where bound is not null or not named_by_new_rows_only
),

-- attribution (a): a group first named by a new chat row (listed nowhere, in no earlier chat row)
-- becomes known, and the purchases tagged with it move from last touch to their tag
newly_known_groups as (
  select /*+ BROADCAST(listed) */ chat.group_id
  from chat_by_group as chat
  left join (select distinct group_id from raw_groups) as listed on listed.group_id = chat.group_id
  where listed.group_id is null and chat.named_by_new_rows_only and chat.bound is not null
),

-- the kept row of an order may move to a new row or stay, and a new row may carry another paid_at:
-- every row of an order with a new row names a day its purchase was or becomes
changed_orders as (
  select distinct order_id from order_bounds where is_new
),

-- the orders and the scans in one pass each, like the chat: the new and changed ones are few, and broadcast.
-- An order's rows count for a changed order, its group's listing or its buyer's role (the window before
-- it), and for a group newly known (its day: attribution moves, cohorts do not)
order_bound as (
  select /*+ BROADCAST(changed_orders, changed_groups, known_groups, buyers) */
    min(case
      when coalesce(changed_orders.order_id, changed_groups.group_id, buyers.member_id) is not null then orders.bound
      else orders.paid_day
    end) as bound
  from order_bounds as orders
  left join changed_orders on changed_orders.order_id = orders.order_id
  left join changed_groups on changed_groups.group_id = orders.group_id
  left join newly_known_groups as known_groups on known_groups.group_id = orders.group_id
  left join changed_staff as buyers on buyers.member_id = orders.buyer_id
  where coalesce(changed_orders.order_id, changed_groups.group_id, known_groups.group_id, buyers.member_id) is not null
),

scan_bound as (
  select /*+ BROADCAST(changed_groups, scanners) */ min(scans.bound) as bound
  from scan_bounds as scans
  left join changed_groups on changed_groups.group_id = scans.group_id
  left join changed_staff as scanners on scanners.member_id = scans.scanner_id
  where scans.is_new or coalesce(changed_groups.group_id, scanners.member_id) is not null
),

bounds as (
  -- the new rows themselves; and the chat, scans and orders of a changed group or member
  select bound, false as orders_only from chat_bound
  union all
  select bound, false from scan_bound
  union all
  select bound, true from order_bound
  -- a changed group: its existence (created, dissolved); a moved dissolution
  union all
  select bound, false from changed_groups
  union all
  select bound, false from moved_dissolutions
),

final as (
  select
    min(if(orders_only, null, bound)) as affected_from,
    min(bound) as orders_affected_from
  from bounds
)

select * from final

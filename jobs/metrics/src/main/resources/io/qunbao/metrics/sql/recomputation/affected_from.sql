-- grain: one row: the first day whose metrics the export partitions new to this run can change
-- (null: they change none). new_exports lists those partitions (source, export_date): export dates
-- not read before (a re-ingested partition's earlier rows are unknown, so the job recomputes
-- everything then, without this model).
-- metrics.md, "Runs, late data and recomputation": late messages change old days, a refund the day
-- of its purchase and the repurchase days after it, a purchase the cohorts of the window before it,
-- a changed snapshot every day of the groups or people it changes. Every effect of a row lies on or
-- after the day it names, except two that reach back: a purchase changes the cohorts of the
-- window_days before it (conversion), a join the scans of the 24 h before it (scan funnel). So each
-- landed row gets a bound, the first day it can change, and the answer is the earliest bound of the
-- rows the new partitions add or affect; every day from it to the run date is recomputed, and of
-- those only the ones whose rows differ are republished.
with chat_bounds as (
  select
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

-- cleaning rules 4 and 6: a group's attributes are its latest listing; they changed when the latest
-- listing with the new snapshots differs from the latest one without them
group_listings as (
  select
    groups.*,
    new_exports.export_date is not null as is_new,
    row_number() over (
      partition by groups.group_id
      order by groups.export_date desc, groups.source_file desc, groups.source_line desc) as recency
  from raw_groups as groups
  left join new_exports on new_exports.source = 'groups' and new_exports.export_date = groups.export_date
),

group_listings_before as (
  select
    *,
    row_number() over (
      partition by group_id
      order by export_date desc, source_file desc, source_line desc) as recency_before
  from group_listings
  where not is_new
),

changed_groups as (
  select
    coalesce(now.group_id, before.group_id) as group_id,
    to_date(from_utc_timestamp(
      least(now.created_at, before.created_at, now.dissolved_at, before.dissolved_at), :zone)) as bound
  from (select * from group_listings where recency = 1) as now
  full outer join (select * from group_listings_before where recency_before = 1) as before
    on before.group_id = now.group_id
  where not (now.group_type <=> before.group_type
    and now.owner_id <=> before.owner_id
    and now.created_at <=> before.created_at
    and now.dissolved_at <=> before.dissolved_at)
),

-- cleaning rule 5: the same for staff listings (a changed role changes who is a customer)
staff_listings as (
  select
    staff.*,
    new_exports.export_date is not null as is_new,
    row_number() over (
      partition by staff.member_id
      order by staff.export_date desc, staff.source_file desc, staff.source_line desc) as recency
  from raw_staff as staff
  left join new_exports on new_exports.source = 'staff' and new_exports.export_date = staff.export_date
),

staff_listings_before as (
  select
    *,
    row_number() over (
      partition by member_id
      order by export_date desc, source_file desc, source_line desc) as recency_before
  from staff_listings
  where not is_new
),

changed_staff as (
  select coalesce(now.member_id, before.member_id) as member_id
  from (select * from staff_listings where recency = 1) as now
  full outer join (select * from staff_listings_before where recency_before = 1) as before
    on before.member_id = now.member_id
  where not (now.role <=> before.role)
),

-- attribution (a): a group first named by a new chat row (listed nowhere, in no earlier chat row)
-- becomes known, and the purchases tagged with it move from last touch to their tag
newly_known_groups as (
  select group_id
  from chat_bounds
  where group_id not in (select group_id from raw_groups)
  group by group_id
  having bool_and(is_new)
),

-- the kept row of an order may move to a new row or stay, and a new row may carry another paid_at:
-- every row of an order with a new row names a day its purchase was or becomes
changed_orders as (
  select distinct order_id from order_bounds where is_new
),

bounds as (
  -- the new rows themselves
  select bound from chat_bounds where is_new
  union all
  select bound from order_bounds join changed_orders using (order_id)
  union all
  select bound from scan_bounds where is_new
  -- a changed group: its existence (created, dissolved) and the type of everything in it
  union all
  select bound from changed_groups
  union all
  select chat_bounds.bound from chat_bounds join changed_groups using (group_id)
  union all
  select scan_bounds.bound from scan_bounds join changed_groups using (group_id)
  union all
  select order_bounds.bound from order_bounds join changed_groups using (group_id)
  union all
  select paid_day from order_bounds join newly_known_groups using (group_id)
  -- a changed staff listing: everything its member sent, invited, scanned or bought
  union all
  select bound from chat_bounds join changed_staff on changed_staff.member_id = chat_bounds.sender_id
  union all
  select bound from chat_bounds join changed_staff on changed_staff.member_id = chat_bounds.inviter_id
  union all
  select bound from scan_bounds join changed_staff on changed_staff.member_id = scan_bounds.scanner_id
  union all
  select bound from order_bounds join changed_staff on changed_staff.member_id = order_bounds.buyer_id
),

final as (
  select min(bound) as affected_from from bounds
)

select * from final

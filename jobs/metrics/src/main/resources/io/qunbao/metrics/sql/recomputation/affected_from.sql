-- grain: one row: the first day whose metrics the export partitions new to this run can change
-- (null: they change none). new_exports lists those partitions (source, export_date): export dates
-- not read before (a re-ingested partition's earlier rows are unknown, so the job recomputes
-- everything then, without this model).
-- metrics.md, "Runs, late data and recomputation": late messages change old days, a refund the day
-- of its purchase and the repurchase days after it, a purchase the cohorts of the window before it,
-- a changed snapshot every day of the groups or people it changes. Every effect of a row lies on or
-- after the day it names, except two that reach back: a purchase changes the cohorts of the
-- window_days before it (conversion), a join the scans of the 24 h before it (scan funnel). So the
-- bound is the earliest such day; every day from it to the run date is recomputed, and of those only
-- the ones whose rows differ are republished.
with new_chat as (
  select chat.*
  from raw_chat as chat
  join new_exports on new_exports.source = 'chat' and new_exports.export_date = chat.export_date
),

new_orders as (
  select orders.*
  from raw_orders as orders
  join new_exports on new_exports.source = 'orders' and new_exports.export_date = orders.export_date
),

new_scans as (
  select scans.*
  from raw_scans as scans
  join new_exports on new_exports.source = 'scans' and new_exports.export_date = scans.export_date
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
    least(now.created_at, before.created_at, now.dissolved_at, before.dissolved_at) as first_at
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
unlisted_new_groups as (
  select distinct chat.group_id
  from new_chat as chat
  left anti join raw_groups as groups on groups.group_id = chat.group_id
),

newly_known_groups as (
  select unlisted.group_id
  from unlisted_new_groups as unlisted
  left anti join (
    select chat.group_id
    from raw_chat as chat
    left anti join new_exports on new_exports.source = 'chat' and new_exports.export_date = chat.export_date
  ) as earlier_chat on earlier_chat.group_id = unlisted.group_id
),

-- the kept row of an order may move to the new row or stay, and a new row may carry another
-- paid_at: every row of a changed order names a day its purchase was or becomes
changed_orders as (
  select distinct order_id from new_orders
),

bounds as (
  -- a chat event changes its own day on, and the scans of the day before (a join within 24 h)
  select date_sub(to_date(from_utc_timestamp(sent_at, :zone)), 1) as dt from new_chat
  union all
  select date_sub(to_date(from_utc_timestamp(orders.paid_at, :zone)), :window_days)
  from raw_orders as orders
  join changed_orders on changed_orders.order_id = orders.order_id
  union all
  select to_date(from_utc_timestamp(scanned_at, :zone)) from new_scans
  -- a changed group: its existence (created, dissolved) and the type of everything in it
  union all
  select to_date(from_utc_timestamp(first_at, :zone)) from changed_groups
  union all
  select date_sub(to_date(from_utc_timestamp(chat.sent_at, :zone)), 1)
  from raw_chat as chat
  join changed_groups on changed_groups.group_id = chat.group_id
  union all
  select to_date(from_utc_timestamp(scans.scanned_at, :zone))
  from raw_scans as scans
  join changed_groups on changed_groups.group_id = scans.group_id
  union all
  select date_sub(to_date(from_utc_timestamp(orders.paid_at, :zone)), :window_days)
  from raw_orders as orders
  join changed_groups on changed_groups.group_id = orders.group_id
  union all
  select to_date(from_utc_timestamp(orders.paid_at, :zone))
  from raw_orders as orders
  join newly_known_groups on newly_known_groups.group_id = orders.group_id
  -- a changed staff listing: everything its member sent, invited, scanned or bought
  union all
  select date_sub(to_date(from_utc_timestamp(chat.sent_at, :zone)), 1)
  from raw_chat as chat
  join changed_staff on changed_staff.member_id = chat.sender_id
  union all
  select date_sub(to_date(from_utc_timestamp(chat.sent_at, :zone)), 1)
  from raw_chat as chat
  join changed_staff on changed_staff.member_id = chat.inviter_id
  union all
  select to_date(from_utc_timestamp(scans.scanned_at, :zone))
  from raw_scans as scans
  join changed_staff on changed_staff.member_id = scans.scanner_id
  union all
  select date_sub(to_date(from_utc_timestamp(orders.paid_at, :zone)), :window_days)
  from raw_orders as orders
  join changed_staff on changed_staff.member_id = orders.buyer_id
),

final as (
  select min(dt) as affected_from from bounds
)

select * from final

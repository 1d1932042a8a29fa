-- grain: one row per purchase, with the one group it is attributed to (null: unattributed)
-- metrics.md, "Attribution of a purchase to one group": (a) its group_id when that group is known;
-- (b) else, among the groups where the buyer is present at paid_at, the one whose current interval
-- started last (tie: the smallest group_id); (c) else unattributed (group_type null).
with tagged as (
  select purchases.order_id, purchases.tagged_group_id as group_id
  from purchases
  join known_groups on known_groups.group_id = purchases.tagged_group_id
),

touches as (
  select
    purchases.order_id,
    intervals.group_id,
    row_number() over (
      partition by purchases.order_id
      order by intervals.join_at desc, intervals.group_id) as touch_rank
  from purchases
  join membership_intervals as intervals
    on intervals.member_id = purchases.buyer_id
   and intervals.join_at <= purchases.paid_at
   and (intervals.leave_at is null or purchases.paid_at <= intervals.leave_at)
),

last_touch as (
  select order_id, group_id from touches where touch_rank = 1
),

attributed as (
  select
    purchases.*,
    coalesce(tagged.group_id, last_touch.group_id) as group_id,
    case
      when tagged.group_id is not null then 'tag'
      when last_touch.group_id is not null then 'last_touch'
      else 'unattributed'
    end as attribution
  from purchases
  left join tagged on tagged.order_id = purchases.order_id
  left join last_touch on last_touch.order_id = purchases.order_id
),

final as (
  select
    attributed.order_id,
    attributed.buyer_id,
    attributed.paid_at,
    attributed.dt,
    attributed.amount,
    attributed.tagged_group_id,
    attributed.group_id,
    case when attributed.group_id is not null then coalesce(groups.group_type, 'unknown') end as group_type,
    attributed.attribution
  from attributed
  left join group_attributes as groups on groups.group_id = attributed.group_id
)

select * from final

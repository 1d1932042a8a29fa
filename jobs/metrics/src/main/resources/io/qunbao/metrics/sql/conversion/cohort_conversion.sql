-- grain: one row per cohort: first-join day and group type
-- metrics.md, "Conversion (转化)": a customer's first join to type T is the earliest join_at of
-- their intervals in groups of T (tie: smallest group_id); they converted when any purchase of
-- theirs (attributed anywhere or not at all) has join_at <= paid_at < join_at + window × 24 h;
-- referred when that first join was explicit with a customer inviter other than themselves;
-- is_final = C + window_days <= R.
with ranked_joins as (
  select
    *,
    row_number() over (partition by member_id, group_type order by join_at, group_id) as join_rank
  from membership_intervals
),

cohort as (
  select
    joins.join_day as dt,
    joins.group_type,
    joins.member_id,
    joins.join_at,
    joins.explicit_join
      and joins.inviter_id is not null
      and joins.inviter_id <> joins.member_id
      and staff.member_id is null as referred
  from ranked_joins as joins
  left join staff_roles as staff on staff.member_id = joins.inviter_id
  where joins.join_rank = 1 and joins.join_day >= :purchases_from
),

in_window as (
  select cohort.group_type, cohort.member_id, sum(purchases.amount) as gmv
  from cohort
  join purchases
    on purchases.buyer_id = cohort.member_id
   and purchases.paid_at >= cohort.join_at
   and purchases.paid_at < cohort.join_at + make_dt_interval(:window_days)
   and purchases.dt <= :run_date
  group by cohort.group_type, cohort.member_id
),

final as (
  select
    cohort.dt,
    cohort.group_type,
    cast(:window_days as int) as window_days,
    count(*) as joiners,
    count(in_window.member_id) as converted,
    count(in_window.member_id) / count(*) as conversion_rate,
    count_if(cohort.referred) as referred_joiners,
    count_if(cohort.referred and in_window.member_id is not null) as referred_converted,
    coalesce(sum(in_window.gmv), 0) as gmv_in_window,
    date_add(cohort.dt, :window_days) <= :run_date as is_final
  from cohort
  join purchase_days as days on days.dt = cohort.dt
  left join in_window
    on in_window.group_type = cohort.group_type and in_window.member_id = cohort.member_id
  group by cohort.dt, cohort.group_type
)

select * from final

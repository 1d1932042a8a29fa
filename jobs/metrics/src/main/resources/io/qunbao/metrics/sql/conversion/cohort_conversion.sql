-- grain: one row per cohort: first-join day and group type
-- metrics.md, "Conversion (转化)": a customer's first join to type T (first_joins_to_type.sql) puts
-- them in the cohort of its day; they converted when a purchase of theirs lies in the window it opens
-- (window_purchases.sql); referred when that first join was a referred join; is_final =
-- C + window_days <= R.
with cohort as (
  select join_day as dt, group_type, member_id, join_at, inviter_id is not null as referred
  from first_joins_to_type
  where join_day >= :purchases_from
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
  left join window_purchases as in_window
    on in_window.member_id = cohort.member_id and in_window.join_at = cohort.join_at
  group by cohort.dt, cohort.group_type
)

select * from final

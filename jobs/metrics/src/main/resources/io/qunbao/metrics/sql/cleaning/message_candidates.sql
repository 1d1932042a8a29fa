-- grain: one row per landed chat row that may be the first copy of a message of the days from
-- :resume_from: the rows of those days, and every other copy of their msg_ids
-- metrics.md, cleaning rule 1: the first copy of a msg_id wins among all its copies, so the copies on
-- earlier days of an id with one on the days cleaned are read too, found by the id's 64-bit hash (a
-- hash shared by another id only adds its rows). A run that cleans every day (:resume_from
-- 0001-01-01) needs no lookup: the condition on :resume_from makes it empty, and Spark drops it.
-- The days are also bounded on sent_at itself, by the instant their first day begins (a constant):
-- Parquet then skips the row groups of older exports by their statistics, as it cannot for a day
-- computed per row.
-- Only the columns the cleaning reads: the candidates are materialized, and the others (the messages'
-- content among them) would be kept for nothing.
with chat as (
  select
    msg_id, group_id, sender_id, sent_at, to_date(from_utc_timestamp(sent_at, :zone)) as dt, msg_type,
    join_scene, inviter_id, code_id, export_date, source_file, source_line
  from raw_chat
),

days_cleaned as (
  select * from chat
  where dt >= :resume_from and sent_at >= to_utc_timestamp(cast(:resume_from as timestamp), :zone)
),

cleaned_ids as (
  select distinct xxhash64(msg_id) as id_hash
  from days_cleaned
  where :resume_from > date'0001-01-01'
),

final as (
  select * from days_cleaned
  union all
  select /*+ BROADCAST(cleaned_ids) */ chat.*
  from chat
  left semi join cleaned_ids on cleaned_ids.id_hash = xxhash64(chat.msg_id)
  where chat.dt < :resume_from
)

select * from final

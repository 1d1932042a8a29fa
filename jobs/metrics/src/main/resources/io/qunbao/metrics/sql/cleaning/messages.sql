-- grain: one row per chat event (msg_id) of the days from :resume_from that the metrics count
-- metrics.md, cleaning rules 1, 5 and 7: the first copy of a msg_id wins (earliest export date,
-- then file name, then line); rows of a group after its dissolved_at are dropped (at it, kept);
-- senders are customers unless listed as staff; official = owner/admin/service.
-- A nightly run cleans only the days from its first recomputed day (the earlier days are as
-- published: nothing the new exports bring changes them, jobs/metrics/README.md); other runs clean
-- every day (:resume_from 0001-01-01). message_candidates holds the copies to choose from.
-- Most msg_ids are exported once: only the few exported again are ranked, so the shuffle of every
-- row that a window over all of them would need becomes one of their ids alone. Their ids are
-- broadcast: without the hint Spark shuffles every chat row for the two joins before it learns the
-- repeated ids are few (re-exports repeat a small share of the ids). The ids are found
-- by their 64-bit hash, a long to count instead of a string: two ids sharing a hash are both ranked,
-- each by its own msg_id, and both kept.
with repeated_ids as (
  select xxhash64(msg_id) as id_hash from message_candidates group by 1 having count(*) > 1
),

single_copies as (
  select /*+ BROADCAST(repeated_ids) */ chat.*
  from message_candidates as chat
  left anti join repeated_ids on repeated_ids.id_hash = xxhash64(chat.msg_id)
),

repeated_copies as (
  select /*+ BROADCAST(repeated_ids) */
    chat.*,
    row_number() over (
      partition by chat.msg_id
      order by chat.export_date, chat.source_file, chat.source_line) as copy_no
  from message_candidates as chat
  left semi join repeated_ids on repeated_ids.id_hash = xxhash64(chat.msg_id)
),

first_copies as (
  select * from single_copies
  union all
  select * except (copy_no) from repeated_copies where copy_no = 1
),

groups as (
  select group_id, dissolved_at from group_attributes
),

staff as (
  select member_id, is_official from staff_roles
),

final as (
  select /*+ BROADCAST(groups, staff) */
    chat.msg_id,
    chat.group_id,
    chat.sender_id,
    chat.sent_at,
    chat.dt,
    chat.msg_type,
    case chat.msg_type
      when 'member_join' then 'join'
      when 'member_leave' then 'leave'
      else 'message'
    end as kind,
    chat.join_scene,
    chat.inviter_id,
    chat.code_id,
    case
      when staff.member_id is null then 'customer'
      when staff.is_official then 'official'
      else 'staff'
    end as sender_class,
    chat.source_file,
    chat.source_line
  from first_copies as chat
  left join groups on groups.group_id = chat.group_id
  left join staff on staff.member_id = chat.sender_id
  where chat.dt >= :resume_from and (groups.dissolved_at is null or chat.sent_at <= groups.dissolved_at)
)

select * from final

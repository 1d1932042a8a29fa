-- raw.chat as DuckDB lands it: one row per accepted chat line (exports.md, chat), columns of chat_message.avsc.
-- Input: the view chat_text (every field as text, filename, record_line) over read_json of the export files.
WITH parsed AS (
  SELECT
    nullif(msg_id, '') AS msg_id,
    nullif(group_id, '') AS group_id,
    nullif(sender_id, '') AS sender_id,
    export_instant(nullif(sent_at, '')) AS sent_at,
    nullif(msg_type, '') AS msg_type,
    length(nullif(content, ''))::INTEGER AS content_length,
    nullif(join_scene, '') AS join_scene,
    nullif(inviter_id, '') AS inviter_id,
    nullif(code_id, '') AS code_id,
    nullif(quit_scene, '') AS quit_scene,
    inbox_relative(filename) AS source_file,
    record_line AS source_line,
    export_date_of(filename) AS export_date
  FROM chat_text
),

final AS (
  SELECT msg_id, group_id, sender_id, sent_at, msg_type, content_length, NULL::VARCHAR AS content,
         join_scene, inviter_id, code_id, quit_scene, source_file, source_line, export_date
  FROM parsed
  WHERE msg_id IS NOT NULL AND group_id IS NOT NULL AND sender_id IS NOT NULL
    AND sent_at IS NOT NULL AND msg_type IS NOT NULL
    AND NOT (mangled_id(msg_id) OR mangled_id(group_id) OR mangled_id(sender_id)
             OR mangled_id(inviter_id) OR mangled_id(code_id))
)

SELECT * FROM final

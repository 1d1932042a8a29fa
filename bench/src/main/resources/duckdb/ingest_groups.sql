-- raw.groups as DuckDB lands it: one row per accepted snapshot row (exports.md, groups), columns of group.avsc.
-- Input: the view groups_text (every column as text, filename, record_line) over read_csv of the export files.
WITH parsed AS (
  SELECT
    nullif(group_id, '') AS group_id,
    nullif(group_name, '') AS group_name,
    export_group_type(nullif(group_type, '')) AS group_type,
    nullif(owner_id, '') AS owner_id,
    export_instant(nullif(created_at, '')) AS created_at,
    nullif(capacity, '') AS capacity_text,
    try_cast(nullif(capacity, '') AS INTEGER) AS capacity,
    nullif(dissolved_at, '') AS dissolved_at_text,
    export_instant(nullif(dissolved_at, '')) AS dissolved_at,
    inbox_relative(filename) AS source_file,
    record_line AS source_line,
    export_date_of(filename) AS export_date
  FROM groups_text
),

final AS (
  SELECT group_id, group_name, group_type, owner_id, created_at, capacity, dissolved_at,
         source_file, source_line, export_date
  FROM parsed
  WHERE group_id IS NOT NULL AND group_name IS NOT NULL AND group_type IS NOT NULL
    AND owner_id IS NOT NULL AND created_at IS NOT NULL
    AND (capacity_text IS NULL OR capacity IS NOT NULL)
    AND (dissolved_at_text IS NULL OR dissolved_at IS NOT NULL)
    AND NOT (mangled_id(group_id) OR mangled_id(owner_id))
)

SELECT * FROM final

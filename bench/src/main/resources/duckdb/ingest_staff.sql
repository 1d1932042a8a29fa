-- raw.staff as DuckDB lands it: one row per accepted roster row (exports.md, staff), columns of staff.avsc.
-- Input: the view staff_text (every column as text, filename, record_line) over read_csv of the export files.
WITH parsed AS (
  SELECT
    nullif(member_id, '') AS member_id,
    export_role(nullif(role, '')) AS role,
    nullif(name, '') AS name,
    inbox_relative(filename) AS source_file,
    record_line AS source_line,
    export_date_of(filename) AS export_date
  FROM staff_text
),

final AS (
  SELECT *
  FROM parsed
  WHERE member_id IS NOT NULL AND role IS NOT NULL AND NOT mangled_id(member_id)
)

SELECT * FROM final

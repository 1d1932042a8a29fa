-- raw.scans as DuckDB lands it: one row per accepted scan row (exports.md, scans), columns of scan.avsc.
-- Input: the view scans_text (every column as text, filename, record_line) over read_csv of the export files.
WITH parsed AS (
  SELECT
    nullif(scan_id, '') AS scan_id,
    export_instant(nullif(scanned_at, '')) AS scanned_at,
    nullif(code_id, '') AS code_id,
    nullif(channel, '') AS channel,
    nullif(scanner_id, '') AS scanner_id,
    nullif(inviter_id, '') AS inviter_id,
    nullif(group_id, '') AS group_id,
    inbox_relative(filename) AS source_file,
    record_line AS source_line,
    export_date_of(filename) AS export_date
  FROM scans_text
),

final AS (
  SELECT *
  FROM parsed
  WHERE scan_id IS NOT NULL AND scanned_at IS NOT NULL AND code_id IS NOT NULL
    AND scanner_id IS NOT NULL AND group_id IS NOT NULL
    AND NOT (mangled_id(scan_id) OR mangled_id(code_id) OR mangled_id(scanner_id)
             OR mangled_id(inviter_id) OR mangled_id(group_id))
)

SELECT * FROM final

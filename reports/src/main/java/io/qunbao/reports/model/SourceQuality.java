package io.qunbao.reports.model;

/**
 * One source's export of the report day, as ingest landed it: rows landed (written to raw), rows
 * rejected, rows that were late (dated before the export day). A null count is unknown: the
 * export or its ingest summary is absent.
 */
public record SourceQuality(String source, boolean landed, Long rowsLanded, Long rowsRejected, Long lateRows) {}

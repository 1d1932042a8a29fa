package io.qunbao.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/**
 * What one step did for one (source, export date): written as {@code _INGEST.json} into the
 * published raw partition (the daily report shows it) and logged as the step's summary line.
 *
 * @param published false when the source had no export folder for the date (nothing new)
 * @param lateRows rows whose event day (business zone) is before the export date
 * @param minEventTime earliest event time (ISO-8601 UTC), null for snapshots and empty exports
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IngestSummary(
    String source,
    String exportDate,
    boolean published,
    List<String> files,
    long rowsRead,
    long rowsWritten,
    long rowsRejected,
    Map<String, Long> rejectsByReason,
    long lateRows,
    String minEventTime,
    String maxEventTime,
    double seconds) {

  public static final String FILE_NAME = "_INGEST.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("summary not serialisable", e);
    }
  }

  public static IngestSummary fromJson(byte[] json) {
    try {
      return JSON.readValue(json, IngestSummary.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not an ingest summary", e);
    }
  }

  /** The step's one log line: {@code ingestChat 2026-10-01: read 1234, written 1230, rejected 4, 0.8 s}. */
  public String logLine() {
    return String.format(java.util.Locale.ROOT, "%s %s: read %d, written %d, rejected %d, %.1f s",
        stepName(source), exportDate, rowsRead, rowsWritten, rowsRejected, seconds);
  }

  /** ingestChat, ingestOrders, …: the Spring Batch step of a source. */
  public static String stepName(String source) {
    return "ingest" + Character.toUpperCase(source.charAt(0)) + source.substring(1);
  }
}

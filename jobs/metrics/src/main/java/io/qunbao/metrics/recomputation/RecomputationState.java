package io.qunbao.metrics.recomputation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.storage.Storage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What the published metrics were computed from, kept in {@code metrics/_recomputation.json}: the run
 * date, the export partitions read (with their versions) and the settings that shape the numbers. The
 * next nightly run recomputes only what the partitions new since then can change; without this file,
 * or with other settings, it recomputes every day. Written after everything of a run is published, so
 * a run that fails before leaves the previous state and its rerun finds the same partitions new.
 *
 * @param runDate  the run date of the publication
 * @param settings the configuration values the metrics depend on (zone, window, dead-group thresholds)
 * @param exports  the landed export partitions it read
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RecomputationState(
    @JsonProperty("run_date") LocalDate runDate,
    @JsonProperty("settings") Map<String, String> settings,
    @JsonProperty("exports") LandedExports exports) {

  static final String FILE = "_recomputation.json";
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

  /** The state in {@code file}, or {@code null} when there is none (no publication yet). */
  static RecomputationState read(Storage storage, Path file) {
    FileSystem fs = storage.fileSystem(file);
    try (InputStream in = fs.open(file)) {
      return JSON.readValue(in, RecomputationState.class);
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new QunbaoException(ExitCode.FAILED, "cannot read " + file + " (" + e.getMessage()
          + "); delete it and the next run recomputes every day");
    }
  }

  /** Replaces {@code file} in one write (one PUT on s3a). */
  void write(Storage storage, Path file) {
    FileSystem fs = storage.fileSystem(file);
    try (OutputStream out = fs.create(file, true)) {
      JSON.writeValue(out, this);
    } catch (IOException e) {
      throw new QunbaoException(ExitCode.FAILED, "cannot write " + file + " (" + e.getMessage()
          + "); the metrics are published, the next run recomputes every day", e);
    }
  }
}

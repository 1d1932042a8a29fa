package io.qunbao.bench.duckdb;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DuckDB side of the benchmark as its own process, so that its wall time and peak RSS are measured
 * like Qunbao's: {@code ingest INBOX WAREHOUSE LAST_EXPORT_DATE ZONE RESULT_JSON} or
 * {@code metrics RAW RUN_DATE OUT ZONE WINDOW_DAYS RESULT_JSON}. The result file holds what the step did
 * (rows and in-process seconds per source or table).
 */
public final class DuckDbStep {
  private DuckDbStep() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    switch (args[0]) {
      case "ingest" -> {
        Path warehouse = Path.of(args[2]);
        List<DuckDbIngest.Landed> landed = new DuckDbIngest(ZoneId.of(args[4]), warehouse.resolve("_scratch"))
            .land(Path.of(args[1]), warehouse, LocalDate.parse(args[3]));
        Map<String, Map<String, Number>> result = new LinkedHashMap<>();
        for (DuckDbIngest.Landed source : landed) {
          result.put(source.source(), Map.of("rows", source.rows(), "input_bytes", source.inputBytes(),
              "seconds", source.time().toNanos() / 1e9));
        }
        json.writeValue(Path.of(args[5]).toFile(), result);
      }
      case "metrics" -> {
        long started = System.nanoTime();
        Map<String, Long> rows = new DuckDbMetrics(ZoneId.of(args[4]), Integer.parseInt(args[5]))
            .compute(Path.of(args[1]), LocalDate.parse(args[2]), Path.of(args[3]));
        json.writeValue(Path.of(args[6]).toFile(),
            Map.of("rows", rows, "seconds", (System.nanoTime() - started) / 1e9));
      }
      default -> throw new IllegalArgumentException("unknown DuckDB step " + args[0] + ": ingest or metrics");
    }
  }
}

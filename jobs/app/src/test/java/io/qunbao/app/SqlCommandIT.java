package io.qunbao.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.common.ExitCode;
import io.qunbao.common.config.ConfigLoader;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.reports.model.ParquetTables;
import io.qunbao.testkit.SpecExample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qunbao sql} as an analyst runs it, over a warehouse that holds rejects and a leftover of a
 * publish killed halfway.
 */
class SqlCommandIT {
  @TempDir Path root;

  @Test
  void queriesTheLandedRowsAndTheirRejectsByTableName() throws IOException {
    // given: the spec example's 2026-10-01 landed; its chat export has 27 lines, of which lines 24 to 27
    // are rejected (spec/example/expected/rejected_rows.csv), so its rejects folder holds rejects.parquet
    // and, beside it, rejects.jsonl for people
    Path config = Files.writeString(root.resolve("qunbao.yml"), String.join("\n",
        "inbox: " + SpecExample.inbox(),
        "warehouse: " + root.resolve("warehouse"),
        "reports: " + root.resolve("reports"),
        "work-dir: " + root.resolve("work"), ""));
    assertThat(QunbaoCli.execute("--config", config.toString(), "ingest", "--date", "2026-10-01"))
        .isEqualTo(ExitCode.OK.code());
    // and a leftover beside the landed chat: a file of a publish killed halfway, which no manifest lists
    // (here a copy of the landed file, so a reader that took it would count every row twice)
    Path landed = root.resolve("warehouse/raw/chat/export_date=2026-10-01");
    Files.copy(landed.resolve("part-00000.parquet"), landed.resolve("0a1b2c3d-part-00000.parquet"));
    Path queries = Files.writeString(root.resolve("queries.sql"), String.join("\n",
        "select concat('rejected chat lines: ', concat_ws(',', sort_array(collect_list(line)))) as r",
        "from rejects_chat;",
        "select concat('landed chat rows: ', count(*)) as r from raw_chat;", ""));

    // when
    PrintStream originalOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = QunbaoCli.execute("--config", config.toString(), "sql", queries.toString());
    } finally {
      System.setOut(originalOut);
    }

    // then: both tables are there by name, the rejects read from their Parquet file alone, the landed
    // rows from the files the manifest lists
    assertThat(code).isEqualTo(ExitCode.OK.code());
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("rejected chat lines: 24,25,26,27")
        .contains("landed chat rows: 23");
    // and the report's reader does not take the leftover either
    QunbaoConfig loaded = new ConfigLoader().load(config);
    Storage storage = new Storage(loaded);
    Warehouse warehouse = Warehouse.of(loaded);
    ParquetTables tables = new ParquetTables(storage, new PartitionPublisher(storage, warehouse));
    LocalDate day = LocalDate.parse("2026-10-01");
    assertThat(tables.read(warehouse.rawTable("chat"), "export_date", day, day)).hasSize(23);
    assertThat(tables.rowCount(warehouse.raw("chat", day))).contains(23L);
  }
}

package io.qunbao.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.common.ExitCode;
import io.qunbao.testkit.SpecExample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qunbao sql} as an analyst runs it, over a warehouse that holds rejects. */
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

    // then: both tables are there by name, the rejects read from their Parquet file alone
    assertThat(code).isEqualTo(ExitCode.OK.code());
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("rejected chat lines: 24,25,26,27")
        .contains("landed chat rows: 23");
  }
}

package io.qunbao.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.ingest.IngestSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest --catch-up}: the export folders before the date that the warehouse lacks are landed first. */
class IngestCatchUpTest {
  private static final String LINE = "{\"msg_id\":\"%s\",\"group_id\":\"g\",\"sender_id\":\"u\",\"sent_at\":\"%s 08:00:00\","
      + "\"msg_type\":\"text\"}\n";

  @TempDir Path root;

  @Test
  void landsTheFoldersNeverIngestedAndThoseWithNewFiles() throws IOException {
    // given chat exports of 10-01 and 10-02, and only 10-02 ingested
    write("chat/2026-10-01/a.jsonl", "m1", "2026-10-01");
    write("chat/2026-10-02/a.jsonl", "m2", "2026-10-02");
    Path config = Files.writeString(root.resolve("qunbao.yml"), String.join("\n", "inbox: " + root.resolve("inbox"),
        "warehouse: " + root.resolve("warehouse"), "work-dir: " + root.resolve("work"), ""));
    assertThat(QunbaoCli.execute("--config", config.toString(), "ingest", "--date", "2026-10-02")).isZero();
    assertThat(landed("2026-10-01")).doesNotExist();

    // when the ingest of 10-03 catches up
    write("chat/2026-10-03/a.jsonl", "m3", "2026-10-03");
    assertThat(QunbaoCli.execute("--config", config.toString(), "ingest", "--date", "2026-10-03", "--catch-up")).isZero();
    // then 10-01 is landed too, and 10-03
    assertThat(landed("2026-10-01").resolve("_SUCCESS")).exists();
    assertThat(landed("2026-10-03").resolve("_SUCCESS")).exists();

    // when a second file arrives in 10-02's folder, the next catch-up lands the folder again, whole
    write("chat/2026-10-02/b.jsonl", "m4", "2026-10-02");
    assertThat(QunbaoCli.execute("--config", config.toString(), "ingest", "--date", "2026-10-03", "--catch-up")).isZero();
    IngestSummary summary = IngestSummary.fromJson(Files.readAllBytes(landed("2026-10-02").resolve(IngestSummary.FILE_NAME)));
    assertThat(summary.files()).containsExactly("chat/2026-10-02/a.jsonl", "chat/2026-10-02/b.jsonl");
    assertThat(summary.rowsWritten()).isEqualTo(2);
  }

  private Path landed(String date) {
    return root.resolve("warehouse/raw/chat/export_date=" + date);
  }

  private void write(String relative, String id, String day) throws IOException {
    Path file = root.resolve("inbox").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.format(LINE, id, day));
  }
}

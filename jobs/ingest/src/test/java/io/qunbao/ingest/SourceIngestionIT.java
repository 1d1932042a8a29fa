package io.qunbao.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole exports through SourceIngestion, read back with DuckDB: gate, atomic publish, nasty chat lines. */
class SourceIngestionIT {
  private static final String HEADER = "order_id,buyer_id,paid_at,amount,status,group_id,updated_at\n";
  @TempDir Path root;

  private IngestFixture fixture() {
    return new IngestFixture(root.resolve("inbox"), root, "");
  }

  /** An orders export of {@code good} valid rows followed by {@code bad} rows with a negative amount. */
  private static byte[] orders(int good, int bad) {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < good; i++) {
      csv.append("o").append(i).append(",u").append(i).append(",2026-10-01 10:00:00,9.90,paid,gA,2026-10-01 10:00:00\n");
    }
    for (int i = 0; i < bad; i++) {
      csv.append("x").append(i).append(",u1,2026-10-01 10:00:00,-1.00,paid,gA,2026-10-01 10:00:00\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void exactlyOnePercentRejectedPasses() {
    // given 100 rows of which 1 is bad: 1 <= 1% of 100
    IngestFixture f = fixture();
    f.write("orders/2026-10-01/orders.csv", orders(99, 1));
    IngestSummary s = f.ingest("orders", "2026-10-01");
    assertThat(s.rowsRead()).isEqualTo(100);
    assertThat(f.rawRows("orders", "2026-10-01", "order_id")).hasSize(99);
    assertThat(f.rejectRows("orders", "2026-10-01")).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("line", 101L).containsEntry("reason_class", "bad_amount"));
  }

  @Test
  void moreThanTheShareFailsAndPublishesNothingLeavingThePreviousPartitionAsItWas() throws IOException {
    // given a published export of the date, then a re-export with 2 bad rows of 100 (2% > 1%)
    IngestFixture f = fixture();
    f.write("orders/2026-10-01/orders.csv", orders(50, 0));
    f.ingest("orders", "2026-10-01");
    f.write("orders/2026-10-01/orders.csv", orders(98, 2));
    // when ingested again, then the step fails with DATA_QUALITY and a message naming the share
    assertThatThrownBy(() -> f.ingest("orders", "2026-10-01"))
        .isInstanceOfSatisfying(QunbaoException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DATA_QUALITY))
        .hasMessageStartingWith("ingestOrders 2026-10-01: 2 of 100 rows rejected (2.00%, limit 1%: bad_amount 2)");
    // and the partitions are the previous ones, whole; no staging left behind
    assertThat(f.rawRows("orders", "2026-10-01", "order_id")).hasSize(50);
    assertThat(f.rejectRows("orders", "2026-10-01")).isEmpty();
    assertThat(Files.exists(f.raw("orders", "2026-10-01").resolve("_SUCCESS"))).isTrue();
    try (var staged = Files.walk(f.warehouse.resolve("_staging"))) {
      assertThat(staged.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void anExportUnderTheMinimumRowsIsNotGatedButItsRejectsAreKept() {
    // given 99 rows of which 50 are bad: below gate-min-rows (100), so no share applies
    IngestFixture f = fixture();
    f.write("orders/2026-10-01/orders.csv", orders(49, 50));
    IngestSummary s = f.ingest("orders", "2026-10-01");
    assertThat(s.rowsRejected()).isEqualTo(50);
    assertThat(f.rejectRows("orders", "2026-10-01")).hasSize(50);
  }

  @Test
  void rowsRepeatedWithinAnExportLandAsTheyAre() {
    // given the same order row twice in one file: the raw layer keeps both (dedup is the metrics step's)
    IngestFixture f = fixture();
    String row = "o1,u1,2026-10-01 10:00:00,9.90,paid,gA,2026-10-01 10:00:00\n";
    f.write("orders/2026-10-01/orders.csv", (HEADER + row + row).getBytes(StandardCharsets.UTF_8));
    f.ingest("orders", "2026-10-01");
    assertThat(f.rawRows("orders", "2026-10-01", "order_id, source_line"))
        .containsExactly(Map.of("order_id", "o1", "source_line", 2L), Map.of("order_id", "o1", "source_line", 3L));
  }

  @Test
  void nastyChatLinesAreRejectedWithTheirLineAndTheRestLands() throws IOException {
    // given a gzip chat export with a GBK line, a 10-digit epoch, an unknown msg_type, a CRLF line end,
    // an id in scientific notation, a non-object line and a blank line
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    text.writeBytes(utf8("{\"msg_id\":\"m1\",\"group_id\":\"g\",\"sender_id\":\"u1\",\"sent_at\":1790827200000,\"msg_type\":\"poll\",\"content\":\"你好\"}\r\n"));
    text.writeBytes("{\"msg_id\":\"m2\",\"group_id\":\"g\",\"sender_id\":\"u1\",\"sent_at\":1790827200000,\"msg_type\":\"text\",\"content\":\"坏字节\"}\n"
        .getBytes(Charset.forName("GBK")));
    text.writeBytes(utf8("{\"msg_id\":\"m3\",\"group_id\":\"g\",\"sender_id\":\"u1\",\"sent_at\":1790827200,\"msg_type\":\"text\"}\n"));
    text.writeBytes(utf8("\n"));
    text.writeBytes(utf8("{\"msg_id\":\"m4\",\"group_id\":\"1.2E+18\",\"sender_id\":\"u1\",\"sent_at\":\"2026-10-01 12:00:00\",\"msg_type\":\"text\"}\n"));
    text.writeBytes(utf8("[1,2]\n"));
    text.writeBytes(utf8("{\"msg_id\":\"m5\",\"group_id\":\"g\",\"sender_id\":\"u2\",\"sent_at\":\"2026-09-30 23:59:59\",\"msg_type\":\"text\",\"content\":\"\"}"));
    IngestFixture f = fixture();
    f.write("chat/2026-10-01/msgs.jsonl.gz", gzip(text.toByteArray()));
    // when ingested
    IngestSummary s = f.ingest("chat", "2026-10-01");
    // then lines 2 (encoding), 3 (seconds), 5 (mangled id) and 6 (not an object) are rejected
    assertThat(f.rejectRows("chat", "2026-10-01")).extracting(r -> r.get("line") + ":" + r.get("reason_class"))
        .containsExactly("2:bad_encoding", "3:bad_timestamp", "5:mangled_id", "6:bad_json");
    // and m1 (unknown msg_type kept, 2 code points of text) and m5 (a late message of 09-30) land
    List<Map<String, Object>> rows = f.rawRows("chat", "2026-10-01",
        "msg_id, msg_type, content_length, epoch_ms(sent_at) as ms, source_file, source_line");
    assertThat(rows).extracting(r -> r.get("msg_id") + "|" + r.get("msg_type") + "|" + r.get("content_length") + "|" + r.get("source_line"))
        .containsExactly("m1|poll|2|1", "m5|text|null|7");
    assertThat(rows.get(0)).containsEntry("ms", 1790827200000L).containsEntry("source_file", "chat/2026-10-01/msgs.jsonl.gz");
    assertThat(s.rowsRead()).isEqualTo(6);
    assertThat(s.lateRows()).isEqualTo(1);
    // 2026-09-30 23:59:59 in Shanghai = 15:59:59Z
    assertThat(s.minEventTime()).isEqualTo(Instant.parse("2026-09-30T15:59:59Z").toString());
  }

  @Test
  void keepsMessageTextWhenConfigured() {
    IngestFixture f = new IngestFixture(root.resolve("inbox"), root, "ingest:\n  keep-message-text: true\n");
    f.write("chat/2026-10-01/msgs.jsonl", utf8(
        "{\"msg_id\":\"m1\",\"group_id\":\"g\",\"sender_id\":\"u1\",\"sent_at\":\"2026-10-01T08:00:00Z\",\"msg_type\":\"text\",\"content\":\"早上好😀\"}\n"));
    f.ingest("chat", "2026-10-01");
    // then the text is kept; its length counts the emoji as one code point
    assertThat(f.rawRows("chat", "2026-10-01", "content, content_length"))
        .containsExactly(Map.of("content", "早上好😀", "content_length", 4));
  }

  @Test
  void aMissingSnapshotFolderPublishesNothing() {
    IngestFixture f = fixture();
    f.write("groups/2026-10-01/groups.csv", utf8("group_id,group_name,group_type,owner_id,created_at\ngA,A,traffic,s,2026-09-01 09:00:00\n"));
    f.ingest("groups", "2026-10-01");
    IngestSummary absent = f.ingest("groups", "2026-10-02");
    assertThat(absent.published()).isFalse();
    assertThat(Files.exists(f.raw("groups", "2026-10-02"))).isFalse();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

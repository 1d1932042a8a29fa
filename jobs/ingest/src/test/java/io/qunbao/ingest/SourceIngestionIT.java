package io.qunbao.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.testkit.DuckDb;
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
    // when ingested again, then the step fails with DATA_QUALITY and a message naming the share, the
    // file with its rejects, and where they are
    assertThatThrownBy(() -> f.ingest("orders", "2026-10-01"))
        .isInstanceOfSatisfying(QunbaoException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DATA_QUALITY))
        .hasMessageStartingWith("ingestOrders 2026-10-01: 2 of 100 rows rejected (2.00%, limit 1%): "
            + "orders/2026-10-01/orders.csv: bad_amount 2; nothing published for orders but its rejects")
        .hasMessageContaining(f.rejects("orders", "2026-10-01").resolve("rejects.jsonl").toString());
    // and the landed partition is the previous one, whole; the rejects are those of the failed export,
    // for the operator to find the bad lines; no staging left behind
    assertThat(f.rawRows("orders", "2026-10-01", "order_id")).hasSize(50);
    assertThat(f.rejectRows("orders", "2026-10-01")).extracting(r -> r.get("line")).containsExactly(100L, 101L);
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
    // an id in scientific notation, a non-object line, a blank line and two objects on one line
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    text.writeBytes(utf8("{\"msg_id\":\"m1\",\"group_id\":\"g\",\"sender_id\":\"u1\",\"sent_at\":1790827200000,\"msg_type\":\"poll\",\"content\":\"你好\"}\r\n"));
    text.writeBytes("{\"msg_id\":\"m2\",\"group_id\":\"g\",\"sender_id\":\"u1\",\"sent_at\":1790827200000,\"msg_type\":\"text\",\"content\":\"坏字节\"}\n"
        .getBytes(Charset.forName("GBK")));
    text.writeBytes(utf8("{\"msg_id\":\"m3\",\"group_id\":\"g\",\"sender_id\":\"u1\",\"sent_at\":1790827200,\"msg_type\":\"text\"}\n"));
    text.writeBytes(utf8("\n"));
    text.writeBytes(utf8("{\"msg_id\":\"m4\",\"group_id\":\"1.2E+18\",\"sender_id\":\"u1\",\"sent_at\":\"2026-10-01 12:00:00\",\"msg_type\":\"text\"}\n"));
    text.writeBytes(utf8("[1,2]\n"));
    text.writeBytes(utf8("{\"msg_id\":\"m5\",\"group_id\":\"g\",\"sender_id\":\"u2\",\"sent_at\":\"2026-09-30 23:59:59\",\"msg_type\":\"text\",\"content\":\"\"} \n"));
    text.writeBytes(utf8("{\"msg_id\":\"m6\",\"group_id\":\"g\",\"sender_id\":\"u2\",\"sent_at\":\"2026-10-01 08:00:00\",\"msg_type\":\"text\"}{\"x\":1}"));
    IngestFixture f = fixture();
    f.write("chat/2026-10-01/msgs.jsonl.gz", gzip(text.toByteArray()));
    // when ingested
    IngestSummary s = f.ingest("chat", "2026-10-01");
    // then lines 2 (encoding), 3 (seconds), 5 (mangled id), 6 (not an object) and 8 (two objects) are rejected
    assertThat(f.rejectRows("chat", "2026-10-01")).extracting(r -> r.get("line") + ":" + r.get("reason_class"))
        .containsExactly("2:bad_encoding", "3:bad_timestamp", "5:mangled_id", "6:bad_json", "8:bad_json");
    // and m1 (unknown msg_type kept, 2 code points of text) and m5 (a late message of 09-30) land
    List<Map<String, Object>> rows = f.rawRows("chat", "2026-10-01",
        "msg_id, msg_type, content_length, epoch_ms(sent_at) as ms, source_file, source_line");
    assertThat(rows).extracting(r -> r.get("msg_id") + "|" + r.get("msg_type") + "|" + r.get("content_length") + "|" + r.get("source_line"))
        .containsExactly("m1|poll|2|1", "m5|text|null|7");
    assertThat(rows.get(0)).containsEntry("ms", 1790827200000L).containsEntry("source_file", "chat/2026-10-01/msgs.jsonl.gz");
    assertThat(s.rowsRead()).isEqualTo(7);
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
  void aMissingOrEmptySnapshotFolderPublishesNothing() throws IOException {
    // given groups exported on 10-01, nothing on 10-02 and an empty folder on 10-03
    IngestFixture f = fixture();
    f.write("groups/2026-10-01/groups.csv", utf8("group_id,group_name,group_type,owner_id,created_at\ngA,A,traffic,s,2026-09-01 09:00:00\n"));
    Files.createDirectories(f.inbox.resolve("groups/2026-10-03"));
    f.ingest("groups", "2026-10-01");
    // then neither 10-02 nor 10-03 publishes a (seemingly empty) snapshot
    for (String date : List.of("2026-10-02", "2026-10-03")) {
      assertThat(f.ingest("groups", date).published()).isFalse();
      assertThat(Files.exists(f.raw("groups", date))).isFalse();
    }
    assertThat(f.rawRows("groups", "2026-10-01", "group_id")).hasSize(1);
  }

  @Test
  void exportFileNamesMatchWhateverTheirCase() {
    // given an orders export named ORDERS.CSV and a chat export named MSGS.JSONL.GZ
    IngestFixture f = fixture();
    f.write("orders/2026-10-01/ORDERS.CSV", orders(3, 0));
    f.write("chat/2026-10-01/MSGS.JSONL.GZ", gzip(utf8(
        "{\"msg_id\":\"m1\",\"group_id\":\"g\",\"sender_id\":\"u1\",\"sent_at\":\"2026-10-01 08:00:00\",\"msg_type\":\"text\"}\n")));
    // then both land, the gzip one decompressed
    assertThat(f.ingest("orders", "2026-10-01").rowsWritten()).isEqualTo(3);
    assertThat(f.ingest("chat", "2026-10-01").rowsWritten()).isEqualTo(1);
    assertThat(f.rawRows("chat", "2026-10-01", "msg_id")).containsExactly(Map.of("msg_id", "m1"));
  }

  @Test
  void aFolderInAnExportFolderFailsNamingIt() {
    // given a folder named like an export file beside a real export
    IngestFixture f = fixture();
    f.write("orders/2026-10-01/orders.csv", orders(3, 0));
    f.write("orders/2026-10-01/more.csv/orders.csv", orders(3, 0));
    // then the step fails as a data problem naming the folder, and publishes nothing
    assertThatThrownBy(() -> f.ingest("orders", "2026-10-01"))
        .isInstanceOfSatisfying(QunbaoException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DATA_QUALITY))
        .hasMessageStartingWith("orders/2026-10-01/more.csv/ is a folder in an export folder");
    assertThat(f.raw("orders", "2026-10-01")).doesNotExist();
  }

  @Test
  void anExportLackingARequiredColumnFailsTheGateWhateverItsSizeAndPublishesItsRejects() {
    // given 13 order rows, under the 100 rows of the share rule, without the amount column
    StringBuilder csv = new StringBuilder("order_id,buyer_id,status,updated_at\n");
    for (int i = 0; i < 13; i++) {
      csv.append("o").append(i).append(",u1,paid,2026-10-01 10:00:00\n");
    }
    IngestFixture f = fixture();
    f.write("orders/2026-10-01/orders.csv", utf8(csv.toString()));
    // then the gate fails naming the file and the column; nothing lands but the 13 rejects
    assertThatThrownBy(() -> f.ingest("orders", "2026-10-01"))
        .isInstanceOfSatisfying(QunbaoException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DATA_QUALITY))
        .hasMessageStartingWith("ingestOrders 2026-10-01: orders/2026-10-01/orders.csv: required column amount (实付金额)"
            + " is not in the header (13 of 13 rows rejected)");
    assertThat(f.raw("orders", "2026-10-01")).doesNotExist();
    assertThat(f.rejectRows("orders", "2026-10-01")).hasSize(13).allSatisfy(r -> assertThat(r).containsEntry("reason_class", "missing_field"));
  }

  @Test
  void anExportWhoseEveryRowIsRejectedFailsTheGateWhateverItsSize() {
    // given 5 order rows, all with a negative amount
    IngestFixture f = fixture();
    f.write("orders/2026-10-01/orders.csv", orders(0, 5));
    assertThatThrownBy(() -> f.ingest("orders", "2026-10-01"))
        .isInstanceOfSatisfying(QunbaoException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DATA_QUALITY))
        .hasMessageStartingWith("ingestOrders 2026-10-01: every row rejected, 5 of 5 (orders/2026-10-01/orders.csv: bad_amount 5)");
    assertThat(f.raw("orders", "2026-10-01")).doesNotExist();
  }

  @Test
  void aTruncatedGzipIsADataErrorNamingTheFile() {
    // given a gzip export cut in the middle (a copy that did not finish)
    byte[] whole = gzip(orders(2000, 0));
    IngestFixture f = fixture();
    f.write("orders/2026-10-01/orders.csv.gz", java.util.Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> f.ingest("orders", "2026-10-01"))
        .isInstanceOfSatisfying(QunbaoException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DATA_QUALITY))
        .hasMessageStartingWith("orders/2026-10-01/orders.csv.gz is corrupt or truncated (")
        .hasMessageContaining("Replace the file in the inbox and rerun");
    assertThat(f.raw("orders", "2026-10-01")).doesNotExist();
  }

  @Test
  void chatRejectsKeepNoMessageTextUnlessItIsKept() throws Exception {
    // given two bad chat lines carrying a phone number in their text: one parses (a bad time stamp),
    // one is no JSON at all; and a good line
    String parses = "{\"msg_id\":\"m1\",\"group_id\":\"g\",\"sender_id\":\"u1\",\"sent_at\":\"2026/10/01\","
        + "\"msg_type\":\"text\",\"content\":\"call me 13812345678\"}";
    String broken = "{\"msg_id\":\"m2\",\"content\":13812345678x}";
    IngestFixture f = fixture();
    String good = "{\"msg_id\":\"m3\",\"group_id\":\"g\",\"sender_id\":\"u1\",\"sent_at\":\"2026-10-01 08:00:00\","
        + "\"msg_type\":\"text\"}";
    f.write("chat/2026-10-01/msgs.jsonl", utf8(parses + "\n" + broken + "\n" + good + "\n"));
    f.ingest("chat", "2026-10-01");
    // then the rejects keep each line's length and SHA-256, the parsed object without its content, and
    // nothing of the text, in Parquet and in JSON Lines alike
    List<Map<String, Object>> rejects = DuckDb.query("select line, raw_text, raw_bytes, raw_sha256, reason from read_parquet('"
        + f.rejects("chat", "2026-10-01") + "/*.parquet') order by line");
    assertThat(rejects).hasSize(2);
    assertThat(rejects.get(0)).containsEntry("raw_text", "{\"msg_id\":\"m1\",\"group_id\":\"g\",\"sender_id\":\"u1\","
        + "\"sent_at\":\"2026/10/01\",\"msg_type\":\"text\"}")
        .containsEntry("raw_bytes", (long) utf8(parses).length).containsEntry("raw_sha256", sha256(parses));
    assertThat(rejects.get(1)).containsEntry("raw_text", null)
        .containsEntry("raw_bytes", (long) utf8(broken).length).containsEntry("raw_sha256", sha256(broken));
    assertThat(rejects.toString()).doesNotContain("13812345678");
    assertThat(Files.readString(f.rejects("chat", "2026-10-01").resolve("rejects.jsonl"))).doesNotContain("13812345678")
        .contains(sha256(broken));

    // when the operator keeps message text, the rejects keep the lines as they were
    Path kept = root.resolve("kept");
    IngestFixture keeping = new IngestFixture(f.inbox, Files.createDirectories(kept), "ingest:\n  keep-message-text: true\n");
    keeping.ingest("chat", "2026-10-01");
    assertThat(keeping.rejectRows("chat", "2026-10-01")).extracting(r -> r.get("raw_text")).containsExactly(parses, broken);
  }

  private static String sha256(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(utf8(text)));
  }

  @Test
  void theInboxScanFindsLateAndChangedExportFoldersAndRejectsMalformedDates() {
    // given orders of 10-01 landed, then a second file added to it, and chat of 10-02 never landed
    IngestFixture f = fixture();
    InboxScan scan = new InboxScan(f.config, new io.qunbao.common.storage.Storage(f.config), f.ingestion);
    f.write("orders/2026-10-01/a.csv", orders(3, 0));
    f.ingest("orders", "2026-10-01");
    f.write("orders/2026-10-01/b.csv", orders(2, 0));
    f.write("chat/2026-10-02/msgs.jsonl", utf8("{}\n"));
    f.write("chat/2026-10-03/msgs.jsonl", utf8("{}\n"));
    // then a run of 10-03 finds both, in date order, and not its own date
    assertThat(scan.lateExports(java.time.LocalDate.parse("2026-10-03"))).extracting(Object::toString)
        .containsExactly("orders/2026-10-01 (new since it was ingested: orders/2026-10-01/b.csv)",
            "chat/2026-10-02 (never ingested)");
    // and a folder meant as a date but none fails the scan naming it
    f.write("scans/2026-10-2/scans.csv", utf8("scan_id\n"));
    assertThatThrownBy(scan::checkDateFolders)
        .isInstanceOfSatisfying(QunbaoException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DATA_QUALITY))
        .hasMessageStartingWith("scans/2026-10-2/ in the inbox ");
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

package io.qunbao.ingest;

import io.qunbao.common.Source;
import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.testkit.DuckDb;
import io.qunbao.testkit.SpecExample;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked example of spec/example lands with exactly the rows of expected/rejected_rows.csv rejected. */
class WorkedExampleIT {
  @TempDir static Path root;
  static IngestFixture fixture;
  static final List<IngestSummary> summaries = new ArrayList<>();

  @BeforeAll
  static void ingestEveryExportOfTheExample() throws IOException {
    // given the example inbox, when every (source, export date) folder in it is ingested
    fixture = new IngestFixture(SpecExample.inbox(), root, "");
    for (String source : Source.ids()) {
      try (Stream<Path> dates = Files.list(SpecExample.inbox().resolve(source))) {
        for (Path date : dates.sorted().toList()) {
          summaries.add(fixture.ingest(source, date.getFileName().toString()));
        }
      }
    }
  }

  @Test
  void rejectsExactlyTheExpectedRowsWithTheirReasonClass() throws IOException {
    // then rejects/ holds file, line and reason class of every row of expected/rejected_rows.csv, and no other
    TreeSet<String> expected = new TreeSet<>();
    try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(SpecExample.expected("rejected_rows.csv")))) {
      for (CSVRecord r : parser) {
        expected.add(r.get("file") + ":" + r.get("line") + ":" + reasonClassOf(r.get("why")));
      }
    }
    List<Map<String, Object>> rejects = DuckDb.query("select file, line, reason_class from read_parquet('"
        + fixture.warehouse + "/rejects/*/*/*.parquet')");
    TreeSet<String> actual = new TreeSet<>();
    rejects.forEach(r -> actual.add(r.get("file") + ":" + r.get("line") + ":" + r.get("reason_class")));
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(rejects).hasSize(expected.size());
  }

  /** The expected file explains each reject in words; these are the classes those words name. */
  private static String reasonClassOf(String why) {
    if (why.startsWith("not valid JSON")) return "bad_json";
    if (why.startsWith("required field")) return "missing_field";
    if (why.contains("scientific notation")) return "mangled_id";
    if (why.contains("not a known status")) return "unknown_status";
    if (why.contains("not a known role")) return "unknown_role";
    if (why.contains("time stamp") || why.contains("impossible date")) return "bad_timestamp";
    if (why.startsWith("amount")) return "bad_amount";
    throw new IllegalArgumentException("no reason class for: " + why);
  }

  @Test
  void everyStepAccountsForEveryRow() {
    // then for each published (source, date): read = written + rejected, and the Parquet holds `written` rows
    for (IngestSummary s : summaries) {
      assertThat(s.rowsRead()).as(s.logLine()).isEqualTo(s.rowsWritten() + s.rowsRejected());
      long landed = (long) DuckDb.query("select count(*) as n from read_parquet('"
          + fixture.raw(s.source(), s.exportDate()) + "/*.parquet')").get(0).get("n");
      assertThat(landed).as(s.logLine()).isEqualTo(s.rowsWritten());
    }
    // chat D1: 27 lines, 4 of them bad (lines 24-27)
    IngestSummary chatD1 = summaries.stream()
        .filter(s -> s.source().equals("chat") && s.exportDate().equals("2026-10-01")).findFirst().orElseThrow();
    assertThat(chatD1.rowsRead()).isEqualTo(27);
    assertThat(chatD1.rowsRejected()).isEqualTo(4);
  }

  @Test
  void landsEveryTimeStampFormAsTheSameUtcInstant() {
    // then m06 (ISO with offset and millis), m07 (JSON epoch ms), m08 (space form, Shanghai) are all
    // 2026-10-01 12:00:00 +08:00 = 04:00:00Z; m13 was written 2026-10-01T12:00:00Z; m02 (ISO without
    // offset, 09:30 Shanghai) is 01:30Z
    List<Map<String, Object>> rows = fixture.rawRows("chat", "2026-10-01", "msg_id, epoch_ms(sent_at) as ms");
    Map<Object, Object> sentAt = new java.util.HashMap<>();
    rows.forEach(r -> sentAt.put(r.get("msg_id"), r.get("ms")));
    long noonShanghai = Instant.parse("2026-10-01T04:00:00Z").toEpochMilli();
    assertThat(sentAt).containsEntry("m06", noonShanghai).containsEntry("m07", noonShanghai)
        .containsEntry("m08", noonShanghai)
        .containsEntry("m13", Instant.parse("2026-10-01T12:00:00Z").toEpochMilli())
        .containsEntry("m02", Instant.parse("2026-10-01T01:30:00Z").toEpochMilli());
  }

  @Test
  void dropsMessageTextButKeepsItsLength() {
    // then m02's content "hi, 大家好" (7 code points) is not stored, its length is
    Map<String, Object> m02 = fixture.rawRows("chat", "2026-10-01", "msg_id, content, content_length").stream()
        .filter(r -> r.get("msg_id").equals("m02")).findFirst().orElseThrow();
    assertThat(m02.get("content")).isNull();
    assertThat(m02.get("content_length")).isEqualTo(7);
  }

  @Test
  void readsTheGb18030OrdersExportWithChineseHeadersLabelsAndAQuotedLineBreak() {
    // then o5 (lines 2-3: the remark holds a comma, doubled quotes and a line break) is refunded, updated
    // 2026-10-03 09:00 Shanghai = 01:00Z; the next record, o8, starts on line 4 and its updated_at was
    // epoch ms 1790913600000; o13's ￥15.00 is 15.00
    List<Map<String, Object>> rows = fixture.rawRows("orders", "2026-10-03",
        "order_id, status, amount, epoch_ms(updated_at) as updated_ms, source_line, source_file");
    assertThat(rows.get(0)).containsEntry("order_id", "o5").containsEntry("status", "refunded")
        .containsEntry("updated_ms", Instant.parse("2026-10-03T01:00:00Z").toEpochMilli())
        .containsEntry("source_line", 2L).containsEntry("source_file", "orders/2026-10-03/订单导出.csv");
    assertThat(rows.get(1)).containsEntry("order_id", "o8").containsEntry("status", "cancelled")
        .containsEntry("updated_ms", 1790913600000L).containsEntry("source_line", 4L);
    assertThat(rows.stream().filter(r -> r.get("order_id").equals("o13")).findFirst().orElseThrow())
        .containsEntry("amount", new BigDecimal("15.00")).containsEntry("status", "paid");
  }

  @Test
  void readsAmountsWithCurrencySignAndThousandsSeparators() {
    // then the BOM file's "¥1,299.00" is 1299.00 and "2,000.00" is 2000.00; o3 has no group tag
    List<Map<String, Object>> rows = fixture.rawRows("orders", "2026-10-02", "order_id, amount, group_id");
    Map<Object, Map<String, Object>> byId = new java.util.HashMap<>();
    rows.forEach(r -> byId.put(r.get("order_id"), r));
    assertThat(byId.get("o1")).containsEntry("amount", new BigDecimal("1299.00"));
    assertThat(byId.get("o9")).containsEntry("amount", new BigDecimal("2000.00"));
    assertThat(byId.get("o3").get("group_id")).isNull();
  }

  @Test
  void mapsChineseGroupTypeAndRoleLabels() {
    // then the D3 groups snapshot's 引流群 is traffic, and the D3 staff snapshot's 客服 is service
    assertThat(fixture.rawRows("groups", "2026-10-03", "group_id, group_type, epoch_ms(dissolved_at) as dissolved"))
        .anySatisfy(r -> assertThat(r).containsEntry("group_id", "gC").containsEntry("group_type", "traffic")
            .containsEntry("dissolved", Instant.parse("2026-10-02T04:00:00Z").toEpochMilli()));
    assertThat(fixture.rawRows("staff", "2026-10-03", "member_id, role"))
        .anySatisfy(r -> assertThat(r).containsEntry("member_id", "s_svc").containsEntry("role", "service"));
  }

  @Test
  void keepsRowsRepeatedAcrossExportsAsTheyAre() {
    // then sc1 lands in both the D1 and the D2 scans partitions (dedup is the metrics step's rule)
    assertThat(fixture.rawRows("scans", "2026-10-01", "scan_id")).anySatisfy(r -> assertThat(r.get("scan_id")).isEqualTo("sc1"));
    assertThat(fixture.rawRows("scans", "2026-10-02", "scan_id")).anySatisfy(r -> assertThat(r.get("scan_id")).isEqualTo("sc1"));
  }

  @Test
  void writesASummaryIntoEachPublishedPartition() throws IOException {
    // then _INGEST.json of chat D3 counts m21 (a message of D2 in the D3 export) as late
    IngestSummary chatD3 = IngestSummary.fromJson(
        Files.readAllBytes(fixture.raw("chat", "2026-10-03").resolve(IngestSummary.FILE_NAME)));
    assertThat(chatD3.rowsRead()).isEqualTo(chatD3.rowsWritten() + chatD3.rowsRejected());
    assertThat(chatD3.lateRows()).isGreaterThanOrEqualTo(1);
    assertThat(Files.exists(fixture.raw("chat", "2026-10-03").resolve("_SUCCESS"))).isTrue();
    assertThat(Files.readString(fixture.rejects("chat", "2026-10-01").resolve("rejects.jsonl")).lines()).hasSize(4);
  }
}

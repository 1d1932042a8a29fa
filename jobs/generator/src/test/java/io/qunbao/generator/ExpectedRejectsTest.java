package io.qunbao.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qunbao.common.Source;
import io.qunbao.generator.GeneratedInbox.Chat;
import io.qunbao.generator.GeneratedInbox.ExpectedReject;
import io.qunbao.generator.GeneratedInbox.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * expected_rejects.csv is the ground truth an end-to-end test of the ingest relies on: every line it
 * lists is a record broken in the way it says, every record it does not list is valid by exports.md, and
 * no export comes near the 1% gate. The rules are checked here with their own small implementation.
 */
class ExpectedRejectsTest {
  private static final Pattern AMOUNT = Pattern.compile("[¥￥]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?");
  private static final Set<String> STATUSES = Set.of("paid", "shipped", "completed", "refunded", "cancelled",
      "pending", "已付款", "已发货", "已完成", "已退款", "已取消", "待付款");
  private static final Set<String> ROLES = Set.of("owner", "admin", "service", "koc", "shill", "群主", "管理员",
      "客服", "托", "马甲号");
  private static final List<String> CHAT_REQUIRED = List.of("msg_id", "group_id", "sender_id", "sent_at", "msg_type");
  private static final List<String> CHAT_IDS = List.of("msg_id", "group_id", "sender_id", "inviter_id", "code_id");
  /** Required columns, id columns and time stamp columns of each CSV source (exports.md). */
  private static final Map<String, List<String>> REQUIRED = Map.of(
      "orders", List.of("order_id", "buyer_id", "amount", "status", "updated_at"),
      "scans", List.of("scan_id", "scanned_at", "code_id", "scanner_id", "group_id"),
      "groups", List.of("group_id", "group_name", "group_type", "owner_id", "created_at"),
      "staff", List.of("member_id", "role"));
  private static final Map<String, List<String>> IDS = Map.of(
      "orders", List.of("order_id", "buyer_id", "group_id"),
      "scans", List.of("scan_id", "code_id", "scanner_id", "inviter_id", "group_id"),
      "groups", List.of("group_id", "owner_id"),
      "staff", List.of("member_id"));
  private static final Map<String, List<String>> TIMESTAMPS = Map.of(
      "orders", List.of("paid_at", "updated_at"), "scans", List.of("scanned_at"),
      "groups", List.of("created_at", "dissolved_at"), "staff", List.of());

  static GenerationSummary summary;
  static GeneratedInbox inbox;

  @BeforeAll
  static void readTheDefaultInbox() {
    summary = DefaultInbox.summary();
    inbox = DefaultInbox.inbox();
  }

  @Test
  void everyReasonClassOfTheContractIsInjected() {
    assertThat(inbox.expectedRejects.stream().map(ExpectedReject::reasonClass).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("bad_json", "broken_csv", "bad_encoding", "missing_field", "bad_timestamp",
            "bad_amount", "unknown_status", "unknown_role", "mangled_id");
    assertThat(inbox.expectedRejects.stream().map(ExpectedReject::source).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("chat", "orders", "scans", "groups", "staff");
    // the summary counts the same rows by class
    Map<String, Long> listed = inbox.expectedRejects.stream()
        .collect(Collectors.groupingBy(ExpectedReject::reasonClass, Collectors.counting()));
    summary.badRowsByReason().forEach((reason, count) -> assertThat(count).as(reason.code())
        .isEqualTo(listed.getOrDefault(reason.code(), 0L)));
  }

  @Test
  void eachListedLineIsARecordBrokenTheWayItsClassSays() {
    Map<String, byte[]> files = new HashMap<>();
    Map<String, List<byte[]>> lines = new HashMap<>();
    for (ExpectedReject reject : inbox.expectedRejects) {
      byte[] bytes = files.computeIfAbsent(reject.file(), inbox::bytes);
      byte[] line = lines.computeIfAbsent(reject.file(), f -> GeneratedInbox.physicalLines(bytes))
          .get((int) reject.line() - 1);
      assertThat(reject.exportDate()).isEqualTo(GeneratedInbox.exportDateOf(reject.file()));
      assertThat(reject.file()).startsWith(reject.source() + "/");
      String why = reject.source().equals("chat") ? chatProblem(line) : csvProblem(reject, bytes, line);
      assertThat(why).as("%s line %d", reject.file(), reject.line()).isEqualTo(reject.reasonClass());
    }
  }

  @Test
  void everyRecordNotListedIsValid() {
    // reading the chat parses every unlisted line; each must also pass the field rules
    List<Chat> chat = inbox.chat();
    assertThat(chat).isNotEmpty().allSatisfy(c -> {
      assertThat(List.of(c.msgId(), c.groupId(), c.senderId(), c.msgType())).allSatisfy(v -> assertThat(v).isNotEmpty());
      assertThat(c.sentAt()).as("%s line %d", c.file(), c.line()).isNotNull();
    });
    for (String source : REQUIRED.keySet()) {
      List<Row> rows = inbox.csv(source, GeneratedInboxRealismTest.CHINESE_HEADERS);
      assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(csvRowProblem(source, r.values()))
          .as("%s line %d", r.file(), r.line()).isNull());
    }
  }

  @Test
  void listedAndValidRecordsTogetherAreAllTheRowsOfEachExport() {
    Map<String, Long> listed = inbox.expectedRejects.stream()
        .collect(Collectors.groupingBy(r -> r.source() + "@" + r.exportDate(), Collectors.counting()));
    Map<String, Long> valid = new HashMap<>();
    inbox.chat().forEach(c -> valid.merge("chat@" + c.exportDate(), 1L, Long::sum));
    for (String source : REQUIRED.keySet()) {
      inbox.csv(source, GeneratedInboxRealismTest.CHINESE_HEADERS)
          .forEach(r -> valid.merge(source + "@" + r.exportDate(), 1L, Long::sum));
    }
    summary.exports().forEach((source, days) -> days.forEach((day, counts) -> {
      String key = source.id() + "@" + day;
      assertThat(listed.getOrDefault(key, 0L)).as(key).isEqualTo(counts.badRows());
      assertThat(valid.getOrDefault(key, 0L) + counts.badRows()).as(key).isEqualTo(counts.rows());
    }));
  }

  @Test
  void noExportComesNearTheOnePercentGate() {
    summary.exports().forEach((source, days) -> days.forEach((LocalDate day, ExportCounts counts) -> {
      // never beyond the gate (1% of an export of at least 100 rows; smaller ones are not gated) ...
      assertThat(counts.badRows()).as(source + " " + day)
          .isLessThanOrEqualTo(counts.rows() >= 100 ? counts.rows() / 100 : 1);
      // ... and for the daily sources at most 0.5%, half the gate
      if (source == Source.CHAT || source == Source.ORDERS || source == Source.SCANS) {
        assertThat(counts.badRows()).as(source + " " + day).isLessThanOrEqualTo(counts.rows() / 200);
      }
    }));
  }

  // ---- the rules of exports.md, checked independently ----

  /** The reason class a chat line is rejected for, or null when it is valid. */
  private static String chatProblem(byte[] line) {
    String text = GeneratedInbox.decodeStrictly(line, java.nio.charset.StandardCharsets.UTF_8);
    if (text == null) {
      return "bad_encoding";
    }
    JsonNode node;
    try {
      node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (IOException e) {
      return "bad_json";
    }
    for (String field : CHAT_REQUIRED) {
      if (node.get(field) == null || node.get(field).asText().isEmpty()) {
        return "missing_field";
      }
    }
    if (GeneratedInbox.instant(node.get("sent_at")) == null) {
      return "bad_timestamp";
    }
    for (String field : CHAT_IDS) {
      if (node.get(field) != null && GeneratedInbox.SCIENTIFIC_ID.matcher(node.get(field).asText()).matches()) {
        return "mangled_id";
      }
    }
    return null;
  }

  /** The reason class of a listed CSV line (a bad record is always one physical line). */
  private static String csvProblem(ExpectedReject reject, byte[] fileBytes, byte[] line) {
    Charset charset = GeneratedInbox.charsetOf(fileBytes);
    String text = GeneratedInbox.decodeStrictly(line, charset);
    if (text == null) {
      return "bad_encoding";
    }
    if (GeneratedInbox.brokenCsv(text)) {
      return "broken_csv";
    }
    String header = GeneratedInbox.decodeStrictly(GeneratedInbox.physicalLines(fileBytes).get(0), charset);
    List<String> columns = parseLine(header.startsWith("\uFEFF") ? header.substring(1) : header).stream()
        .map(h -> GeneratedInboxRealismTest.CHINESE_HEADERS.getOrDefault(h, h)).toList();
    List<String> values = parseLine(text);
    Map<String, String> row = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      row.put(columns.get(i), values.get(i).strip());
    }
    return csvRowProblem(reject.source(), row);
  }

  private static String csvRowProblem(String source, Map<String, String> row) {
    for (String column : REQUIRED.get(source)) {
      if (row.getOrDefault(column, "").isEmpty()) {
        return "missing_field";
      }
    }
    for (String column : IDS.get(source)) {
      if (GeneratedInbox.SCIENTIFIC_ID.matcher(row.getOrDefault(column, "")).matches()) {
        return "mangled_id";
      }
    }
    for (String column : TIMESTAMPS.get(source)) {
      String value = row.getOrDefault(column, "");
      if (!value.isEmpty() && GeneratedInbox.instant(value) == null) {
        return "bad_timestamp";
      }
    }
    if (source.equals("orders") && !AMOUNT.matcher(row.get("amount")).matches()) {
      return "bad_amount";
    }
    if (source.equals("orders") && !STATUSES.contains(row.get("status").toLowerCase(Locale.ROOT))) {
      return "unknown_status";
    }
    if (source.equals("staff") && !ROLES.contains(row.get("role").toLowerCase(Locale.ROOT))
        && !ROLES.contains(row.get("role"))) {
      return "unknown_role";
    }
    return null;
  }

  private static List<String> parseLine(String text) {
    try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
      CSVRecord record = parser.getRecords().get(0);
      return Arrays.asList(record.values());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

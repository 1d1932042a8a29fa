package io.qunbao.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a generated inbox back the way exports.md describes it, independently of the generator's
 * code: physical lines, strict decoding, JSON with Jackson, CSV with Commons CSV, headers in English or
 * Chinese, and the accepted time stamp forms. Lines listed in expected_rejects.csv are skipped.
 */
final class GeneratedInbox {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Pattern SCIENTIFIC_ID = Pattern.compile("\\d(\\.\\d+)?[Ee][+-]?\\d{1,3}");
  private static final Pattern LOCAL_SPACE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
  private static final Pattern ISO_LOCAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");
  private static final Pattern ISO_OFFSET = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)");
  private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{13}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One accepted chat line. */
  record Chat(LocalDate exportDate, String file, long line, String msgId, String groupId, String senderId,
      Instant sentAt, String sentAtText, String msgType, String joinScene, String inviterId, String codeId) {}

  /** One accepted CSV record: its values by English column name. */
  record Row(LocalDate exportDate, String file, long line, Map<String, String> values) {
    String get(String column) {
      return values.getOrDefault(column, "");
    }
  }

  /** One line of expected_rejects.csv. */
  record ExpectedReject(String source, LocalDate exportDate, String file, long line, String reasonClass) {}

  final Path root;
  final List<ExpectedReject> expectedRejects;
  private final Set<String> rejectedLines;

  GeneratedInbox(Path root) {
    this.root = root;
    this.expectedRejects = readExpectedRejects(root);
    this.rejectedLines = expectedRejects.stream().map(r -> r.file() + ":" + r.line()).collect(Collectors.toSet());
  }

  boolean isExpectedReject(String file, long line) {
    return rejectedLines.contains(file + ":" + line);
  }

  /** Files of a source, relative to the inbox, sorted by export date then name. */
  List<String> files(String source) {
    Path folder = root.resolve(source);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LocalDate exportDateOf(String file) {
    return LocalDate.parse(file.split("/")[1]);
  }

  /** The bytes of a file, gunzipped when it ends in .gz. */
  byte[] bytes(String file) {
    try (InputStream in = Files.newInputStream(root.resolve(file));
        InputStream plain = file.endsWith(".gz") ? new GZIPInputStream(in) : in) {
      return plain.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Physical lines as bytes, without their line feed (a CR stays). */
  static List<byte[]> physicalLines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    for (byte b : bytes) {
      if (b == '\n') {
        lines.add(current.toByteArray());
        current.reset();
      } else {
        current.write(b);
      }
    }
    if (current.size() > 0) {
      lines.add(current.toByteArray());
    }
    return lines;
  }

  /** Decodes strictly: null when the bytes are not valid in {@code charset}. */
  static String decodeStrictly(byte[] bytes, Charset charset) {
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Every accepted chat line of every export. */
  List<Chat> chat() {
    List<Chat> rows = new ArrayList<>();
    for (String file : files("chat")) {
      List<byte[]> lines = physicalLines(bytes(file));
      for (int i = 0; i < lines.size(); i++) {
        if (isExpectedReject(file, i + 1)) {
          continue;
        }
        JsonNode node = parseJson(decodeStrictly(lines.get(i), StandardCharsets.UTF_8));
        rows.add(new Chat(exportDateOf(file), file, i + 1, text(node, "msg_id"), text(node, "group_id"),
            text(node, "sender_id"), instant(node.get("sent_at")), node.get("sent_at").asText(),
            text(node, "msg_type"), text(node, "join_scene"), text(node, "inviter_id"), text(node, "code_id")));
      }
    }
    return rows;
  }

  static JsonNode parseJson(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The charset of a CSV export: UTF-8 (with or without BOM) unless it does not decode as such. */
  static Charset charsetOf(byte[] bytes) {
    return decodeStrictly(physicalLines(bytes).get(0), StandardCharsets.UTF_8) != null
        ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
  }

  /**
   * Every accepted record of a CSV source, values keyed by English column name. Bad lines that are
   * one physical line each (broken quoting, bad bytes) are blanked out before parsing; other rejects
   * are skipped by their start line.
   */
  List<Row> csv(String source, Map<String, String> chineseToEnglish) {
    List<Row> rows = new ArrayList<>();
    for (String file : files(source)) {
      byte[] bytes = bytes(file);
      Charset charset = charsetOf(bytes);
      List<byte[]> lines = physicalLines(bytes);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        String decoded = decodeStrictly(lines.get(i), charset);
        boolean blank = isExpectedReject(file, i + 1) && (decoded == null || brokenCsv(decoded));
        text.append(blank ? "" : decoded).append('\n');
      }
      String content = text.charAt(0) == '\uFEFF' ? text.substring(1) : text.toString();
      // empty lines are kept as records so that line numbers stay exact; a blanked line is one of them
      try (CSVParser parser = CSVParser.parse(content, CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get())) {
        List<String> header = null;
        long line = 1;
        for (CSVRecord record : parser) {
          long startLine = line;
          line = parser.getCurrentLineNumber() + 1;
          if (header == null) {
            header = record.toList().stream().map(h -> chineseToEnglish.getOrDefault(h.strip(), h.strip())).toList();
            continue;
          }
          if (isExpectedReject(file, startLine) || (record.size() == 1 && record.get(0).isEmpty())) {
            continue;
          }
          Map<String, String> values = new HashMap<>();
          for (int c = 0; c < header.size(); c++) {
            values.put(header.get(c), record.get(c).strip());
          }
          rows.add(new Row(exportDateOf(file), file, startLine, values));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(file, e);
      }
    }
    return rows;
  }

  /** Whether one physical line is a record no CSV reader accepts. */
  static boolean brokenCsv(String line) {
    try (CSVParser parser = CSVParser.parse(line, CSVFormat.RFC4180)) {
      parser.getRecords();
      return false;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return true;
    }
  }

  /** A time stamp in one of the forms of exports.md, or null for any other text. */
  static Instant instant(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      String digits = value.asText();
      return EPOCH_MILLIS.matcher(digits).matches() ? Instant.ofEpochMilli(value.asLong()) : null;
    }
    return value.isTextual() ? instant(value.asText()) : null;
  }

  static Instant instant(String text) {
    try {
      if (LOCAL_SPACE.matcher(text).matches()) {
        return LocalDateTime.parse(text, DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"))
            .atZone(SHANGHAI).toInstant();
      }
      if (ISO_OFFSET.matcher(text).matches()) {
        return OffsetDateTime.parse(text).toInstant();
      }
      if (ISO_LOCAL.matcher(text).matches()) {
        return LocalDateTime.parse(text).atZone(SHANGHAI).toInstant();
      }
      if (EPOCH_MILLIS.matcher(text).matches()) {
        return Instant.ofEpochMilli(Long.parseLong(text));
      }
    } catch (java.time.DateTimeException e) {
      return null;
    }
    return null;
  }

  static LocalDate businessDay(Instant instant) {
    return LocalDate.ofInstant(instant, SHANGHAI);
  }

  private static List<ExpectedReject> readExpectedRejects(Path root) {
    try (CSVParser parser = CSVParser.parse(root.resolve(InboxGenerator.EXPECTED_REJECTS_FILE),
        StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.stream().map(r -> new ExpectedReject(r.get("source"), LocalDate.parse(r.get("export_date")),
          r.get("file"), Long.parseLong(r.get("line")), r.get("reason_class"))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

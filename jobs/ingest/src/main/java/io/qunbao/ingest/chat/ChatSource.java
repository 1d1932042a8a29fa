package io.qunbao.ingest.chat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qunbao.common.Source;
import io.qunbao.ingest.ExportFile;
import io.qunbao.ingest.RawRecord;
import io.qunbao.ingest.RowSink;
import io.qunbao.ingest.SourceReader;
import io.qunbao.ingest.parse.Ids;
import io.qunbao.ingest.parse.LineDecoder;
import io.qunbao.ingest.parse.PhysicalLines;
import io.qunbao.ingest.parse.RejectReason;
import io.qunbao.ingest.parse.RowRejected;
import io.qunbao.ingest.parse.Timestamps;
import io.qunbao.schema.raw.ChatMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * chat: JSON Lines, one message or membership event per line (exports.md, "chat"). Each line is
 * checked as UTF-8 with a reporting decoder, then parsed from its bytes with a Jackson streaming
 * parser; unknown fields are skipped, unknown {@code msg_type} values are kept.
 */
public final class ChatSource implements SourceReader<ChatMessage> {
  private static final JsonFactory JSON = new JsonFactory();
  /** Reads a rejected line whole, to keep it without its text; one value per line, nothing after it. */
  private static final ObjectMapper OBJECTS = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int MAX_REASON_LENGTH = 160;

  private final Timestamps timestamps;
  private final boolean keepMessageText;

  public ChatSource(Timestamps timestamps, boolean keepMessageText) {
    this.timestamps = timestamps;
    this.keepMessageText = keepMessageText;
  }

  @Override
  public String source() {
    return Source.CHAT.id();
  }

  @Override
  public ChatMessage prototype() {
    return new ChatMessage();
  }

  /** sender_id too: most customers send a handful of messages a day. */
  @Override
  public Set<String> columnsWithoutDictionary() {
    return Set.of("msg_id", "sender_id", "sent_at", "source_line");
  }

  @Override
  public boolean isExportFile(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
  }

  @Override
  public void read(ExportFile file, InputStream in, RowSink<ChatMessage> sink) throws IOException {
    PhysicalLines lines = new PhysicalLines(in);
    LineDecoder utf8 = new LineDecoder(StandardCharsets.UTF_8);
    while (lines.next()) {
      byte[] bytes = lines.buffer();
      int start = lines.start();
      int length = trimmedLength(bytes, start, lines.length());
      if (length == 0) {
        continue;
      }
      try {
        if (!utf8.isValid(bytes, start, length)) {
          throw new RowRejected(RejectReason.BAD_ENCODING, "bytes that are not valid UTF-8");
        }
        sink.accept(parse(bytes, start, length, file.relativeName(), lines.lineNumber()));
      } catch (RowRejected why) {
        String text = utf8.decodeLeniently(bytes, start, length);
        sink.reject(lines.lineNumber(), why, RawRecord.ofLine(bytes, start, length,
            keepMessageText ? text : withoutContent(text)));
      }
    }
  }

  private ChatMessage parse(byte[] bytes, int start, int length, String file, long line) throws RowRejected {
    ChatMessage message = new ChatMessage();
    String sentAtText = null;
    Instant sentAt = null;
    try (JsonParser json = JSON.createParser(bytes, start, length)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new RowRejected(RejectReason.BAD_JSON, "not a JSON object");
      }
      String field;
      while ((field = json.nextFieldName()) != null) {
        JsonToken value = json.nextToken();
        switch (field) {
          case "msg_id" -> message.setMsgId(text(json, field, value));
          case "group_id" -> message.setGroupId(text(json, field, value));
          case "sender_id" -> message.setSenderId(text(json, field, value));
          case "msg_type" -> message.setMsgType(text(json, field, value));
          case "content" -> content(json, field, value, message);
          case "join_scene" -> message.setJoinScene(text(json, field, value));
          case "inviter_id" -> message.setInviterId(text(json, field, value));
          case "code_id" -> message.setCodeId(text(json, field, value));
          case "quit_scene" -> message.setQuitScene(text(json, field, value));
          case "sent_at" -> {
            if (value == JsonToken.VALUE_NUMBER_INT) {
              sentAt = timestamps.fromEpochMillis(field, json.getLongValue());
            } else {
              sentAtText = text(json, field, value);
            }
          }
          default -> json.skipChildren();
        }
      }
      if (json.currentToken() != JsonToken.END_OBJECT || !onlyBlanksAfter(json, bytes, start, length)) {
        throw new RowRejected(RejectReason.BAD_JSON, "not valid JSON (text after the object)");
      }
    } catch (JsonProcessingException e) {
      // Jackson quotes the token it choked on, which may be message text
      throw new RowRejected(RejectReason.BAD_JSON, "not valid JSON (" + (keepMessageText ? shortMessage(e)
          : "at byte " + (e.getLocation() == null ? "?" : e.getLocation().getByteOffset() + 1)) + ")");
    } catch (IOException e) {
      throw new RowRejected(RejectReason.BAD_JSON, "not valid JSON (" + e.getMessage() + ")");
    }
    message.setMsgId(Ids.check("msg_id", required(message.getMsgId(), "msg_id")));
    message.setGroupId(Ids.check("group_id", required(message.getGroupId(), "group_id")));
    message.setSenderId(Ids.check("sender_id", required(message.getSenderId(), "sender_id")));
    if (sentAt == null) {
      sentAt = timestamps.parse("sent_at", required(sentAtText, "sent_at"));
    }
    message.setSentAt(sentAt);
    message.setMsgType(required(message.getMsgType(), "msg_type"));
    message.setInviterId(Ids.check("inviter_id", message.getInviterId()));
    message.setCodeId(Ids.check("code_id", message.getCodeId()));
    message.setSourceFile(file);
    message.setSourceLine(line);
    return message;
  }

  @Override
  public Instant eventTime(ChatMessage row) {
    return row.getSentAt();
  }

  /**
   * The text's length in code points; the text itself only when the operator keeps message text
   * (counted on Jackson's buffer, so dropped text never becomes a String).
   */
  private void content(JsonParser json, String field, JsonToken value, ChatMessage message)
      throws IOException, RowRejected {
    if (value != JsonToken.VALUE_STRING) {
      String text = text(json, field, value);
      message.setContentLength(text == null ? null : text.codePointCount(0, text.length()));
      message.setContent(keepMessageText ? text : null);
      return;
    }
    int length = json.getTextLength();
    message.setContentLength(length == 0 ? null : Character.codePointCount(json.getTextCharacters(), json.getTextOffset(), length));
    message.setContent(keepMessageText && length > 0 ? json.getText() : null);
  }

  /**
   * Nothing but blanks after the object (another value on the line is not one message). Checked on
   * the bytes: asking Jackson for the next token at the end of input costs a formatted message per line.
   */
  private static boolean onlyBlanksAfter(JsonParser json, byte[] bytes, int start, int length) {
    long consumed = json.currentLocation().getByteOffset();
    for (long i = start + consumed; i < start + length; i++) {
      byte b = bytes[(int) i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** A scalar as text (ids may come as JSON numbers); an empty string or null is a missing field. */
  private static String text(JsonParser json, String field, JsonToken value) throws IOException, RowRejected {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
      throw new RowRejected(RejectReason.BAD_JSON, field + " is a JSON " + (value == JsonToken.START_OBJECT
          ? "object" : "array") + ", not a value");
    }
    String text = json.getText();
    return text.isEmpty() ? null : text;
  }

  private static String required(String value, String field) throws RowRejected {
    if (value == null || value.isBlank()) {
      throw new RowRejected(RejectReason.MISSING_FIELD, "required field " + field + " missing");
    }
    return value;
  }

  /** Length without trailing blanks and the CR of a CRLF line end. */
  private static int trimmedLength(byte[] bytes, int start, int length) {
    int end = start + length;
    while (end > start && (bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
      end--;
    }
    return end - start;
  }

  /**
   * What a chat reject may keep of its line when message text is not kept: the line's JSON object
   * without {@code content}, or null when the line is no JSON object.
   */
  private static String withoutContent(String line) {
    try {
      JsonNode node = OBJECTS.readTree(line);
      if (node instanceof ObjectNode object) {
        object.remove("content");
        return OBJECTS.writeValueAsString(object);
      }
    } catch (JsonProcessingException notAnObject) {
      // nothing of it can be shown without risking its text
    }
    return null;
  }

  private static String shortMessage(JsonProcessingException e) {
    String message = e.getOriginalMessage().lines().findFirst().orElse("");
    return message.length() > MAX_REASON_LENGTH ? message.substring(0, MAX_REASON_LENGTH) + "…" : message;
  }
}

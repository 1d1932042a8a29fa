package io.qunbao.generator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.qunbao.common.Source;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The chat export of one day: JSON Lines files of at most {@link #MAX_ROWS_PER_FILE} lines, streamed to
 * disk. It also makes the export imperfect the way real archive exports are: a few messages arrive only
 * in the next day's export (late), the last minutes of the day are exported again the next day
 * (overlap), and a few lines are bad. Rows are added on the background writer's thread, in order.
 */
final class ChatExport implements Closeable {
  static final int MAX_ROWS_PER_FILE = 1_000_000;
  /** Share of the day's messages that reach only the next day's export. */
  static final double LATE_SHARE = 0.004;
  /** The next export starts this long before midnight, so it repeats these rows. */
  static final long OVERLAP_SECONDS = 10 * 60;
  static final List<RejectClass> BAD_KINDS = List.of(RejectClass.BAD_JSON, RejectClass.MISSING_FIELD,
      RejectClass.BAD_TIMESTAMP, RejectClass.MANGLED_ID, RejectClass.BAD_ENCODING);

  private static final JsonFactory JSON = new JsonFactoryBuilder()
      .rootValueSeparator((String) null)
      .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
      .build();
  private static final String ENCODING_MARKER = "\u0001";

  private final Path inbox;
  private final LocalDate day;
  private final boolean gzip;
  private final boolean extraFields;
  private final long overlapFrom;
  private final boolean hasNextExport;
  private final Clock clock;
  private final RejectLedger ledger;
  private final BadRowBudget budget;
  private final SplittableRandom random;
  private final Supplier<String> messageIds;
  private final ExportTally tally;
  private final List<ChatRow> late = new ArrayList<>();
  private final List<ChatRow> forNextExport = new ArrayList<>();

  private OutputStream bytes;
  private JsonGenerator json;
  private String file;
  private long line;
  private int part;

  /**
   * @param extraFields   whether rows carry fields of a newer export version, which the contract ignores
   * @param hasNextExport whether a next export date exists to carry late and overlapping rows to
   * @param clock         a clock for this export alone (it runs on the background writer's thread)
   * @param messageIds    ids for injected bad rows (a sequence of their own, used on the writer's thread)
   */
  ChatExport(Path inbox, LocalDate day, boolean gzip, boolean extraFields, boolean hasNextExport, Clock clock, RejectLedger ledger,
      BadRowBudget budget, SplittableRandom random, Supplier<String> messageIds, ExportTally tally) {
    this.inbox = inbox;
    this.day = day;
    this.gzip = gzip;
    this.extraFields = extraFields;
    this.overlapFrom = clock.startOf(day.plusDays(1)) - OVERLAP_SECONDS;
    this.hasNextExport = hasNextExport;
    this.clock = clock;
    this.ledger = ledger;
    this.budget = budget;
    this.random = random;
    this.messageIds = messageIds;
    this.tally = tally;
    budget.startExport();
  }

  /** Writes what the previous export left for this one: its late rows and the overlap it repeats. */
  void carryIn(List<ChatRow> late, List<ChatRow> repeated) {
    for (ChatRow row : late) {
      writeGood(row);
      tally.lateRows++;
    }
    for (ChatRow row : repeated) {
      writeGood(row);
      tally.repeatedRows++;
    }
  }

  /** A row of an event at {@code time} on this export's day. */
  void add(ChatRow row, long time) {
    if (hasNextExport && Draw.chance(random, LATE_SHARE)) {
      late.add(row);
      return;
    }
    writeGood(row);
    if (hasNextExport && time >= overlapFrom) {
      forNextExport.add(row);
    }
    RejectClass bad = budget.nextBadRow();
    if (bad != null) {
      writeBad(bad, row, time);
    }
  }

  /** Rows that only the next export holds. */
  List<ChatRow> lateForNextExport() {
    return late;
  }

  /** Rows of this export that the next export repeats. */
  List<ChatRow> overlapForNextExport() {
    return forNextExport;
  }

  private void writeGood(ChatRow row) {
    try {
      startLine();
      row.writeTo(json, extraFields);
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    budget.countGood();
  }

  private void writeBad(RejectClass kind, ChatRow template, long time) {
    ChatRow base = template.withMsgId(messageIds.get());
    try {
      startLine();
      long at = line;
      switch (kind) {
        case BAD_JSON -> writeRawLine(truncated(render(base)).getBytes(StandardCharsets.UTF_8));
        case BAD_ENCODING -> writeRawLine(withInvalidBytes(base));
        case MISSING_FIELD -> writeJsonLine(switch (random.nextInt(4)) {
          case 0 -> base.withSenderId(null);
          case 1 -> base.withGroupId("");
          case 2 -> base.withMsgId(null);
          default -> base.withSentAt(null, false);
        });
        case BAD_TIMESTAMP -> writeJsonLine(random.nextInt(3) == 0
            ? base.withSentAt(BadValues.numericTimestamp(time, random), true)
            : base.withSentAt(BadValues.timestamp(time, clock, random), false));
        case MANGLED_ID -> writeJsonLine(random.nextBoolean()
            ? base.withSenderId(BadValues.mangledId(random))
            : base.withGroupId(BadValues.mangledId(random)));
        default -> throw new IllegalArgumentException("chat has no " + kind + " rows");
      }
      ledger.record(Source.CHAT, day, file, at, kind);
      tally.badRows++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private void writeJsonLine(ChatRow row) throws IOException {
    row.writeTo(json, extraFields);
    json.writeRaw('\n');
  }

  private void writeRawLine(byte[] text) throws IOException {
    json.flush();
    bytes.write(text);
    bytes.write('\n');
  }

  /** A line cut short, as a crashed exporter leaves it: the object is never closed. */
  private String truncated(String rendered) {
    return random.nextBoolean()
        ? rendered.substring(0, rendered.length() - 1)
        : rendered.substring(0, rendered.length() / 2);
  }

  /** The row with GBK bytes in its text, as a tool that mixes encodings writes it. */
  private byte[] withInvalidBytes(ChatRow row) {
    String rendered = render(row.withContent("消息" + ENCODING_MARKER));
    int marker = rendered.indexOf("\\u0001");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(rendered.substring(0, marker).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(BadValues.invalidBytes());
    out.writeBytes(rendered.substring(marker + "\\u0001".length()).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static String render(ChatRow row) {
    StringWriter out = new StringWriter();
    try (JsonGenerator one = JSON.createGenerator(out)) {
      row.writeTo(one);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Opens the first file, or the next one when the current one is full; counts the line. */
  private void startLine() throws IOException {
    if (json == null || line >= MAX_ROWS_PER_FILE) {
      closeFile();
      part++;
      file = Source.CHAT.id() + "/" + day + "/wecom_msgs_" + day.format(DateTimeFormatter.BASIC_ISO_DATE)
          + "_" + String.format("%02d", part) + (gzip ? ".jsonl.gz" : ".jsonl");
      bytes = OutputFiles.open(inbox, file, gzip);
      json = JSON.createGenerator(bytes);
      line = 0;
      tally.files.add(file);
    }
    line++;
    tally.rows++;
  }

  private void closeFile() throws IOException {
    if (json != null) {
      json.close();
      json = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeFile();
  }
}

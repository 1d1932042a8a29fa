package io.qunbao.ingest.parse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV export record by record, so that one broken record is rejected and the rest of the
 * file goes on. Commons CSV parses each record; this class only decides where a record starts:
 * physical lines are decoded one by one (a line with bytes invalid in the file's encoding rejects its
 * record), and a record whose quoted field runs past the end of its line takes the following lines
 * until it parses. If it does not parse within {@link #MAX_LINES_PER_RECORD} lines, or parses to the
 * wrong number of fields, the quote was a stray one: its first line is rejected and reading resumes
 * on the next line.
 */
public final class CsvExportReader {
  /** Longest quoted field we accept across lines; a real remark is a few lines. */
  static final int MAX_LINES_PER_RECORD = 100;
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  /** Receives every record: accepted ones as rows, broken ones as rejects. */
  public interface Handler {
    void row(long line, CsvRow row, String rawText);

    void reject(long line, RowRejected why, String rawText);
  }

  private record Line(long number, String text, boolean badEncoding) {
    boolean isBlank() {
      return text.isBlank();
    }
  }

  private final PhysicalLines lines;
  private final LineDecoder decoder;
  private final Deque<Line> pushedBack = new ArrayDeque<>();

  private CsvExportReader(PhysicalLines lines, LineDecoder decoder) {
    this.lines = lines;
    this.decoder = decoder;
  }

  /**
   * Reads all of {@code in} in {@code declared} encoding (null: detect). The first record is the header.
   */
  public static void read(InputStream in, Charset declared, List<Column> columns, Handler handler) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    Charset charset = declared != null ? declared : ExportEncoding.detect(buffered);
    new CsvExportReader(new PhysicalLines(buffered), new LineDecoder(charset)).readAll(columns, handler);
  }

  private void readAll(List<Column> columns, Handler handler) throws IOException {
    CsvHeader header = null;
    Line first;
    while ((first = nextLine()) != null) {
      if (first.isBlank()) {
        continue;
      }
      List<Line> used = new ArrayList<>(List.of(first));
      StringBuilder text = new StringBuilder(first.text());
      CSVRecord record = parseOne(text);
      while (record == null && used.size() < MAX_LINES_PER_RECORD) {
        Line more = nextLine();
        if (more == null) {
          break;
        }
        used.add(more);
        text.append(more.text());
        record = parseOne(text);
      }
      if (header == null) {
        // the header is read leniently: a bad byte in it would otherwise reject the whole file
        header = CsvHeader.of(columns, record != null ? record.toList() : List.of());
        continue;
      }
      boolean recordIsWhole = record != null && record.size() == header.width();
      if (!recordIsWhole && used.size() > 1) {
        for (int i = used.size() - 1; i >= 1; i--) {
          pushedBack.addFirst(used.get(i));
        }
        handler.reject(first.number(), new RowRejected(RejectReason.BROKEN_CSV,
            "broken CSV record: a quote that is never closed, or a line that does not have "
                + header.width() + " fields"), display(first.text()));
      } else if (!recordIsWhole) {
        handler.reject(first.number(), new RowRejected(RejectReason.BROKEN_CSV, record == null
            ? "broken CSV record (misplaced quote)"
            : "the record has " + record.size() + " fields, the header has " + header.width()), display(first.text()));
      } else if (used.stream().anyMatch(Line::badEncoding)) {
        handler.reject(first.number(), new RowRejected(RejectReason.BAD_ENCODING,
            "bytes that are not valid " + decoder.charset().name()), display(text));
      } else if (header.problem() != null) {
        handler.reject(first.number(), header.problem(), display(text));
      } else {
        handler.row(first.number(), new CsvRow(header, record), display(text));
      }
    }
  }

  /** The single record {@code text} holds, or null when it does not parse (yet) as exactly one. */
  private static CSVRecord parseOne(CharSequence text) {
    try (CSVParser parser = CSVParser.parse(text.toString(), FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      return records.size() == 1 ? records.get(0) : null;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return null;
    }
  }

  private Line nextLine() throws IOException {
    if (!pushedBack.isEmpty()) {
      return pushedBack.removeFirst();
    }
    if (!lines.next()) {
      return null;
    }
    byte[] bytes = lines.buffer();
    int length = lines.length() + (lines.hasNewline() ? 1 : 0);
    String text = decoder.decodeOrNull(bytes, lines.start(), length);
    boolean bad = text == null;
    if (bad) {
      text = decoder.decodeLeniently(bytes, lines.start(), length);
    }
    return new Line(lines.lineNumber(), text, bad);
  }

  private static String display(CharSequence text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.subSequence(0, end).toString();
  }
}

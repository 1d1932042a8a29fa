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
 * file goes on. Commons CSV parses the records; this class only decides where a record starts.
 * Physical lines are decoded one by one (a line with bytes invalid in the file's encoding rejects its
 * record). Fast path: batches of records cut by quote parity are parsed together and accepted when
 * they come out as one record of the header's width per cut. Otherwise the batch is redone carefully:
 * a record whose quoted field runs past the end of its line takes the following lines until it
 * parses; if it does not within {@link #MAX_LINES_PER_RECORD} lines, or parses to the wrong number of
 * fields, the quote was a stray one: its first line is rejected and reading resumes on the next line.
 */
public final class CsvExportReader {
  /** Longest quoted field we accept across lines; a real remark is a few lines. */
  static final int MAX_LINES_PER_RECORD = 100;
  /** Records parsed together on the fast path (one Commons CSV parser per batch, not per record). */
  private static final int BATCH_RECORDS = 512;
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  /** Receives every record: accepted ones as rows, broken ones as rejects. */
  public interface Handler {
    void row(long line, CsvRow row, String rawText);

    void reject(long line, RowRejected why, String rawText);

    /** The file's header, read before its first record. */
    default void header(CsvHeader header) {}
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
    CsvHeader header = readHeader(columns);
    if (header == null) {
      return;
    }
    handler.header(header);
    List<Candidate> batch;
    while (!(batch = nextCandidates()).isEmpty()) {
      List<CSVRecord> records = parseBatch(batch, header.width());
      if (records != null) {
        for (int i = 0; i < batch.size(); i++) {
          Candidate c = batch.get(i);
          emit(handler, header, c.firstLine(), records.get(i), c.text());
        }
      } else {
        // something in this batch is broken: redo its lines one record at a time, resynchronising
        for (int i = batch.size() - 1; i >= 0; i--) {
          pushBack(batch.get(i).lines(), 0);
        }
        while (!pushedBack.isEmpty()) {
          Line first = nextLine();
          if (!first.isBlank()) {
            readOneRecord(first, header, handler);
          }
        }
      }
    }
  }

  /** The first record, read leniently: a bad byte in the header would otherwise reject the whole file. */
  private CsvHeader readHeader(List<Column> columns) throws IOException {
    Line first;
    do {
      first = nextLine();
    } while (first != null && first.isBlank());
    if (first == null) {
      return null;
    }
    Assembled header = assemble(first);
    return CsvHeader.of(columns, header.record() != null ? header.record().toList() : List.of());
  }

  /**
   * The next records, cut where the count of quote characters is even: in well-formed CSV that is
   * exactly where records end. Parsing them together is fast; {@link #parseBatch} checks the cut.
   */
  private List<Candidate> nextCandidates() throws IOException {
    List<Candidate> batch = new ArrayList<>(BATCH_RECORDS);
    Line first;
    while (batch.size() < BATCH_RECORDS && (first = nextLine()) != null) {
      if (first.isBlank()) {
        continue;
      }
      List<Line> lines = new ArrayList<>(1);
      lines.add(first);
      StringBuilder text = new StringBuilder(first.text());
      boolean open = (quotes(first.text()) & 1) == 1;
      Line more;
      while (open && lines.size() < MAX_LINES_PER_RECORD && (more = nextLine()) != null) {
        lines.add(more);
        text.append(more.text());
        open ^= (quotes(more.text()) & 1) == 1;
      }
      batch.add(new Candidate(first.number(), text.toString(), lines));
    }
    return batch;
  }

  /** The records of the batch, one per candidate and each of the header's width; null if not so. */
  private static List<CSVRecord> parseBatch(List<Candidate> batch, int width) {
    StringBuilder text = new StringBuilder();
    for (Candidate c : batch) {
      if (c.lines().stream().anyMatch(Line::badEncoding)) {
        return null;
      }
      text.append(c.text());
      if (!c.text().endsWith("\n")) {
        text.append('\n');
      }
    }
    try (CSVParser parser = CSVParser.parse(text.toString(), FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != batch.size() || records.stream().anyMatch(r -> r.size() != width)) {
        return null;
      }
      return records;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return null;
    }
  }

  private record Candidate(long firstLine, String text, List<Line> lines) {}

  private record Assembled(CSVRecord record, List<Line> lines, String text) {}

  /** Takes lines from {@code first} on until they parse as one record, or gives up (record null). */
  private Assembled assemble(Line first) throws IOException {
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
    return new Assembled(record, used, text.toString());
  }

  /** The careful path: one record starting at {@code first}; a broken one costs only its first line. */
  private void readOneRecord(Line first, CsvHeader header, Handler handler) throws IOException {
    Assembled a = assemble(first);
    boolean recordIsWhole = a.record() != null && a.record().size() == header.width();
    if (!recordIsWhole && a.lines().size() > 1) {
      pushBack(a.lines(), 1);
      handler.reject(first.number(), new RowRejected(RejectReason.BROKEN_CSV,
          "broken CSV record: a quote that is never closed, or a line that does not have "
              + header.width() + " fields"), display(first.text()));
    } else if (!recordIsWhole) {
      handler.reject(first.number(), new RowRejected(RejectReason.BROKEN_CSV, a.record() == null
          ? "broken CSV record (misplaced quote)"
          : "the record has " + a.record().size() + " fields, the header has " + header.width()), display(first.text()));
    } else if (a.lines().stream().anyMatch(Line::badEncoding)) {
      handler.reject(first.number(), new RowRejected(RejectReason.BAD_ENCODING,
          "bytes that are not valid " + decoder.charset().name()), display(a.text()));
    } else {
      emit(handler, header, first.number(), a.record(), a.text());
    }
  }

  private static void emit(Handler handler, CsvHeader header, long line, CSVRecord record, String text) {
    if (header.problem() != null) {
      handler.reject(line, header.problem(), display(text));
    } else {
      handler.row(line, new CsvRow(header, record), display(text));
    }
  }

  /** Puts {@code lines} from index {@code from} back in front of the stream, in order. */
  private void pushBack(List<Line> lines, int from) {
    for (int i = lines.size() - 1; i >= from; i--) {
      pushedBack.addFirst(lines.get(i));
    }
  }

  private static int quotes(String text) {
    int n = 0;
    for (int i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
      n++;
    }
    return n;
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

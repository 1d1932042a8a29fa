package io.qunbao.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * One CSV export file being written: its encoding, byte-order mark, line ends, header language and
 * column order, and the physical line each record starts on (header = line 1), which is what
 * expected_rejects.csv points at. Values are given in the canonical column order (by
 * {@link CsvColumn#index()}); the file writes them in its own order.
 */
final class CsvExport implements Closeable {
  /** How a file is written; real exports differ in all of these. */
  record Style(Charset charset, boolean byteOrderMark, boolean gzip, boolean crlf, boolean chineseHeader) {
    static final Style PLAIN = new Style(StandardCharsets.UTF_8, false, false, false, false);

    Style gzipped() {
      return new Style(charset, byteOrderMark, true, crlf, chineseHeader);
    }

    String extension() {
      return gzip ? ".csv.gz" : ".csv";
    }
  }

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final String relativePath;
  private final List<CsvColumn> layout;
  private final Style style;
  private final OutputStream bytes;
  private final LineCountingWriter text;
  private final CSVFormat format;
  private final CSVPrinter printer;
  private long records;

  CsvExport(Path inbox, String relativePath, List<CsvColumn> layout, Style style) throws IOException {
    this.relativePath = relativePath;
    this.layout = List.copyOf(layout);
    this.style = style;
    this.bytes = OutputFiles.open(inbox, relativePath, style.gzip());
    if (style.byteOrderMark()) {
      bytes.write(UTF8_BOM);
    }
    this.text = new LineCountingWriter(new BufferedWriter(new OutputStreamWriter(bytes, style.charset()), 1 << 16));
    this.format = CSVFormat.RFC4180.builder()
        .setRecordSeparator(style.crlf() ? "\r\n" : "\n")
        .setQuoteMode(QuoteMode.MINIMAL)
        .get();
    this.printer = new CSVPrinter(text, format);
    printer.printRecord(layout.stream().map(c -> style.chineseHeader() ? c.chinese() : c.english()).toList());
  }

  String relativePath() {
    return relativePath;
  }

  Charset charset() {
    return style.charset();
  }

  /** Records written so far, bad ones included (the header is not a record). */
  long records() {
    return records;
  }

  /** Writes one record; returns the line it starts on. */
  long write(String[] canonicalValues) {
    long line = text.nextLine();
    try {
      printer.printRecord((Object[]) ordered(canonicalValues));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relativePath, e);
    }
    records++;
    return line;
  }

  /** The record as this file would write it, without its line end, for crafting a bad variant. */
  String render(String[] canonicalValues) {
    StringWriter out = new StringWriter();
    try (CSVPrinter one = new CSVPrinter(out, format.builder().setRecordSeparator("").get())) {
      one.printRecord((Object[]) ordered(canonicalValues));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Writes a (broken) record as raw text plus the line end; returns the line it starts on. */
  long writeRaw(String recordText) {
    long line = text.nextLine();
    try {
      text.write(recordText);
      text.write(style.crlf() ? "\r\n" : "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relativePath, e);
    }
    records++;
    return line;
  }

  /** Writes a record as raw bytes plus the line end (bytes that are not valid text); returns its line. */
  long writeRawBytes(byte[] recordBytes) {
    long line = text.nextLine();
    try {
      text.flush();
      bytes.write(recordBytes);
      text.write(style.crlf() ? "\r\n" : "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relativePath, e);
    }
    records++;
    return line;
  }

  private String[] ordered(String[] canonicalValues) {
    String[] out = new String[layout.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = canonicalValues[layout.get(i).index()];
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }

  /** Counts line feeds as they pass, so every record knows its physical line (quoted line breaks included). */
  private static final class LineCountingWriter extends Writer {
    private final Writer out;
    private long lineFeeds;

    LineCountingWriter(Writer out) {
      this.out = out;
    }

    long nextLine() {
      return lineFeeds + 1;
    }

    @Override
    public void write(int c) throws IOException {
      if (c == '\n') {
        lineFeeds++;
      }
      out.write(c);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      for (int i = offset; i < offset + length; i++) {
        if (chars[i] == '\n') {
          lineFeeds++;
        }
      }
      out.write(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) throws IOException {
      for (int i = offset; i < offset + length; i++) {
        if (s.charAt(i) == '\n') {
          lineFeeds++;
        }
      }
      out.write(s, offset, length);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}

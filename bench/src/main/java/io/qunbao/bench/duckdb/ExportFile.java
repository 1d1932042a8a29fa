package io.qunbao.bench.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One export file made readable by DuckDB's CSV reader, which reads UTF-8 only: a GB18030 file
 * (what Excel on a Chinese Windows writes) is transcoded into a UTF-8 copy under a scratch folder,
 * keeping its {@code <source>/<D>/<name>} path so that source_file and export_date come out the same.
 */
record ExportFile(Path readable, List<String> headerColumns) {
  private static final Charset GB18030 = Charset.forName("GB18030");

  /**
   * Prepares {@code file} of the inbox; {@code headerColumns} maps each CSV column, in file order,
   * to its column name (null for a column the ingest ignores).
   */
  static ExportFile prepareCsv(ExportSource source, Path inbox, Path file, Path scratch) throws IOException {
    byte[] bytes = readDecompressed(file);
    Path readable = file;
    String text;
    if (isUtf8(bytes)) {
      text = new String(bytes, StandardCharsets.UTF_8);
    } else {
      text = new String(bytes, GB18030);
      readable = scratch.resolve(inbox.relativize(file));
      writeUtf8Copy(readable, text, file.getFileName().toString().endsWith(".gz"));
    }
    return new ExportFile(readable, headerColumns(source, text));
  }

  private static List<String> headerColumns(ExportSource source, String text) throws IOException {
    String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try (Reader reader = new java.io.StringReader(withoutBom);
        CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        return List.of();
      }
      CSVRecord header = records.next();
      List<String> columns = new ArrayList<>();
      for (String name : header) {
        columns.add(source.columnOf(name));
      }
      return columns;
    }
  }

  private static byte[] readDecompressed(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return in.readAllBytes();
    }
  }

  /** Valid UTF-8 (with or without a BOM) is read as UTF-8; anything else as GB18030 (exports.md, encodings). */
  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException notUtf8) {
      return false;
    }
  }

  private static void writeUtf8Copy(Path target, String text, boolean gzip) throws IOException {
    Files.createDirectories(target.getParent());
    try (OutputStream raw = Files.newOutputStream(target);
        OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}

package io.qunbao.reports.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The whole of a list the page shows capped, as a CSV file beside the report ({@code file}): every
 * row, with the page's columns. UTF-8 with a byte-order mark, so a spreadsheet opened by double
 * click reads the Chinese right.
 */
public record FullList(String file, List<String> header, List<List<String>> rows) {

  public void writeInto(Path folder) {
    try (Writer out = Files.newBufferedWriter(folder.resolve(file), StandardCharsets.UTF_8)) {
      out.write('\uFEFF');
      try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
        for (List<String> row : rows) {
          csv.printRecord(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.resolve(file), e);
    }
  }
}

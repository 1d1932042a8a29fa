package io.qunbao.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A corpus of nasty CSV files, built here, read record by record. */
class CsvExportReaderTest {
  private static final Column ID = Column.required("order_id", "订单号");
  private static final Column NOTE = Column.optional("note", "备注");
  private static final Column AMOUNT = Column.required("amount", "实付金额");
  private static final List<Column> COLUMNS = List.of(ID, NOTE, AMOUNT);

  /** What the reader handed on: "line:id|note|amount" for rows, "line:reason_class" for rejects. */
  private static List<String> read(byte[] file, Charset declared) throws IOException {
    List<String> seen = new ArrayList<>();
    CsvExportReader.read(new ByteArrayInputStream(file), declared, COLUMNS, new CsvExportReader.Handler() {
      @Override
      public void row(long line, CsvRow row, String rawText) {
        seen.add(line + ":" + row.get(ID) + "|" + row.get(NOTE) + "|" + row.get(AMOUNT));
      }

      @Override
      public void reject(long line, RowRejected why, String rawText) {
        seen.add(line + ":" + why.reason().code());
      }
    });
    return seen;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void quotedFieldsHoldCommasDoubledQuotesAndCrlfLineBreaks() throws IOException {
    // given a record whose note spans lines 2-3 with a CRLF inside the quotes
    byte[] file = utf8("order_id,note,amount\r\no1,\"a, \"\"b\"\"\r\nc\",1.00\r\no2,,2.00\r\n");
    // then the note keeps its comma, quotes and line break, and o2 starts on line 4
    assertThat(read(file, null)).containsExactly("2:o1|a, \"b\"\r\nc|1.00", "4:o2|null|2.00");
  }

  @Test
  void aStrayQuoteRejectsItsLineAndTheRestOfTheFileGoesOn() throws IOException {
    // given line 3 opens a quote it never closes
    byte[] file = utf8("order_id,note,amount\no1,ok,1.00\no2,\"broken,2.00\no3,fine,3.00\no4,\"x\",4.00\n");
    assertThat(read(file, null)).containsExactly("2:o1|ok|1.00", "3:broken_csv", "4:o3|fine|3.00", "5:o4|x|4.00");
  }

  @Test
  void aStrayQuoteWithALaterQuoteInTheFileStillOnlyCostsItsLine() throws IOException {
    // given line 2's quote would close on line 4, swallowing o2 into a record of the wrong width
    byte[] file = utf8("order_id,note,amount\no1,\"broken,1.00\no2,fine,2.00\no3,\"a\"\"\",3.00\n");
    assertThat(read(file, null)).containsExactly("2:broken_csv", "3:o2|fine|2.00", "4:o3|a\"|3.00");
  }

  @Test
  void aGbkLineInsideAUtf8FileIsARejectNeverAReplacementCharacter() throws IOException {
    // given a UTF-8 file with one line written in GBK
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(utf8("order_id,note,amount\no1,备注一,1.00\no2,备注二,2.00\n"));
    file.writeBytes("o3,备注三,3.00\n".getBytes(Charset.forName("GBK")));
    file.writeBytes(utf8("o4,备注四,4.00\n"));
    List<String> seen = read(file.toByteArray(), null);
    assertThat(seen).containsExactly("2:o1|备注一|1.00", "3:o2|备注二|2.00", "4:bad_encoding", "5:o4|备注四|4.00");
    assertThat(String.join("", seen)).doesNotContain("\uFFFD");
  }

  @Test
  void readsGb18030WithChineseHeadersInAnyOrder() throws IOException {
    byte[] file = "实付金额,备注,订单号,多余列\r\n12.00,你好,o1,x\r\n".getBytes(ExportEncoding.GB18030);
    assertThat(read(file, null)).containsExactly("2:o1|你好|12.00");
    assertThat(read(file, ExportEncoding.GB18030)).containsExactly("2:o1|你好|12.00");
  }

  @Test
  void aByteOrderMarkBeforeAQuotedFirstHeaderIsSkipped() throws IOException {
    byte[] file = utf8("\uFEFF\"order_id\",\"note\",\"amount\"\no1,n,1.00\n");
    assertThat(read(file, null)).containsExactly("2:o1|n|1.00");
  }

  @Test
  void duplicateHeaderNamesRejectEveryRowWithTheReason() throws IOException {
    // given amount named twice: which one is meant cannot be known
    byte[] file = utf8("order_id,amount,note,AMOUNT\no1,1.00,n,2.00\no2,3.00,n,3.00\n");
    assertThat(read(file, null)).containsExactly("2:broken_csv", "3:broken_csv");
  }

  @Test
  void aMissingRequiredColumnRejectsEveryRow() throws IOException {
    byte[] file = utf8("order_id,note\no1,n\n");
    assertThat(read(file, null)).containsExactly("2:missing_field");
  }

  @Test
  void keepsLeadingZerosAndSkipsBlankLines() throws IOException {
    byte[] file = utf8("order_id,note,amount\n\n00123, spaced ,1.00\n\n");
    assertThat(read(file, null)).containsExactly("3:00123|spaced|1.00");
  }

  @Test
  void aRecordOfTheWrongWidthIsBroken() throws IOException {
    byte[] file = utf8("order_id,note,amount\no1,1.00\no2,n,2.00,extra\no3,n,3.00");
    assertThat(read(file, null)).containsExactly("2:broken_csv", "3:broken_csv", "4:o3|n|3.00");
  }
}

package io.qunbao.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExportEncodingTest {
  private static Charset detect(byte[] bytes) {
    return ExportEncoding.detect(bytes, bytes.length, true);
  }

  @Test
  void detectsGb18030FromItsChineseLines() {
    assertThat(detect("订单号,买家ID\n已付款,u1\n".getBytes(ExportEncoding.GB18030))).isEqualTo(ExportEncoding.GB18030);
  }

  @Test
  void detectsUtf8EvenWithOneGbkLine() {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("订单号,买家ID\n已付款,u1\n".getBytes(StandardCharsets.UTF_8));
    file.writeBytes("已付款,u2\n".getBytes(Charset.forName("GBK")));
    assertThat(detect(file.toByteArray())).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void aChineseUtf8HeaderDecidesOverBadLinesInAsciiRows() {
    // a UTF-8 export whose rows are ASCII, with two lines of GBK bytes (bad rows): the header says UTF-8
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("扫码ID,扫码时间\nsc1,2026-11-02 23:00:03\n".getBytes(StandardCharsets.UTF_8));
    file.writeBytes("sc2,已付款\nsc3,已发货\n".getBytes(Charset.forName("GBK")));
    assertThat(detect(file.toByteArray())).isEqualTo(StandardCharsets.UTF_8);
    // and a GBK header says GB18030, whatever the rows
    assertThat(detect("扫码ID,扫码时间\nsc1,x\n".getBytes(ExportEncoding.GB18030))).isEqualTo(ExportEncoding.GB18030);
  }

  @Test
  void aByteOrderMarkMeansUtf8AndAsciiIsUtf8() {
    assertThat(detect(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'})).isEqualTo(StandardCharsets.UTF_8);
    assertThat(detect("order_id\no1\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void aDeclaredEncodingWins() {
    assertThat(ExportEncoding.declared("GBK")).isEqualTo(ExportEncoding.GB18030);
    assertThat(ExportEncoding.declared("utf-8")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ExportEncoding.declared("auto")).isNull();
  }
}

package io.qunbao.reports.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.qunbao.reports.i18n.CjkFont;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lays out the report's own HTML page (the same file the browser opens, its chart PNGs included)
 * as an A4 PDF, with the CJK font embedded so Chinese prints on any machine.
 */
public final class PdfRenderer {
  private PdfRenderer() {}

  public static void write(Path html, Path pdf, CjkFont font) {
    try (OutputStream out = Files.newOutputStream(pdf)) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withFile(html.toFile());
      // The font has one weight; registering it for bold too keeps headings from a synthetic bold
      // whose glyph advances come out too wide.
      builder.useFont(font.file(), font.family(), 400, BaseRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(font.file(), font.family(), 700, BaseRendererBuilder.FontStyle.NORMAL, true);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + pdf, e);
    }
  }
}

package io.qunbao.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Looks at a laid-out PDF: the text drawn past the right margin of its A4 page. A table whose cells
 * keep to one line and do not fit the page is drawn past it, and the PDF cuts it off there.
 */
final class PdfMargins {
  /** The page's margin (style.css: {@code @page { margin: 12mm 10mm }}) in points, less a point of slack. */
  private static final float RIGHT_MARGIN = 10 / 25.4f * 72 - 1;

  private PdfMargins() {}

  /** "page 5: GMV in wi…" for each line of text that reaches past the right margin. */
  static List<String> textPastTheRightMargin(Path pdf) throws IOException {
    List<String> past = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> positions) {
          float edge = getCurrentPage().getMediaBox().getWidth() - RIGHT_MARGIN;
          for (TextPosition p : positions) {
            if (p.getXDirAdj() + p.getWidthDirAdj() > edge) {
              past.add(String.format(Locale.ROOT, "page %d: %s", getCurrentPageNo(), text));
              return;
            }
          }
        }
      };
      stripper.getText(document);
    }
    return past;
  }
}

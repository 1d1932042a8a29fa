package io.qunbao.ingest.parse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The encoding of a CSV export: declared per source in {@code ingest.encodings}, or {@code auto}.
 * Auto looks at the start of the file: a UTF-8 byte-order mark means UTF-8; a header row with
 * Chinese names decides by itself, valid UTF-8 or not (GBK text is almost never valid UTF-8, and the
 * header is the one line a tool writes, not a person, so a file of ASCII rows and a few bad lines is
 * not turned into mojibake by them); otherwise the lines with non-ASCII bytes vote, and one GBK line
 * in a UTF-8 file is outvoted, so that line becomes a reject. GBK files are read as GB18030, its superset.
 */
public final class ExportEncoding {
  public static final Charset GB18030 = Charset.forName("GB18030");
  /** How much of a file auto-detection looks at. */
  static final int SAMPLE_BYTES = 1 << 18;

  private ExportEncoding() {}

  /** The charset for a configured value: auto (null here: detect), utf-8, gb18030 or gbk. */
  public static Charset declared(String configured) {
    return switch (configured.toLowerCase(Locale.ROOT)) {
      case "auto" -> null;
      case "utf-8" -> StandardCharsets.UTF_8;
      case "gb18030", "gbk" -> GB18030;
      default -> throw new IllegalArgumentException("unknown encoding " + configured);
    };
  }

  /** Detects from the first bytes of {@code in}, which is reset to where it was. */
  public static Charset detect(BufferedInputStream in) throws IOException {
    in.mark(SAMPLE_BYTES + 1);
    byte[] sample = in.readNBytes(SAMPLE_BYTES);
    in.reset();
    return detect(sample, sample.length, sample.length < SAMPLE_BYTES);
  }

  static Charset detect(byte[] sample, int length, boolean wholeFile) {
    if (length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    LineDecoder utf8 = new LineDecoder(StandardCharsets.UTF_8);
    int headerEnd = 0;
    while (headerEnd < length && sample[headerEnd] != '\n') {
      headerEnd++;
    }
    if ((headerEnd < length || wholeFile) && !LineDecoder.isAscii(sample, 0, headerEnd)) {
      return utf8.decodeOrNull(sample, 0, headerEnd) != null ? StandardCharsets.UTF_8 : GB18030;
    }
    int validUtf8 = 0;
    int invalidUtf8 = 0;
    int lineStart = 0;
    for (int i = 0; i <= length; i++) {
      boolean lineEnd = i == length ? wholeFile : sample[i] == '\n';
      if (i < length && !lineEnd) {
        continue;
      }
      if (lineEnd && !LineDecoder.isAscii(sample, lineStart, i - lineStart)) {
        if (utf8.decodeOrNull(sample, lineStart, i - lineStart) != null) {
          validUtf8++;
        } else {
          invalidUtf8++;
        }
      }
      lineStart = i + 1;
    }
    return invalidUtf8 > validUtf8 ? GB18030 : StandardCharsets.UTF_8;
  }
}

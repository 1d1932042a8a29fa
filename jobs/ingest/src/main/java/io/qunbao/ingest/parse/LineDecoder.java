package io.qunbao.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one line at a time with a REPORTING decoder: bytes that are not valid in the file's
 * encoding make the line a reject instead of a U+FFFD in an accepted row. The lenient form is only
 * for the raw text of a reject.
 */
public final class LineDecoder {
  private final Charset charset;
  private final CharsetDecoder strict;

  public LineDecoder(Charset charset) {
    this.charset = charset;
    this.strict = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  public Charset charset() {
    return charset;
  }

  /** The text of the bytes, or null when they are not valid in this encoding. */
  public String decodeOrNull(byte[] bytes, int offset, int length) {
    if (isAscii(bytes, offset, length)) {
      // every supported encoding is ASCII-compatible; Latin-1 is the cheapest way to build the String
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    try {
      CharBuffer chars = strict.reset().decode(ByteBuffer.wrap(bytes, offset, length));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The text with every bad byte sequence replaced: for showing a rejected line to a person. */
  public String decodeLeniently(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, charset);
  }

  public static boolean isAscii(byte[] bytes, int offset, int length) {
    for (int i = offset, end = offset + length; i < end; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }
}

package io.qunbao.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the rejects keep of a rejected record (exports.md, "What bad input gets"): its text, and for a
 * chat line its length in bytes and the SHA-256 of its bytes. A chat line's text is message text
 * (personal data): unless the operator keeps message text, {@code text} is the line's JSON object
 * without its {@code content}, or null when the line is no JSON object.
 *
 * @param text   the record as it was in the file, or what may be kept of it; may be null
 * @param bytes  the raw line's length in bytes; null for CSV records
 * @param sha256 the SHA-256 of the raw line's bytes, in hex; null for CSV records
 */
public record RawRecord(String text, Long bytes, String sha256) {
  /** A CSV record, kept as it was. */
  public static RawRecord of(String text) {
    return new RawRecord(text, null, null);
  }

  /** A raw line's length and digest, with {@code text} for what may be kept of it. */
  public static RawRecord ofLine(byte[] buffer, int start, int length, String text) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(buffer, start, length);
      return new RawRecord(text, (long) length, HexFormat.of().formatHex(sha256.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

package io.qunbao.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into physical lines without decoding it, so each line can be decoded (and
 * judged) on its own and every row keeps the number of the line it starts on. Splitting on the byte
 * {@code \n} is safe in UTF-8 and GB18030: neither uses 0x0A inside a multi-byte character. A UTF-8
 * byte-order mark at the start is skipped.
 */
public final class PhysicalLines {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final int INITIAL_BUFFER = 1 << 16;

  private final InputStream in;
  private byte[] buffer = new byte[INITIAL_BUFFER];
  private int position;
  private int limit;
  private boolean eof;
  private boolean started;

  private int lineStart;
  private int lineLength;
  private boolean lineHasNewline;
  private long lineNumber;

  public PhysicalLines(InputStream in) {
    this.in = in;
  }

  /** Advances to the next line; false at the end of the stream. */
  public boolean next() throws IOException {
    if (!started) {
      started = true;
      fillAtLeast(UTF8_BOM.length);
      if (limit >= 3 && Arrays.equals(buffer, 0, 3, UTF8_BOM, 0, 3)) {
        position = 3;
      }
    }
    int scanFrom = position;
    while (true) {
      for (int i = scanFrom; i < limit; i++) {
        if (buffer[i] == '\n') {
          setLine(i - position, true);
          position = i + 1;
          return true;
        }
      }
      if (eof) {
        if (position == limit) {
          return false;
        }
        setLine(limit - position, false);
        position = limit;
        return true;
      }
      scanFrom = limit - position;
      compactAndFill();
      scanFrom += position;
    }
  }

  /** The bytes of the current line live in {@link #buffer()} from {@link #start()}, without the {@code \n}. */
  public byte[] buffer() {
    return buffer;
  }

  public int start() {
    return lineStart;
  }

  public int length() {
    return lineLength;
  }

  /** Whether the current line ended with {@code \n} (the last line of a file may not). */
  public boolean hasNewline() {
    return lineHasNewline;
  }

  /** 1-based number of the current line. */
  public long lineNumber() {
    return lineNumber;
  }

  private void setLine(int length, boolean newline) {
    lineStart = position;
    lineLength = length;
    lineHasNewline = newline;
    lineNumber++;
  }

  private void fillAtLeast(int bytes) throws IOException {
    while (!eof && limit < bytes) {
      read();
    }
  }

  /** Moves the unfinished line to the front (growing the buffer for a long line) and reads more. */
  private void compactAndFill() throws IOException {
    int pending = limit - position;
    if (position == 0 && limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    } else if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, pending);
      position = 0;
      limit = pending;
    }
    read();
  }

  private void read() throws IOException {
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }
}

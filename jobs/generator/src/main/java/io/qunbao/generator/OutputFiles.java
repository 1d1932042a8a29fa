package io.qunbao.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Opens the byte stream of one export file. */
final class OutputFiles {
  private static final int BUFFER = 1 << 16;

  private OutputFiles() {}

  /**
   * A buffered stream to {@code inbox/relativePath}, gzip-compressed when {@code gzip}. Java's gzip
   * header carries no time stamp, so compressed files are as reproducible as plain ones.
   */
  static OutputStream open(Path inbox, String relativePath, boolean gzip) throws IOException {
    Path file = inbox.resolve(relativePath);
    Files.createDirectories(file.getParent());
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
    if (!gzip) {
      return out;
    }
    // fastest level: benchmark inboxes are gzipped in part, and level 6 would dominate the run time
    return new BufferedOutputStream(new GZIPOutputStream(out, BUFFER) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }, BUFFER);
  }
}

package io.qunbao.ingest;

import org.apache.hadoop.fs.Path;

/** One export file: where it is, and its name relative to the inbox as rows and rejects record it. */
public record ExportFile(Path path, String relativeName) {
  public boolean isGzip() {
    return relativeName.toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
  }
}

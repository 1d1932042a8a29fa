package io.qunbao.ingest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.qunbao.ingest.parse.RowRejected;
import io.qunbao.schema.raw.Reject;
import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * The rejects of one (source, export date): {@code rejects.parquet} for programs and
 * {@code rejects.jsonl} (one JSON object per line, UTF-8, Chinese unescaped) for people. What they keep
 * of a rejected record is the reader's choice ({@link RawRecord}).
 */
final class RejectWriter implements Closeable {
  static final String PARQUET = "rejects.parquet";
  static final String JSONL = "rejects.jsonl";

  private final String source;
  private final ParquetWriter<Reject> parquet;
  private final JsonGenerator jsonl;

  RejectWriter(String source, Path folder, Configuration hadoop) throws IOException {
    this.source = source;
    this.parquet = ParquetFiles.writer(new Path(folder, PARQUET), new Reject(), Set.of(), hadoop);
    FileSystem fs = folder.getFileSystem(hadoop);
    this.jsonl = new JsonFactory().createGenerator((java.io.OutputStream) fs.create(new Path(folder, JSONL), true), JsonEncoding.UTF8);
    jsonl.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
  }

  void write(String file, long line, RowRejected why, RawRecord raw) throws IOException {
    parquet.write(new Reject(source, file, line, why.getMessage(), why.reason().code(), raw.text(), raw.bytes(),
        raw.sha256()));
    jsonl.writeStartObject();
    jsonl.writeStringField("source", source);
    jsonl.writeStringField("file", file);
    jsonl.writeNumberField("line", line);
    jsonl.writeStringField("reason", why.getMessage());
    jsonl.writeStringField("reason_class", why.reason().code());
    jsonl.writeStringField("raw_text", raw.text());
    if (raw.bytes() != null) {
      jsonl.writeNumberField("raw_bytes", raw.bytes());
      jsonl.writeStringField("raw_sha256", raw.sha256());
    }
    jsonl.writeEndObject();
  }

  @Override
  public void close() throws IOException {
    try (parquet) {
      if (jsonl.getOutputContext().getEntryCount() > 0) {
        jsonl.writeRaw('\n');
      }
      jsonl.close();
    }
  }
}

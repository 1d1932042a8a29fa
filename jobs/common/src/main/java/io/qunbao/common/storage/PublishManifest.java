package io.qunbao.common.storage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The content of a published partition's {@code _SUCCESS}: which data files make up the partition
 * (paths relative to it) and the id of the publish that wrote them. Written last, in one piece; on
 * an object store it is the only thing that makes a new version visible (README, "Publishing").
 *
 * @param version the id of the publish, also the prefix of the file names it published
 * @param files   the data files of the partition, relative to it, sorted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishManifest(String version, List<String> files) {
  private static final ObjectMapper JSON = new ObjectMapper();

  void writeTo(OutputStream out) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().writeValue(out, this);
  }

  /** The manifest in {@code in}; {@code null} for an empty or foreign {@code _SUCCESS} (no file list). */
  static PublishManifest readFrom(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    if (bytes.length == 0) {
      return null;
    }
    PublishManifest manifest = JSON.readValue(bytes, PublishManifest.class);
    return manifest.files() == null ? null : manifest;
  }
}

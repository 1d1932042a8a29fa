package io.qunbao.production;

import java.nio.file.Files;
import java.nio.file.Path;

/** The root of the Qunbao checkout, found from the module's working directory upward. */
final class Repository {
  private Repository() {}

  static Path root() {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("scripts/qunbao"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no scripts/qunbao above " + System.getProperty("user.dir"));
  }
}

package io.qunbao.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The worked example of the data contract, {@code ../shared/spec/example} seen from the repository
 * root, found from the test's working directory upward (Maven runs each module in its own folder).
 */
public final class SpecExample {
  private SpecExample() {}

  public static Path root() {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/spec/example").normalize();
      if (Files.isRegularFile(candidate.resolve("README.md"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("../shared/spec/example not found above " + System.getProperty("user.dir"));
  }

  public static Path inbox() {
    return root().resolve("inbox");
  }

  public static Path expected(String file) {
    return root().resolve("expected").resolve(file);
  }
}

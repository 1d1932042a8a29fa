package io.qunbao.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The default inbox (14 days, ~300 groups), generated once per test JVM and shared by the test classes
 * that read it; deleted when the JVM ends.
 */
final class DefaultInbox {
  private static GenerationSummary summary;
  private static GeneratedInbox inbox;

  private DefaultInbox() {}

  static synchronized GenerationSummary summary() {
    generateOnce();
    return summary;
  }

  static synchronized GeneratedInbox inbox() {
    generateOnce();
    return inbox;
  }

  private static void generateOnce() {
    if (inbox != null) {
      return;
    }
    try {
      Path root = Files.createTempDirectory("qunbao-default-inbox");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
      summary = new InboxGenerator(GeneratorOptions.defaults(root)).generate();
      inbox = new GeneratedInbox(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp folder left behind is harmless
    }
  }
}

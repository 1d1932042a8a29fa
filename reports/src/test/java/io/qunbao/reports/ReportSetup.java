package io.qunbao.reports;

import io.qunbao.common.config.ConfigLoader;
import io.qunbao.common.config.QunbaoConfig;
import java.nio.file.Path;

/** A configuration pointing the report at a test warehouse and reports folder. */
final class ReportSetup {
  private ReportSetup() {}

  static QunbaoConfig config(Path root, String language, String targets) {
    Path file = root.resolve("qunbao.yml");
    ReportFixtures.write(file, String.join("\n",
        "warehouse: " + root.resolve("warehouse"),
        "reports: " + root.resolve("reports"),
        "work-dir: " + root.resolve("work"),
        "report:",
        "  language: " + language,
        "  targets: \"" + targets + "\"",
        ""));
    return new ConfigLoader().load(file);
  }
}

package io.qunbao.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.common.ExitCode;
import io.qunbao.testkit.WebhookServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A night that publishes nothing tells the webhook robot, with the exit code a scheduler sees. */
class NightlyAlertTest {
  @TempDir Path root;

  @Test
  void aNightWithoutAnyExportEndsWithExitFiveAndAnAlert() throws IOException {
    // given an inbox that holds exports of another day only, and a robot webhook on loopback
    Files.createDirectories(root.resolve("inbox/chat/2026-10-01"));
    try (WebhookServer robot = WebhookServer.start()) {
      Path config = Files.writeString(root.resolve("qunbao.yml"), String.join("\n",
          "inbox: " + root.resolve("inbox"),
          "warehouse: " + root.resolve("warehouse"),
          "work-dir: " + root.resolve("work"),
          "alerts:",
          "  webhook-url: " + robot.url("night-key"),
          ""));

      // when the nightly job runs for a date with no export at all
      int exitCode = QunbaoCli.execute("--config", config.toString(), "nightly", "--date", "2026-10-02");

      // then it ends with the no-exports code and the robot got one markdown message naming the date
      assertThat(exitCode).isEqualTo(ExitCode.NO_EXPORTS.code());
      assertThat(robot.bodies()).singleElement().asString()
          .contains("\"msgtype\":\"markdown\"")
          .contains("2026-10-02")
          .contains("no exports for 2026-10-02");
    }
  }
}

package io.qunbao.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qunbao.common.ExitCode;
import io.qunbao.common.alert.WebhookAlerter;
import io.qunbao.common.config.ConfigLoader;
import io.qunbao.testkit.WebhookServer;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookAlerterTest {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 14);
  static WebhookServer robot;

  @BeforeAll
  static void startRobot() {
    robot = WebhookServer.start();
  }

  @AfterAll
  static void stopRobot() {
    robot.close();
  }

  @BeforeEach
  void answerOk() {
    robot.answerWith("{\"errcode\":0,\"errmsg\":\"ok\"}");
  }

  @Test
  void postsAWeComMarkdownMessageNamingTheDateTheCodeAndTheError() throws IOException {
    // given: an alerter for the robot
    WebhookAlerter alerter = new WebhookAlerter(robot.url("robot-key-1"));
    int before = robot.bodies().size();

    // when: a run fails its data-quality gate
    boolean sent = alerter.alert(DAY, ExitCode.DATA_QUALITY, "orders: 2.5% of rows rejected,\nlimit 1%");

    // then: one WeCom markdown message arrived, with the date, exit code 3 and the error on one line
    assertThat(sent).isTrue();
    assertThat(robot.bodies()).hasSize(before + 1);
    JsonNode body = new ObjectMapper().readTree(robot.bodies().get(before));
    assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
    String content = body.path("markdown").path("content").asText();
    assertThat(content)
        .contains("2026-03-14")
        .contains("exit code 3 (DATA_QUALITY)")
        .contains(ExitCode.DATA_QUALITY.meaning())
        .contains("orders: 2.5% of rows rejected, limit 1%");
  }

  @Test
  void aRefusedAlertIsReportedAsNotSent() {
    // given: a robot that answers as WeCom does for a wrong key
    robot.answerWith(WebhookServer.INVALID_KEY_ANSWER);

    // when/then: the alert counts as not sent (and does not throw: the run's exit code stands)
    assertThat(new WebhookAlerter(robot.url("wrong-key")).alert(DAY, ExitCode.FAILED, "boom")).isFalse();
  }

  @Test
  void anUnreachableWebhookIsReportedAsNotSent() {
    // given: nothing listens on the webhook's port (port 9 is discard, closed on a test machine)
    WebhookAlerter alerter = new WebhookAlerter(URI.create("http://127.0.0.1:9/cgi-bin/webhook/send?key=k"));

    // when/then
    assertThat(alerter.alert(DAY, ExitCode.NO_EXPORTS, "no exports in the inbox")).isFalse();
  }

  @Test
  void noWebhookConfiguredMeansNoAlerter() {
    assertThat(WebhookAlerter.fromConfig(new ConfigLoader().defaults())).isEmpty();
  }
}

package io.qunbao.common.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qunbao.common.ExitCode;
import io.qunbao.common.config.QunbaoConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a group chat that a run did not end well, through a WeCom (企业微信) group robot webhook
 * ({@code alerts.webhook-url}): a markdown message with the date, the exit code and its meaning, and
 * the run's one-line error. The same robot gets the daily digest after a night that succeeded
 * ({@link #send}).
 *
 * <p>An alert that cannot be delivered is logged and otherwise ignored: the run's own exit code is
 * what the scheduler acts on, and a chat outage must not change it. The webhook URL carries the
 * robot's key, so logs name only its host.
 */
public final class WebhookAlerter {
  private static final Logger log = LoggerFactory.getLogger(WebhookAlerter.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI webhook;
  private final HttpClient http;

  public WebhookAlerter(URI webhook) {
    this.webhook = webhook;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** The alerter of {@code alerts.webhook-url}; empty when no webhook is configured. */
  public static Optional<WebhookAlerter> fromConfig(QunbaoConfig config) {
    String url = config.alerts().webhookUrl();
    return url.isBlank() ? Optional.empty() : Optional.of(new WebhookAlerter(URI.create(url)));
  }

  /**
   * Posts the alert for a run of {@code runDate} that ended with {@code exitCode}.
   *
   * @return whether the robot accepted it
   */
  public boolean alert(LocalDate runDate, ExitCode exitCode, String message) {
    return send(content(runDate, exitCode, message), "alert (exit code " + exitCode.code() + ")");
  }

  /**
   * Posts {@code markdown} as the robot's message as it is (the night's digest, for one);
   * {@code what} names it in the log.
   *
   * @return whether the robot accepted it
   */
  public boolean send(String markdown, String what) {
    String body = markdownMessage(markdown);
    HttpRequest request = HttpRequest.newBuilder(webhook)
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      // WeCom answers HTTP 200 with {"errcode":0,"errmsg":"ok"}; a bad key or body is a non-zero errcode.
      JsonNode answer = response.statusCode() == 200 ? readAnswer(response.body()) : null;
      if (answer != null && answer.path("errcode").asInt(-1) == 0) {
        log.info("{} sent to the webhook at {}", what, webhook.getHost());
        return true;
      }
      log.warn("webhook at {} refused the {}: HTTP {} {}", webhook.getHost(), what, response.statusCode(), oneLine(response.body()));
    } catch (IOException e) {
      log.warn("webhook at {} unreachable, {} not sent: {}", webhook.getHost(), what, e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("{} to the webhook at {} interrupted", what, webhook.getHost());
    }
    return false;
  }

  /** The markdown a person reads in the chat: what failed, what the code means, the error itself. */
  static String content(LocalDate runDate, ExitCode exitCode, String message) {
    return "**群报 Qunbao: run of " + runDate + " ended with exit code " + exitCode.code()
        + " (" + exitCode.name() + ")**\n"
        + "> " + exitCode.meaning() + "\n\n"
        + "`" + oneLine(message) + "`";
  }

  private static String markdownMessage(String content) {
    try {
      return JSON.writeValueAsString(Map.of("msgtype", "markdown", "markdown", Map.of("content", content)));
    } catch (IOException e) {
      throw new IllegalStateException("a map of strings always serializes", e);
    }
  }

  private static JsonNode readAnswer(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}

package io.qunbao.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a WeCom group robot on 127.0.0.1: records every body POSTed to it and answers as
 * WeCom does ({@code {"errcode":0,"errmsg":"ok"}}, or the answer set by {@link #answerWith}).
 */
public final class WebhookServer implements AutoCloseable {
  /** What WeCom answers a request with a wrong robot key. */
  public static final String INVALID_KEY_ANSWER = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";

  private final HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private volatile String answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";

  private WebhookServer(HttpServer server) {
    this.server = server;
  }

  public static WebhookServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      WebhookServer webhook = new WebhookServer(server);
      server.createContext("/cgi-bin/webhook/send", webhook::record);
      server.start();
      return webhook;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the webhook server", e);
    }
  }

  private void record(HttpExchange exchange) throws IOException {
    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    byte[] response = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, response.length);
    exchange.getResponseBody().write(response);
    exchange.close();
  }

  /** A webhook URL as WeCom hands them out, with {@code key} as the robot key. */
  public URI url(String key) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cgi-bin/webhook/send?key=" + key);
  }

  public void answerWith(String json) {
    this.answer = json;
  }

  /** The bodies received so far, in arrival order. */
  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package io.qunbao.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A server the tests start as a child process (S3Proxy, Spark master and workers): its output goes
 * to a log file the failure message points at, and it is ready when its port accepts connections.
 */
final class ServerProcess {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final Process process;
  private final Path log;

  private ServerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} and waits until 127.0.0.1:{@code port} accepts connections. */
  static ServerProcess start(String name, List<String> command, Map<String, String> environment, Path log, int port) {
    ServerProcess server = launch(name, command, environment, log);
    server.awaitPort(port);
    return server;
  }

  /** Starts {@code command} without waiting; {@link #awaitPort} tells when it listens. */
  static ServerProcess launch(String name, List<String> command, Map<String, String> environment, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
    return new ServerProcess(name, process, log);
  }

  void awaitPort(int port) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(Duration.ofMillis(100));
      }
    }
    stop();
    throw new IllegalStateException(name + " did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT + "; see " + log);
  }

  /** Ends the process and waits for it, so its port is free again. */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  Path log() {
    return log;
  }

  /** A loopback port nobody listens on right now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** The path of a server jar the build copied (testkit's servers.properties, filtered by Maven). */
  static Path serverJar(String key) {
    Properties properties = new Properties();
    try (InputStream in = ServerProcess.class.getResourceAsStream("servers.properties")) {
      properties.load(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("testkit's servers.properties is missing; build with Maven", e);
    }
    Path jar = Path.of(properties.getProperty(key));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; run the Maven build of jobs/testkit (it copies it there)");
    }
    return jar;
  }

  static Path javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

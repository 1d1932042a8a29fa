package io.qunbao.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Spark standalone cluster on 127.0.0.1: one Master and two Workers (one core, 1 GiB each),
 * started as child JVMs from the Maven classpath of the test, as {@code sbin/start-master.sh} and
 * {@code start-worker.sh} would start them from a Spark distribution.
 *
 * <p>A Worker builds its executors' classpath from {@code $SPARK_HOME/jars/*}, so the cluster gets a
 * SPARK_HOME whose {@code jars/} links Spark and its dependencies from the test classpath, and
 * nothing of Qunbao: the application reaches the executors only through the jar given to
 * spark-submit, as on a real cluster. Its {@code bin/spark-submit} submits to it.
 */
public final class SparkCluster implements AutoCloseable {
  private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(120);
  private static final int WORKERS = 2;

  private final Path sparkHome;
  private final int masterPort;
  private final int masterWebPort;
  private final List<ServerProcess> processes = new ArrayList<>();

  private SparkCluster(Path sparkHome, int masterPort, int masterWebPort) {
    this.sparkHome = sparkHome;
    this.masterPort = masterPort;
    this.masterWebPort = masterWebPort;
  }

  /** Starts the master and the workers, and returns when both workers are registered. */
  public static SparkCluster startIn(Path directory) {
    SparkCluster cluster = new SparkCluster(directory.resolve("spark-home"), ServerProcess.freePort(), ServerProcess.freePort());
    try {
      cluster.createSparkHome();
      ServerProcess master = cluster.launchDaemon("spark-master", "org.apache.spark.deploy.master.Master",
          List.of("--host", "127.0.0.1", "--port", String.valueOf(cluster.masterPort),
              "--webui-port", String.valueOf(cluster.masterWebPort)));
      master.awaitPort(cluster.masterPort);
      master.awaitPort(cluster.masterWebPort);
      // the workers start side by side; each retries until the master answers
      for (int i = 1; i <= WORKERS; i++) {
        Path workDir = Files.createDirectories(directory.resolve("worker-" + i));
        cluster.launchDaemon("spark-worker-" + i, "org.apache.spark.deploy.worker.Worker",
            List.of("--host", "127.0.0.1", "--port", String.valueOf(ServerProcess.freePort()),
                "--webui-port", String.valueOf(ServerProcess.freePort()),
                "--cores", "1", "--memory", "1g", "--work-dir", workDir.toString(), cluster.masterUrl()));
      }
      cluster.awaitWorkers();
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  public Path sparkHome() {
    return sparkHome;
  }

  /** The environment spark-submit needs to reach this cluster, as a deployment would set it. */
  public Map<String, String> environment() {
    // SPARK_SCALA_VERSION: Spark's launcher looks for a source build's directories without it.
    return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_LOCAL_IP", "127.0.0.1", "SPARK_SCALA_VERSION", "2.13");
  }

  /** The Spark jars the cluster runs on, for a spark-submit launched against it. */
  public String sparkClasspath() {
    return sparkHome.resolve("jars") + File.separator + "*";
  }

  /** The Master's view of its workers and applications (its web UI's JSON). */
  public JsonNode masterState() {
    try {
      return new ObjectMapper().readTree(URI.create("http://127.0.0.1:" + masterWebPort + "/json/").toURL());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Spark master's state", e);
    }
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).stop();
    }
    processes.clear();
  }

  private void createSparkHome() throws IOException {
    Path jars = Files.createDirectories(sparkHome.resolve("jars"));
    // Spark's launcher takes jars/ only in a release layout, which a RELEASE file marks.
    Files.writeString(sparkHome.resolve("RELEASE"), "Spark from the Qunbao test classpath\n");
    Files.createDirectories(sparkHome.resolve("logs"));
    writeSparkSubmit();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      String name = jar.getFileName().toString();
      if (name.endsWith(".jar") && !name.startsWith("qunbao-") && Files.isRegularFile(jar) && !Files.exists(jars.resolve(name))) {
        Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
      }
    }
  }

  /**
   * {@code bin/spark-submit}, which Spark's launcher ({@code SparkLauncher}) runs: SparkSubmit on this
   * distribution's jars, as a release's script does through {@code spark-class}, bound to loopback.
   */
  private void writeSparkSubmit() throws IOException {
    Path script = Files.createDirectories(sparkHome.resolve("bin")).resolve("spark-submit");
    List<String> command = new ArrayList<>(List.of(ServerProcess.javaExecutable().toString(), "-Xmx1g"));
    command.addAll(javaModuleOptions());
    command.addAll(List.of("-cp", "'" + sparkClasspath() + "'", "org.apache.spark.deploy.SparkSubmit", "\"$@\""));
    Files.writeString(script, "#!/usr/bin/env bash\nexport SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13\nexec "
        + String.join(" ", command) + "\n");
    script.toFile().setExecutable(true);
  }

  private ServerProcess launchDaemon(String name, String mainClass, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(ServerProcess.javaExecutable().toString(), "-Xmx512m"));
    command.addAll(javaModuleOptions());
    command.addAll(List.of("-cp", sparkClasspath(), mainClass));
    command.addAll(arguments);
    ServerProcess daemon = ServerProcess.launch(name, command, environment(), sparkHome.resolve("logs/" + name + ".log"));
    processes.add(daemon);
    return daemon;
  }

  /** The --add-opens flags Spark needs on Java 17, as the test JVM itself got them (root pom). */
  private static List<String> javaModuleOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-modules") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
            || a.startsWith("-Dio.netty"))
        .toList();
  }

  /**
   * The master's state, or none yet: its web port accepts connections a moment before the
   * {@code /json/} page is attached (a 404 then), so a failed read here means "ask again".
   */
  private JsonNode masterStateOnceServed() {
    try {
      return masterState();
    } catch (UncheckedIOException notServedYet) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  private void awaitWorkers() {
    Instant deadline = Instant.now().plus(REGISTRATION_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      int alive = 0;
      for (JsonNode worker : masterStateOnceServed().path("workers")) {
        if ("ALIVE".equals(worker.path("state").asText())) {
          alive++;
        }
      }
      if (alive == WORKERS) {
        return;
      }
      ServerProcess.sleep(Duration.ofMillis(200));
    }
    throw new IllegalStateException("the Spark workers did not register with the master within " + REGISTRATION_TIMEOUT
        + "; see the logs in " + sparkHome.resolve("logs"));
  }
}

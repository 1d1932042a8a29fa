package io.qunbao.testkit;

import io.qunbao.common.config.QunbaoConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the tests: S3Proxy 2.6.0 run as its own {@code java -jar} process
 * on a free loopback port. Objects live in a folder ({@code jclouds.provider=filesystem}), so they
 * survive {@link #stop()} and {@link #start()}: the tests can take the store away in the middle of a
 * run and bring it back for the rerun.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "qunbao-test-access";
  /** Test-only secret; tests assert it never appears in logs or error messages. */
  public static final String SECRET_KEY = "qunbao-test-secret-7f3a";
  private static final String REGION = "us-east-1";

  private final Path directory;
  private final int port;
  private ServerProcess process;

  private S3ProxyServer(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** Starts a server that keeps its objects under {@code directory}. */
  public static S3ProxyServer startIn(Path directory) {
    S3ProxyServer server = new S3ProxyServer(directory, ServerProcess.freePort());
    server.writeProperties();
    server.start();
    return server;
  }

  /** (Re)starts the process on the same port and data folder. */
  public void start() {
    List<String> command = List.of(
        ServerProcess.javaExecutable().toString(), "-Xmx256m", "-jar", ServerProcess.serverJar("s3proxy.jar").toString(),
        "--properties", directory.resolve("s3proxy.properties").toString());
    process = ServerProcess.start("S3Proxy", command, Map.of(), directory.resolve("s3proxy.log"), port);
  }

  /** Stops the process, as an outage would; the objects stay on disk. */
  public void stop() {
    if (process != null) {
      process.stop();
      process = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** The {@code s3:} section of a config that points at this server. */
  public QunbaoConfig.S3 s3Config() {
    return new QunbaoConfig.S3(endpoint(), true, ACCESS_KEY, SECRET_KEY, REGION);
  }

  /** The same settings as YAML lines for a {@code --config} file. */
  public String s3ConfigYaml() {
    return "s3:\n"
        + "  endpoint: " + endpoint() + "\n"
        + "  path-style-access: true\n"
        + "  access-key: " + ACCESS_KEY + "\n"
        + "  secret-key: " + SECRET_KEY + "\n"
        + "  region: " + REGION + "\n";
  }

  /** Creates {@code bucket}; S3 has no implicit buckets and s3a cannot create one. */
  public void createBucket(String bucket) {
    try (S3Client client = S3Client.builder()
        .endpointOverride(URI.create(endpoint()))
        .forcePathStyle(true)
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build()) {
      client.createBucket(b -> b.bucket(bucket));
    }
  }

  /** The server's own log (requests and errors), for failure messages. */
  public Path log() {
    return directory.resolve("s3proxy.log");
  }

  private void writeProperties() {
    Properties properties = new Properties();
    properties.setProperty("s3proxy.endpoint", endpoint());
    properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
    properties.setProperty("s3proxy.identity", ACCESS_KEY);
    properties.setProperty("s3proxy.credential", SECRET_KEY);
    properties.setProperty("jclouds.provider", "filesystem");
    properties.setProperty("jclouds.filesystem.basedir", directory.resolve("objects").toString());
    properties.setProperty("jclouds.identity", ACCESS_KEY);
    properties.setProperty("jclouds.credential", SECRET_KEY);
    try {
      Files.createDirectories(directory.resolve("objects"));
      try (var out = Files.newBufferedWriter(directory.resolve("s3proxy.properties"))) {
        properties.store(out, "S3Proxy for the Qunbao tests");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the S3Proxy configuration under " + directory, e);
    }
  }
}

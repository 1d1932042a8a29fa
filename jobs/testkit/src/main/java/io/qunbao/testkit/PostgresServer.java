package io.qunbao.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, from the Debian package {@code postgresql}
 * ({@code /usr/lib/postgresql/<version>/bin}): a fresh cluster ({@code initdb}) in a temporary
 * folder, listening on a free loopback port only, with a database {@code qunbao} owned by user
 * {@code qunbao} (trust authentication: loopback, test-only). PostgreSQL refuses to run as root,
 * so as root the cluster belongs to, and runs as, the package's {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {
  public static final String DATABASE = "qunbao";
  public static final String USER = "qunbao";
  private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");

  private final Path directory;
  private final int port;
  private final ServerProcess process;

  private PostgresServer(Path directory, int port, ServerProcess process) {
    this.directory = directory;
    this.port = port;
    this.process = process;
  }

  /** The newest installed server's bin folder; empty where the package is not installed. */
  public static Optional<Path> installation() {
    if (!Files.isDirectory(INSTALLATIONS)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres")))
          .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a cluster in a new temporary folder and starts it; needs {@link #installation()}. */
  public static PostgresServer start() {
    Path bin = installation().orElseThrow(() -> new IllegalStateException(
        "PostgreSQL is not installed: apt-get install postgresql (scripts/setup-system does)"));
    try {
      // not under the test's @TempDir: that is private to root, and the server may run as postgres
      Path directory = Files.createTempDirectory("qunbao-postgres-");
      Path data = directory.resolve("data");
      List<String> asOwner = new ArrayList<>();
      if (isRoot()) {
        UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(directory, postgres);
        asOwner.addAll(List.of("runuser", "-u", "postgres", "--"));
      }
      run(concat(asOwner, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
          "-E", "UTF8", "--locale=C"), directory.resolve("initdb.log"));
      int port = ServerProcess.freePort();
      ServerProcess process = ServerProcess.start("postgres", concat(asOwner, bin.resolve("postgres").toString(),
              "-D", data.toString(), "-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1",
              "-c", "unix_socket_directories=" + directory, "-c", "fsync=off"),
          Map.of(), directory.resolve("postgres.log"), port);
      PostgresServer server = new PostgresServer(directory, port, process);
      server.createDatabase();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up a PostgreSQL cluster", e);
    }
  }

  /** The JDBC URL of the {@code qunbao} database, as {@code job-repository.url} takes it. */
  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, "");
  }

  public Path log() {
    return directory.resolve("postgres.log");
  }

  /** Stops the server and deletes its cluster. */
  @Override
  public void close() {
    process.stop();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  private String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private void createDatabase() {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
        Statement s = c.createStatement()) {
      s.execute("create database " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + DATABASE + "; see " + log(), e);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void run(List<String> command, Path log) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }

  private static List<String> concat(List<String> prefix, String... rest) {
    List<String> all = new ArrayList<>(prefix);
    all.addAll(List.of(rest));
    return all;
  }
}

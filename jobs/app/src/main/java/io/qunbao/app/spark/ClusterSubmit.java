package io.qunbao.app.spark;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.config.ConfigLoader;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.metrics.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.launcher.SparkLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics step on a cluster ({@code spark.master} not local): spark-submit of the cluster jar's
 * {@code io.qunbao.metrics.MetricsMain}, started with Spark's own launcher and waited for, its output
 * going where this process's goes. The step fails when it exits non-zero, so the nightly job's restart
 * semantics hold: the rerun skips the landed exports and submits again.
 *
 * <p>The submission gets the whole configuration as a file ({@code --config}, shipped with the
 * application in cluster deploy mode) and the operator's {@code spark.conf} as its properties file, so
 * no setting, secrets included, appears on a command line. A submission left running by a nightly JVM
 * that was killed is stopped before a new one starts: two would publish the same partitions.
 */
final class ClusterSubmit {
  private static final Logger log = LoggerFactory.getLogger(ClusterSubmit.class);
  static final String MAIN_CLASS = "io.qunbao.metrics.MetricsMain";
  private static final String PID_FILE = "metrics-submit.pid";
  private static final String CLUSTER_JAR = "jobs/production/target/qunbao-metrics-cluster.jar";

  private final QunbaoConfig config;
  private final Path submitDir;

  ClusterSubmit(QunbaoConfig config) {
    this.config = config;
    this.submitDir = Path.of(config.workDir()).toAbsolutePath().resolve("spark-submit");
  }

  void run(LocalDate runDate, Scope scope) {
    Path jar = clusterJar();
    if (!Files.isRegularFile(jar)) {
      throw new QunbaoException(ExitCode.USAGE, "the cluster jar " + jar + " does not exist: build it (mvn -DskipTests"
          + " package) or set spark.cluster-jar");
    }
    stopOrphanedSubmission();
    long start = System.nanoTime();
    try {
      Files.createDirectories(submitDir);
      Path configFile = privateFile("qunbao-" + runDate + ".yml");
      Files.writeString(configFile, new ConfigLoader().toYaml(config), StandardCharsets.UTF_8);
      Path properties = privateFile("spark-" + runDate + ".properties");
      try (Writer out = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
        Properties conf = new Properties();
        conf.putAll(config.spark().conf());
        conf.store(out, "spark.conf of the Qunbao config, for spark-submit");
      }
      boolean clusterDeploy = "cluster".equals(config.spark().conf().get("spark.submit.deployMode"));
      SparkLauncher launcher = new SparkLauncher()
          .setMaster(config.spark().master())
          .setAppResource(jar.toString())
          .setMainClass(MAIN_CLASS)
          .setAppName("qunbao-metrics " + runDate)
          .setPropertiesFile(properties.toString())
          // a properties file replaces the distribution's conf/spark-defaults.conf unless asked to add to it
          .addSparkArg("--load-spark-defaults")
          .redirectOutput(ProcessBuilder.Redirect.INHERIT)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          // in cluster deploy mode the driver runs in the cluster: the config travels with the application
          .addAppArgs("--config", clusterDeploy ? configFile.getFileName().toString() : configFile.toString(),
              "--date", runDate.toString());
      if (clusterDeploy) {
        launcher.addFile(configFile.toString());
      }
      if (!config.spark().home().isBlank()) {
        launcher.setSparkHome(config.spark().home());
      }
      switch (scope.kind()) {
        case FULL -> launcher.addAppArgs("--full");
        case RANGE -> launcher.addAppArgs("--from", scope.from().toString());
        case NIGHTLY -> { }
      }
      log.info("publishMetrics {} ({}): submitting {} to {}", runDate, scope, jar.getFileName(), config.spark().master());
      Process submission = launcher.launch();
      Files.writeString(submitDir.resolve(PID_FILE), Long.toString(submission.pid()));
      int exit = submission.waitFor();
      Files.deleteIfExists(submitDir.resolve(PID_FILE));
      if (exit != 0) {
        ExitCode code = exit == ExitCode.USAGE.code() ? ExitCode.USAGE : exit == ExitCode.DATA_QUALITY.code()
            ? ExitCode.DATA_QUALITY : ExitCode.FAILED;
        throw new QunbaoException(code, "the metrics on " + config.spark().master() + " (spark-submit of " + jar.getFileName()
            + ") ended with exit code " + exit + ": see its lines above; rerun the same command to resume");
      }
      log.info("publishMetrics {} ({}) on {}: done, {} s", runDate, scope, config.spark().master(),
          (System.nanoTime() - start) / 1_000_000_000);
    } catch (IOException e) {
      throw new QunbaoException(ExitCode.FAILED, "cannot submit the metrics to " + config.spark().master() + ": "
          + e.getMessage() + (config.spark().home().isBlank() && System.getenv("SPARK_HOME") == null
              ? " (set spark.home or SPARK_HOME to a Spark distribution)" : ""), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QunbaoException(ExitCode.FAILED, "interrupted while the metrics ran on " + config.spark().master(), e);
    }
  }

  /** {@code spark.cluster-jar}, or the build's, under the Qunbao directory ({@code scripts/qunbao} names it). */
  private Path clusterJar() {
    if (!config.spark().clusterJar().isBlank()) {
      return Path.of(config.spark().clusterJar()).toAbsolutePath();
    }
    return Path.of(System.getProperty("qunbao.home", ".")).toAbsolutePath().resolve(CLUSTER_JAR).normalize();
  }

  /** A new file only this user can read: it holds the whole configuration, credentials included. */
  private Path privateFile(String name) throws IOException {
    Path file = submitDir.resolve(name);
    Files.deleteIfExists(file);
    return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
  }

  /**
   * A submission whose nightly JVM was killed goes on running; we hold the run lock, so it is nobody's:
   * it is stopped, and this run starts the step again.
   */
  private void stopOrphanedSubmission() {
    Path pidFile = submitDir.resolve(PID_FILE);
    try {
      if (!Files.exists(pidFile)) {
        return;
      }
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
          .filter(p -> p.info().commandLine().map(c -> c.contains(MAIN_CLASS)).orElse(false));
      if (orphan.isPresent()) {
        log.warn("stopping the metrics submission (pid {}) of a nightly run that died; this run submits again", pid);
        orphan.get().destroyForcibly();
        orphan.get().onExit().join();
      }
      Files.delete(pidFile);
    } catch (IOException | NumberFormatException e) {
      throw new UncheckedIOException("cannot read " + pidFile, e instanceof IOException io ? io : new IOException(e));
    }
  }
}

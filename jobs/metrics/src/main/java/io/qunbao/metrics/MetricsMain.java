package io.qunbao.metrics;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.config.ConfigException;
import io.qunbao.common.config.ConfigLoader;
import io.qunbao.common.config.QunbaoConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The spark-submit entry point of the metrics step:
 * {@code spark-submit --class io.qunbao.metrics.MetricsMain <jar> --config FILE --date D [--full | --from D1]}.
 * The master comes from spark-submit; the session is built with {@code getOrCreate()}, with the
 * config's {@code spark.conf} entries.
 */
@Command(name = "qunbao-metrics", mixinStandardHelpOptions = true,
    description = "Computes and publishes the metric tables of spec/metrics.md for a run date.")
public final class MetricsMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(MetricsMain.class);

  @Option(names = "--config", description = "YAML config laid over the defaults")
  Path config;

  @Option(names = "--date", required = true, description = "run date R (YYYY-MM-DD): exports dated on or before it are read")
  LocalDate date;

  @Option(names = "--full", description = "republish every day, not only the changed ones")
  boolean full;

  @Option(names = "--from", description = "republish every day from this one to --date (a backfill)")
  LocalDate from;

  public static void main(String[] args) {
    System.exit(new CommandLine(new MetricsMain()).execute(args));
  }

  @Override
  public Integer call() {
    try {
      QunbaoConfig loaded = new ConfigLoader().load(config);
      // the master comes from spark-submit (or -Dspark.master)
      SparkSession spark = MetricsSession.builder(loaded, "qunbao-metrics " + date, null, Map.of()).getOrCreate();
      RunSummary summary = new MetricsJob(loaded, spark)
          .run(date, full ? Scope.FULL : from != null ? Scope.range(from, date) : Scope.NIGHTLY);
      summary.tables().forEach((table, result) -> System.out.println(table + ": " + result));
      return ExitCode.OK.code();
    } catch (ConfigException e) {
      log.error(e.getMessage());
      return ExitCode.USAGE.code();
    } catch (QunbaoException e) {
      log.error(e.getMessage());
      return e.exitCode().code();
    }
  }
}

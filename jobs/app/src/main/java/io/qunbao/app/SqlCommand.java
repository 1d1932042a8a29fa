package io.qunbao.app;

import io.qunbao.app.spark.MetricsRunner;
import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.Source;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.PublishedTables;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.metrics.LandedTables;
import io.qunbao.metrics.TableSpec;
import io.qunbao.ingest.Sources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
        "Spark SQL over the warehouse with every table registered by the name jobs/metrics/docs/tables.md",
        "gives it: the metric tables (type_daily, group_daily, referral_daily, ..., revisions), the curated",
        "tables (curated_messages, curated_membership_intervals, curated_orders), the landed exports",
        "(raw_chat, raw_orders, raw_scans, raw_groups, raw_staff) and their rejects (rejects_chat, ...).",
        "With FILE, runs its statements (separated by ';' at a line end); without, opens a prompt."})
final class SqlCommand implements Callable<Integer> {

  @ParentCommand
  private QunbaoCli cli;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "a file of SQL statements to run")
  private Path file;

  @Option(names = "--max-rows", description = "rows printed per result (default: ${DEFAULT-VALUE})")
  private int maxRows = 100;

  @Override
  public Integer call() throws IOException {
    QunbaoConfig config = cli.config();
    SparkSession spark = new MetricsRunner(config).session();
    Map<String, org.apache.hadoop.fs.Path> tables = register(config, spark);
    System.err.println("tables: " + String.join(", ", tables.keySet()));
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new QunbaoException(ExitCode.USAGE, "query file " + file + " does not exist");
      }
      for (String statement : statements(Files.readAllLines(file, StandardCharsets.UTF_8))) {
        run(spark, statement);
      }
      return ExitCode.OK.code();
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder pending = new StringBuilder();
    System.out.print("qunbao> ");
    for (String line; (line = in.readLine()) != null; ) {
      pending.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        try {
          run(spark, pending.toString());
        } catch (QunbaoException e) {
          System.out.println(e.getMessage());
        }
        pending.setLength(0);
      }
      System.out.print(pending.isEmpty() ? "qunbao> " : "     -> ");
    }
    return ExitCode.OK.code();
  }

  /**
   * Every table with a published partition, registered as a view of the files its {@code _SUCCESS}
   * manifests list (a folder may hold files of a publish that failed halfway, which no one may read).
   */
  private static Map<String, org.apache.hadoop.fs.Path> register(QunbaoConfig config, SparkSession spark) {
    Storage storage = new Storage(config);
    Warehouse warehouse = Warehouse.of(config);
    PublishedTables published = new PublishedTables(storage, new PartitionPublisher(storage, warehouse));
    Map<String, org.apache.hadoop.fs.Path> tables = new LinkedHashMap<>();
    for (String table : TableSpec.PUBLISHED_METRICS) {
      tables.put(table, warehouse.metricsTable(table));
    }
    tables.put(TableSpec.REVISIONS, warehouse.metricsTable(TableSpec.REVISIONS));
    for (String table : TableSpec.CURATED) {
      tables.put(TableSpec.load(table).queryName(), warehouse.curated(table));
    }
    for (String source : Source.ids()) {
      tables.put(LandedTables.raw(source), warehouse.rawTable(source));
      tables.put(LandedTables.rejects(source), warehouse.rejectsTable(source));
    }
    Map<String, org.apache.hadoop.fs.Path> present = new LinkedHashMap<>();
    for (Map.Entry<String, org.apache.hadoop.fs.Path> table : tables.entrySet()) {
      // *.parquet: a rejects partition also holds rejects.jsonl, for people
      String[] files = published.tableFiles(table.getValue()).stream().map(org.apache.hadoop.fs.Path::toString)
          .filter(f -> f.endsWith(".parquet")).toArray(String[]::new);
      if (files.length > 0) {
        spark.read().option("basePath", table.getValue().toString()).parquet(files)
            .createOrReplaceTempView(table.getKey());
        present.put(table.getKey(), table.getValue());
      }
    }
    return present;
  }

  private void run(SparkSession spark, String statement) {
    try {
      Dataset<Row> result = spark.sql(statement.strip().replaceAll(";$", ""));
      if (!result.schema().isEmpty()) {
        result.show(maxRows, false);
      }
    } catch (Exception e) {
      // Spark throws its analysis and parse errors (checked in Java) from Scala, undeclared
      if (e instanceof AnalysisException) {
        throw new QunbaoException(ExitCode.USAGE, e.getMessage().lines().findFirst().orElse(""));
      }
      throw e;
    }
  }

  /** Statements of a query file: each ends with ';' at the end of a line. */
  private static List<String> statements(List<String> lines) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      current.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        statements.add(current.toString());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString());
    }
    return statements;
  }
}

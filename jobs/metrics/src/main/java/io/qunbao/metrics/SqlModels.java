package io.qunbao.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the {@code .sql} models under {@code io/qunbao/metrics/sql/}, one query per file, each
 * registered as a temp view named after its file so that later models select from it. Parameters
 * are bound by name ({@code :run_date}, {@code :zone}, …), never spliced into the text.
 */
public final class SqlModels {
  /** More rounds than any pointer jumping needs: 2^64 links. */
  private static final int MAX_ROUNDS = 64;

  private final SparkSession spark;
  private final Map<String, Object> parameters;

  public SqlModels(SparkSession spark, Map<String, Object> parameters) {
    this.spark = spark;
    this.parameters = parameters;
  }

  /** The same models with one more parameter. */
  public SqlModels with(String name, Object value) {
    return with(Map.of(name, value));
  }

  /** The same models with more parameters (a name given again takes the new value). */
  public SqlModels with(Map<String, Object> values) {
    Map<String, Object> more = new java.util.HashMap<>(parameters);
    more.putAll(values);
    return new SqlModels(spark, Map.copyOf(more));
  }

  /** Registers {@code family/name.sql} as the view {@code name} and returns it (lazily). */
  public Dataset<Row> register(String family, String name) {
    Dataset<Row> model = spark.sql(text(family + "/" + name + ".sql"), parameters);
    model.createOrReplaceTempView(name);
    return model;
  }

  /**
   * Registers {@code family/name.sql} as the view {@code name}, computed now and kept on the executors
   * ({@code localCheckpoint}): for a model that several later ones read, which would otherwise each
   * compute it again.
   */
  public void materialize(String family, String name) {
    query(family, name).localCheckpoint(true).createOrReplaceTempView(name);
  }

  /**
   * Registers {@code family/start.sql} as the view {@code view}, then replaces it with {@code
   * family/step.sql} (which reads {@code view}) until no row satisfies {@code pending}: a fixpoint, each
   * round materialized so that the plans stay one round deep. Returns the rounds taken.
   */
  int iterate(String family, String view, String start, String step, String pending) {
    query(family, start).localCheckpoint(true).createOrReplaceTempView(view);
    int rounds = 0;
    while (!spark.table(view).where(pending).isEmpty()) {
      if (++rounds > MAX_ROUNDS) {
        throw new IllegalStateException(family + "/" + step + " did not reach a fixpoint in " + MAX_ROUNDS + " rounds");
      }
      query(family, step).localCheckpoint(true).createOrReplaceTempView(view);
    }
    return rounds;
  }

  /** Runs {@code family/name.sql} without registering it. */
  public Dataset<Row> query(String family, String name) {
    return spark.sql(text(family + "/" + name + ".sql"), parameters);
  }

  /** Names the Spark jobs that follow (Spark UI, event log). */
  public void describeJobs(String description) {
    spark.sparkContext().setJobDescription(description);
  }

  static String text(String path) {
    String resource = "/io/qunbao/metrics/sql/" + path;
    try (InputStream in = SqlModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no SQL model " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("SQL model " + resource + " unreadable", e);
    }
  }
}

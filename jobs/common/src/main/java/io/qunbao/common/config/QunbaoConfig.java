package io.qunbao.common.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.ZoneId;
import java.util.Map;

/**
 * The whole configuration, in one typed place. Built from the bundled {@code defaults.yml} with the
 * operator's {@code --config} file laid over it by {@link ConfigLoader}; every key is documented in
 * the README's "Configuration" table.
 */
public record QunbaoConfig(
    String inbox,
    String warehouse,
    String reports,
    String workDir,
    String timezone,
    Ingest ingest,
    Metrics metrics,
    Spark spark,
    JobRepository jobRepository,
    Report report,
    S3 s3,
    Alerts alerts) {

  public ZoneId zone() {
    return ZoneId.of(timezone);
  }

  /** Ingest of the exports; see spec/exports.md. */
  public record Ingest(
      double rejectShareLimit,
      long gateMinRows,
      boolean keepMessageText,
      Map<String, String> encodings) {}

  /** Metric parameters; see spec/metrics.md. */
  public record Metrics(int conversionWindowDays, DeadGroup deadGroup) {}

  /** {@code is_dead} = age_days >= minAgeDays and active_7d < max(minActive, ceil(minActiveShare × members)). */
  public record DeadGroup(int minAgeDays, int minActive, double minActiveShare) {}

  /**
   * Where the metrics step runs: {@code master} (local[*] by default: in the nightly JVM) and any Spark
   * settings. With a cluster master the step submits the cluster jar ({@code clusterJar}; empty = the
   * build's {@code jobs/production/target/qunbao-metrics-cluster.jar}) with the spark-submit of
   * {@code home} (empty = {@code $SPARK_HOME}); docs/production.md.
   */
  public record Spark(String master, Map<String, String> conf, String home, String clusterJar) {
    /** Whether the metrics run in this JVM ({@code local}, {@code local[N]}, {@code local[*]}). */
    @JsonIgnore
    public boolean isLocal() {
      return master.startsWith("local");
    }
  }

  /** Spring Batch metadata: empty url = H2 file database under work-dir. */
  public record JobRepository(String url, String username, String password) {}

  /**
   * The daily report: its language, the targets and purposes files (empty = none / the bundled
   * purposes), the address people open reports at (for the digest; empty = the report's path), and
   * the rules that judge its numbers (reports/README.md).
   *
   * @param minDenominator a number over fewer members, joiners or buyers is never flagged
   * @param minScanners    live codes (and campaigns) with fewer scanners on the day are not ranked
   */
  public record Report(
      String language,
      String targets,
      String purposes,
      String publicUrl,
      int minDenominator,
      int minScanners,
      Baseline baseline,
      Restatements restatements) {}

  /**
   * A headline number's usual band: the median of the type's {@code days} days before, plus and
   * minus {@code band} robust standard deviations (1.4826 × the median absolute deviation); no
   * flag with fewer than {@code minDays} days of history.
   */
  public record Baseline(int days, int minDays, double band) {}

  /**
   * The restatements of the last {@code runs} runs are summarized; one is material when a headline
   * metric moved by at least {@code materialPoints} percentage points (rates) or by at least
   * {@code materialShare} of its first published value (counts, GMV, k-factor).
   */
  public record Restatements(int runs, double materialPoints, double materialShare) {}

  /** s3a settings for S3-compatible stores; empty keys fall back to the standard AWS provider chain. */
  public record S3(String endpoint, boolean pathStyleAccess, String accessKey, String secretKey, String region) {}

  public record Alerts(String webhookUrl) {}
}

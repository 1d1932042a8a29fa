package io.qunbao.metrics;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.metrics.recomputation.RunPlan;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * For the tests of one metric family: lands hand-made exports in a fresh warehouse and registers
 * the model views for a run date (every day computed), without publishing, so a test reads just the view it checks.
 */
final class FamilyFixture {
  static final String CHAT = "export_date,msg_id,group_id,sender_id,sent_at,msg_type,inviter_id";
  /** Chat with the live code of a member_join. */
  static final String CODE_CHAT = CHAT + ",code_id";
  static final String GROUPS = "export_date,group_id,group_name,group_type,owner_id,created_at,dissolved_at";
  /** A groups snapshot with the groups' capacity. */
  static final String GROUPS_WITH_CAPACITY = "export_date,group_id,group_name,group_type,owner_id,created_at,capacity,dissolved_at";
  static final String STAFF = "export_date,member_id,role";
  static final String ORDERS = "export_date,order_id,buyer_id,paid_at,amount,status,group_id,updated_at";
  static final String SCANS = "export_date,scan_id,scanned_at,code_id,channel,scanner_id,group_id";

  final SparkSession spark;
  final LandedFixture landed;
  private final Path root;

  FamilyFixture(SparkSession spark, Path root) {
    this.spark = spark;
    this.root = root;
    this.landed = new LandedFixture(spark, root.resolve("warehouse"));
  }

  /** Registers raw and model views for {@code runDate} with the default config plus {@code yaml}. */
  FamilyFixture run(LocalDate runDate, String yaml) {
    QunbaoConfig config = TestSpark.config(root, yaml);
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    Storage storage = new Storage(config);
    Warehouse warehouse = Warehouse.of(config);
    new RawInputs(spark, storage, warehouse).register(runDate);
    MetricsPublisher publisher = new MetricsPublisher(spark, storage, warehouse);
    StagedCurated curated = new StagedCurated(spark, publisher, warehouse);
    MetricModels models = new MetricModels(spark, config, runDate, curated, publisher);
    models.registerMetrics(RunPlan.everyDay(runDate, Scope.FULL, models.registerCleaning(), Map.of(), "family test"));
    return this;
  }

  FamilyFixture run(LocalDate runDate) {
    return run(runDate, "");
  }

  /** The rows of {@code sql} over the registered views, each as column name to value. */
  List<Map<String, Object>> rows(String sql) {
    return spark.sql(sql).collectAsList().stream().map(FamilyFixture::asMap).toList();
  }

  private static Map<String, Object> asMap(Row row) {
    Map<String, Object> values = new TreeMap<>();
    for (String field : row.schema().fieldNames()) {
      values.put(field, row.getAs(field));
    }
    return values;
  }
}

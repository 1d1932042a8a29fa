package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The analysts' table doc is generated from the table specs and checked in; this test fails when
 * it is stale. Regenerate with {@code -Dqunbao.regenerate=true}.
 */
class TableDocsTest {
  static final Path DOC = Path.of("docs/tables.md");

  @Test
  void theCheckedInTableDocIsGeneratedFromTheSpecs() throws IOException {
    String generated = TableDocs.render();
    if (Boolean.getBoolean("qunbao.regenerate")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(DOC).as("jobs/metrics/docs/tables.md is stale: run the tests with -Dqunbao.regenerate=true").exists();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).isEqualTo(generated);
  }

  @Test
  void everyTableIsHeadedByTheNameQunbaoSqlRegistersItUnder() {
    // the metric tables and revisions by their own names, the curated ones prefixed like the landed ones
    assertThat(TableDocs.render().lines().filter(line -> line.startsWith("## ")).map(line -> line.substring(3)))
        .containsExactly("group_daily (metrics)", "type_daily (metrics)", "cohort_conversion (metrics)",
            "channel_daily (metrics)", "group_health (metrics)", "referral_daily (metrics)", "campaign_daily (metrics)",
            "owner_daily (metrics)", "referrer_daily (metrics)", "curated_messages (curated)",
            "curated_membership_intervals (curated)", "curated_orders (curated)", "revisions (revisions)",
            "raw_chat (landed)", "raw_orders (landed)", "raw_scans (landed)", "raw_groups (landed)", "raw_staff (landed)",
            "rejects_chat, rejects_orders, rejects_scans, rejects_groups, rejects_staff (rejects)");
  }

  @Test
  void everyMetricsTableHasTheSpecKeyColumnsFirstAndDtAsItsPartition() {
    for (String table : TableSpec.METRICS) {
      TableSpec spec = TableSpec.load(table);
      assertThat(spec.columns().get(0).name()).as(table).isEqualTo(TableSpec.DT);
      assertThat(spec.columns().stream().map(TableSpec.ColumnSpec::name)).as(table).containsAll(spec.key());
    }
  }
}

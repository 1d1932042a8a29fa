package io.qunbao.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the analysts' table reference ({@code jobs/metrics/docs/tables.md}) from the
 * {@code tables/*.yml} specs, the one place columns are documented. {@code TableDocsTest} fails
 * when the checked-in doc is stale; {@code main} (or the test with -Dqunbao.regenerate=true)
 * rewrites it.
 */
public final class TableDocs {
  private TableDocs() {}

  public static List<TableSpec> allTables() {
    List<String> names = new ArrayList<>(TableSpec.PUBLISHED_METRICS);
    names.addAll(TableSpec.CURATED);
    names.add(TableSpec.REVISIONS);
    return names.stream().map(TableSpec::load).toList();
  }

  public static String render() {
    StringBuilder md = new StringBuilder();
    md.append("# Qunbao tables\n\n")
        .append("<!-- generated from jobs/metrics/src/main/resources/io/qunbao/metrics/tables/*.yml by TableDocs; do not edit -->\n\n")
        .append("Metrics tables live under `<warehouse>/metrics/<table>/dt=YYYY-MM-DD/`, curated tables under\n")
        .append("`<warehouse>/curated/<table>/` (`messages` by day: `<warehouse>/curated/messages/dt=YYYY-MM-DD/`),\n")
        .append("revisions under `<warehouse>/metrics/revisions/run_date=YYYY-MM-DD/`, the landed exports under\n")
        .append("`<warehouse>/raw/<source>/export_date=YYYY-MM-DD/` and their rejected rows under `<warehouse>/rejects/`.\n")
        .append("Each heading is the name `scripts/qunbao sql` registers the table under.\n")
        .append("Only partitions with a `_SUCCESS` file are complete. Query them, for example, with DuckDB:\n\n")
        .append("```sql\nselect * from read_parquet('work/warehouse/metrics/type_daily/*/*.parquet', hive_partitioning = true)\n")
        .append("where group_type = 'traffic' order by dt;\n```\n\n")
        .append("or with Spark SQL:\n\n```sql\nselect * from parquet.`work/warehouse/metrics/type_daily` where dt >= '2026-10-01';\n```\n\n");
    for (TableSpec table : allTables()) {
      md.append("## ").append(table.queryName()).append(" (").append(table.kind()).append(")\n\n")
          .append("Grain: ").append(table.grain()).append(". Key: `").append(String.join("`, `", table.key()))
          .append("`. Definition: ").append(table.spec()).append(".\n\n");
      if (table.provisional() != null) {
        md.append(provisional(table.provisional(), table.valueColumns())).append("\n\n");
      }
      md.append("| column | type | meaning |\n|---|---|---|\n");
      for (TableSpec.ColumnSpec column : table.columns()) {
        row(md, column.name(), column.type(), column.doc());
      }
      md.append('\n');
    }
    md.append(LandedTables.render());
    return md.toString();
  }

  /** One column of a table's section. */
  static void row(StringBuilder md, String column, String type, String doc) {
    md.append("| `").append(column).append("` | ").append(type).append(" | ").append(doc.replace("|", "\\|")).append(" |\n");
  }

  /** The table's provisional values in a sentence; {@code revisions} calls a later change of them a maturation. */
  private static String provisional(TableSpec.Provisional provisional, List<String> valueColumns) {
    List<String> parts = new ArrayList<>();
    if (provisional.whileNot() != null) {
      List<String> columns = valueColumns.stream().filter(provisional::whileNotFinal).toList();
      parts.add(names(columns) + " of a row while its `" + provisional.whileNot() + "` is false");
    }
    if (provisional.lastPublishedDay() != null) {
      parts.add(names(provisional.lastPublishedDay()) + " of the last published day");
    }
    return "Provisional (a later change is a `maturation` in `revisions`, not a `restatement`): "
        + String.join("; ", parts) + ".";
  }

  private static String names(List<String> columns) {
    return "`" + String.join("`, `", columns) + "`";
  }

  /** Writes the doc to {@code args[0]} (default {@code jobs/metrics/docs/tables.md}). */
  public static void main(String[] args) throws IOException {
    Path target = Path.of(args.length > 0 ? args[0] : "jobs/metrics/docs/tables.md");
    Files.createDirectories(target.getParent());
    Files.writeString(target, render(), StandardCharsets.UTF_8);
  }
}

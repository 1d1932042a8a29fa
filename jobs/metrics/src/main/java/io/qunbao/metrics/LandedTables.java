package io.qunbao.metrics;

import io.qunbao.common.Source;
import io.qunbao.schema.raw.ChatMessage;
import io.qunbao.schema.raw.Group;
import io.qunbao.schema.raw.Order;
import io.qunbao.schema.raw.Reject;
import io.qunbao.schema.raw.Scan;
import io.qunbao.schema.raw.Staff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.spark.sql.types.StructField;

/**
 * The landed tables under their query names: {@code raw_<source>}, the accepted rows of each export,
 * and {@code rejects_<source>}, the rows ingest refused, both partitioned by export date. One place
 * for the names, so the models' views, {@code qunbao sql} and the analysts' doc agree; the columns
 * come from the Avro contract in {@code schemas/}, written once.
 */
public final class LandedTables {
  /** The partition column of every landed table. */
  public static final String EXPORT_DATE = "export_date";
  /** The landed sources and their Avro contract, in the order of the doc. */
  public static final Map<String, Schema> SOURCES = sources();

  private LandedTables() {}

  /** The name of the accepted rows of {@code source}. */
  public static String raw(String source) {
    return "raw_" + source;
  }

  /** The name of the rejected rows of {@code source}. */
  public static String rejects(String source) {
    return "rejects_" + source;
  }

  private static Map<String, Schema> sources() {
    Map<String, Schema> sources = new LinkedHashMap<>();
    sources.put(Source.CHAT.id(), ChatMessage.getClassSchema());
    sources.put(Source.ORDERS.id(), Order.getClassSchema());
    sources.put(Source.SCANS.id(), Scan.getClassSchema());
    sources.put(Source.GROUPS.id(), Group.getClassSchema());
    sources.put(Source.STAFF.id(), Staff.getClassSchema());
    return java.util.Collections.unmodifiableMap(sources);
  }

  /** The doc sections of the landed tables: one per source's raw rows, one for the rejects of all. */
  static String render() {
    StringBuilder md = new StringBuilder();
    SOURCES.forEach((source, schema) -> section(md, raw(source), "landed",
        "`<warehouse>/raw/" + source + "/" + EXPORT_DATE + "=YYYY-MM-DD/`", schema));
    List<String> rejects = SOURCES.keySet().stream().map(LandedTables::rejects).toList();
    section(md, String.join(", ", rejects), "rejects",
        "`<warehouse>/rejects/<source>/" + EXPORT_DATE + "=YYYY-MM-DD/`",
        Reject.getClassSchema());
    return md.toString();
  }

  private static void section(StringBuilder md, String names, String kind, String location, Schema schema) {
    md.append("## ").append(names).append(" (").append(kind).append(")\n\n")
        .append(schema.getDoc()).append(" Location: ").append(location).append(".\n\n")
        .append("| column | type | meaning |\n|---|---|---|\n");
    for (StructField field : AvroSchemas.structType(schema).fields()) {
      TableDocs.row(md, field.name(), field.dataType().simpleString(), schema.getField(field.name()).doc());
    }
    TableDocs.row(md, EXPORT_DATE, "date", "The export date the row was landed from (partition column).");
    md.append('\n');
  }
}

package io.qunbao.metrics;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark schema of a landed table, derived from its Avro contract in {@code schemas/} so that
 * the column list is written once. Covers the types the contract uses: string, int, long,
 * timestamp-millis, decimal bytes, and nullable unions.
 */
final class AvroSchemas {
  private AvroSchemas() {}

  static StructType structType(Schema record) {
    return new StructType(record.getFields().stream()
        .map(f -> new StructField(f.name(), dataType(nonNull(f.schema())), isNullable(f.schema()), Metadata.empty()))
        .toArray(StructField[]::new));
  }

  private static boolean isNullable(Schema schema) {
    return schema.getType() == Schema.Type.UNION
        && schema.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
  }

  private static DataType dataType(Schema schema) {
    LogicalType logical = schema.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal decimal) {
      return DataTypes.createDecimalType(decimal.getPrecision(), decimal.getScale());
    }
    if (logical instanceof LogicalTypes.TimestampMillis) {
      return DataTypes.TimestampType;
    }
    return switch (schema.getType()) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case BOOLEAN -> DataTypes.BooleanType;
      case DOUBLE -> DataTypes.DoubleType;
      default -> throw new IllegalArgumentException("no Spark type for Avro " + schema);
    };
  }
}

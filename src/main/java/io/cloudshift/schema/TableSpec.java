package io.cloudshift.schema;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A documented table: its name, what it answers and each column's meaning and unit. The comments
 * are written into Delta (column comments and the table comment), so {@code DESCRIBE TABLE
 * EXTENDED delta.`path`} explains the table to an analyst.
 */
public record TableSpec(String name, String comment, List<Column> columns) {

  /** One column: name, type, and its meaning with the unit in the comment. */
  public record Column(String name, DataType type, String comment) {}

  public static Column column(String name, DataType type, String comment) {
    return new Column(name, type, comment);
  }

  public static TableSpec of(String name, String comment, Column... columns) {
    return new TableSpec(name, comment, List.copyOf(Arrays.asList(columns)));
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /**
   * {@code rows} projected onto the spec's columns in order, cast to their types and carrying their
   * comments: exactly what the table stores, so a stage can reuse it without reading the table back.
   */
  public Dataset<Row> conform(Dataset<Row> rows) {
    return Conform.to(rows, schema());
  }

  /** The schema with each column's comment in its metadata (nullable everywhere: gold keeps nulls explicit). */
  public StructType schema() {
    StructType schema = new StructType();
    for (Column c : columns) {
      Metadata comment = new MetadataBuilder().putString("comment", c.comment()).build();
      schema = schema.add(new StructField(c.name(), c.type(), true, comment));
    }
    return schema;
  }
}

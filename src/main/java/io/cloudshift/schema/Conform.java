package io.cloudshift.ingest.reference;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** Projects a frame onto a table schema: exactly its columns, in its order, with its types. */
final class Conform {
  private Conform() {}

  static Dataset<Row> to(Dataset<Row> rows, StructType schema) {
    Column[] columns =
        Arrays.stream(schema.fields()).map(f -> col(f.name()).cast(f.dataType()).as(f.name())).toArray(Column[]::new);
    return rows.select(columns);
  }
}

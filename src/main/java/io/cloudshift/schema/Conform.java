package io.cloudshift.schema;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Projects computed rows onto a table's schema: exactly its columns, in its order, cast to its
 * types and carrying its column metadata (comments). The one place every stage shapes what it
 * writes; a column the rows lack is an error, not a silent null.
 */
public final class Conform {
  private Conform() {}

  public static Dataset<Row> to(Dataset<Row> rows, StructType schema) {
    Column[] columns =
        Arrays.stream(schema.fields())
            .map(f -> col("`" + f.name() + "`").cast(f.dataType()).as(f.name(), f.metadata()))
            .toArray(Column[]::new);
    return rows.select(columns);
  }
}

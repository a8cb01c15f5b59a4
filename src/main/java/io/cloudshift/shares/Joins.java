package io.cloudshift.shares;

import static org.apache.spark.sql.functions.col;

import io.cloudshift.schema.TableSpec;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Column plumbing shared by the transformations of this package. */
final class SpecColumns {
  private SpecColumns() {}

  /** Projects a computed Dataset onto a table spec: exactly its columns, in order, with its types. */
  static Dataset<Row> conform(TableSpec spec, Dataset<Row> rows) {
    Column[] columns = spec.columns().stream()
        .map(c -> col("`" + c.name() + "`").cast(c.type()).as(c.name()))
        .toArray(Column[]::new);
    return rows.select(columns);
  }

  /** Column names for {@code Dataset.join(other, usingColumns, joinType)}. */
  static scala.collection.immutable.Seq<String> using(List<String> columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(columns).toList();
  }
}

package io.cloudshift.ingest.reference;

import io.cloudshift.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Hand-made curated inputs: every column text, as the CSV reader delivers them. */
final class Inputs {
  private Inputs() {}

  /** A text frame with {@code columns}; each row gives values by column name (absent = null). */
  static Dataset<Row> frame(List<String> columns, List<Map<String, String>> rows) {
    StructType schema = new StructType();
    for (String column : columns) {
      schema = schema.add(column, DataTypes.StringType, true);
    }
    List<Row> data = new ArrayList<>();
    for (Map<String, String> row : rows) {
      for (String key : row.keySet()) {
        if (!columns.contains(key)) {
          throw new IllegalArgumentException("not a column: " + key);
        }
      }
      data.add(RowFactory.create(columns.stream().map(row::get).toArray()));
    }
    return SparkTestSession.get().createDataFrame(data, schema);
  }

  /** {@code base} with {@code overrides} applied (a null value empties the cell). */
  static Map<String, String> with(Map<String, String> base, String... overrides) {
    Map<String, String> row = new LinkedHashMap<>(base);
    for (int i = 0; i < overrides.length; i += 2) {
      row.put(overrides[i], overrides[i + 1]);
    }
    return row;
  }

  static Map<String, String> row(String... keyValues) {
    return with(Map.of(), keyValues);
  }
}

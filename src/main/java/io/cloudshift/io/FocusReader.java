package io.cloudshift.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import io.cloudshift.config.ExportConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.AtomicType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads files that share one header into a DataFrame with columns named as in the file, plus {@link
 * #SOURCE_FILE} and (CSV) {@link #CORRUPT_RECORD}. CSV stays text, so leading zeros survive and
 * casts happen in one place, under our control (docs/ingest.md, "How ingest reads FOCUS"). Parquet
 * keeps its atomic types (a typed cost or timestamp needs no text round trip); nested values (Tags,
 * SkuPriceDetails as maps or structs) become the JSON text a CSV would hold.
 */
public final class FocusReader {
  public static final String SOURCE_FILE = "_source_file";
  public static final String CORRUPT_RECORD = "_corrupt_record";

  private final SparkSession spark;

  public FocusReader(SparkSession spark) {
    this.spark = spark;
  }

  public Dataset<Row> read(List<String> paths, List<String> columns, ExportConfig export) {
    Dataset<Row> raw =
        switch (export.format()) {
          case CSV -> readCsv(paths, columns, export.encoding().name());
          case PARQUET -> readParquet(paths);
        };
    return raw.withColumn(SOURCE_FILE, col("_metadata.file_path"));
  }

  private Dataset<Row> readCsv(List<String> paths, List<String> columns, String encoding) {
    StructType schema = new StructType();
    for (String name : uniqueNames(columns)) {
      schema = schema.add(name, DataTypes.StringType, true);
    }
    schema = schema.add(CORRUPT_RECORD, DataTypes.StringType, true);
    return spark
        .read()
        .schema(schema)
        .option("header", "true")
        // The header was read by FocusFileLister; columns are taken by position, which also makes
        // a BOM or odd spacing in the header harmless.
        .option("enforceSchema", "true")
        .option("multiLine", "true")
        .option("quote", "\"")
        // FOCUS CSVs escape quotes RFC 4180 style (""), not with Spark's default backslash.
        .option("escape", "\"")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT_RECORD)
        .option("encoding", encoding)
        .csv(paths.toArray(String[]::new));
  }

  private Dataset<Row> readParquet(List<String> paths) {
    Dataset<Row> typed = spark.read().parquet(paths.toArray(String[]::new));
    List<Column> columns = new ArrayList<>();
    for (StructField field : typed.schema().fields()) {
      Column c = col("`" + field.name().replace("`", "``") + "`");
      columns.add(field.dataType() instanceof AtomicType ? c : to_json(c).as(field.name()));
    }
    return typed.select(columns.toArray(Column[]::new));
  }

  /** Duplicate header names get a numeric suffix so every column can be addressed. */
  static List<String> uniqueNames(List<String> columns) {
    Set<String> seen = new HashSet<>();
    List<String> names = new ArrayList<>();
    for (String c : columns) {
      String name = c.isEmpty() ? "_unnamed" : c;
      String candidate = name;
      for (int i = 2; !seen.add(candidate.toLowerCase(java.util.Locale.ROOT)); i++) {
        candidate = name + "_" + i;
      }
      names.add(candidate);
    }
    return names;
  }
}

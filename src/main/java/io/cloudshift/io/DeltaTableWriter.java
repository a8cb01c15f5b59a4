package io.cloudshift.io;

import io.cloudshift.schema.TableSpec;
import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The only place that writes Delta tables. Each method is one atomic Delta commit stamped with the
 * run's metadata (so {@code DESCRIBE HISTORY} links back to the scheduler run) and returns the
 * table version it produced.
 */
public final class DeltaTableWriter {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final String commitMetadata;

  public DeltaTableWriter(SparkSession spark, Warehouse warehouse, String commitMetadata) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.commitMetadata = commitMetadata;
  }

  public boolean exists(String table) {
    return DeltaTable.isDeltaTable(spark, warehouse.path(table));
  }

  public Dataset<Row> read(String table) {
    return spark.read().format("delta").load(warehouse.path(table));
  }

  /**
   * Reads a table a stage needs, or fails with one line naming the command that writes it:
   * "Cannot {@code action}: table t does not exist under root (run `cloudshift producer` first)".
   */
  public Dataset<Row> readRequired(String table, String action, String producer) {
    if (!exists(table)) {
      throw new InputNotFoundException("Cannot " + action + ": table " + table + " does not exist under " + warehouse.root()
          + " (run `cloudshift " + producer + "` first)");
    }
    return read(table);
  }

  /**
   * Replaces exactly the rows matching {@code slicePredicate} with {@code rows} (every row must match
   * it). An empty {@code rows} deletes the slice, so callers pass only slices they have re-read.
   */
  public long replaceSlices(String table, Dataset<Row> rows, String slicePredicate, List<String> partitionBy) {
    if (!exists(table)) {
      return overwrite(table, rows, partitionBy);
    }
    rows.write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .option("replaceWhere", slicePredicate)
        .option("userMetadata", commitMetadata)
        .save(warehouse.path(table));
    return version(table);
  }

  /** Replaces the whole table: for small curated inputs that are re-read in full every run. */
  public long overwrite(String table, Dataset<Row> rows, List<String> partitionBy) {
    rows.write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .option("overwriteSchema", "true")
        .option("userMetadata", commitMetadata)
        .partitionBy(partitionBy.toArray(String[]::new))
        .save(warehouse.path(table));
    return version(table);
  }

  /**
   * Replaces a documented table with {@code rows}, projected onto the spec's columns in order and
   * cast to their types, with the column comments in the schema and the table comment set (one
   * extra commit only when the comment changed). Gold tables are small and recomputed whole.
   */
  public long overwrite(TableSpec spec, Dataset<Row> rows) {
    org.apache.spark.sql.types.StructType schema = spec.schema();
    org.apache.spark.sql.Column[] projection = java.util.Arrays.stream(schema.fields())
        .map(f -> rows.col("`" + f.name() + "`").cast(f.dataType()).as(f.name(), f.metadata()))
        .toArray(org.apache.spark.sql.Column[]::new);
    long version = overwrite(spec.name(), rows.select(projection).coalesce(1), List.of());
    String current = DeltaTable.forPath(spark, warehouse.path(spec.name())).detail().head().getAs("description");
    if (!spec.comment().equals(current)) {
      spark.sql("ALTER TABLE delta.`" + qualified(spec.name()) + "` SET TBLPROPERTIES ('comment' = '"
          + spec.comment().replace("\\", "\\\\").replace("'", "\\'") + "')");
      version = version(spec.name());
    }
    return version;
  }

  /** The table's path made absolute: SQL's delta.`path` does not accept a relative path. */
  private String qualified(String table) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(warehouse.path(table));
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(path).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot resolve " + path + ": " + e.getMessage(), e);
    }
  }

  public long append(String table, Dataset<Row> rows) {
    rows.write()
        .format("delta")
        .mode(SaveMode.Append)
        .option("userMetadata", commitMetadata)
        .save(warehouse.path(table));
    return version(table);
  }

  /**
   * Makes the table equal to {@code rows} with one MERGE on {@code keys}: changed rows updated, new
   * rows inserted, rows no longer in the source deleted. {@code rows} must be unique on {@code keys}.
   */
  public long mergeSync(String table, Dataset<Row> rows, List<String> keys) {
    if (!exists(table)) {
      return overwrite(table, rows, List.of());
    }
    String on = keys.stream().map(k -> "t.`" + k + "` <=> s.`" + k + "`").collect(Collectors.joining(" AND "));
    String changed =
        java.util.Arrays.stream(rows.columns())
            .filter(c -> !keys.contains(c))
            .map(c -> "NOT (t.`" + c + "` <=> s.`" + c + "`)")
            .collect(Collectors.joining(" OR "));
    String previous = spark.conf().get("spark.databricks.delta.commitInfo.userMetadata", null);
    spark.conf().set("spark.databricks.delta.commitInfo.userMetadata", commitMetadata);
    try {
      var merge =
          DeltaTable.forPath(spark, warehouse.path(table))
              .as("t")
              .merge(rows.as("s"), on);
      var matched = changed.isEmpty() ? merge : merge.whenMatched(changed).updateAll();
      matched.whenNotMatched().insertAll().whenNotMatchedBySource().delete().execute();
    } finally {
      if (previous == null) {
        spark.conf().unset("spark.databricks.delta.commitInfo.userMetadata");
      } else {
        spark.conf().set("spark.databricks.delta.commitInfo.userMetadata", previous);
      }
    }
    return version(table);
  }

  public long version(String table) {
    return DeltaTable.forPath(spark, warehouse.path(table)).history(1).select("version").head().getLong(0);
  }
}

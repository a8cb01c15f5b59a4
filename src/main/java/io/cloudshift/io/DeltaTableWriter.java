package io.cloudshift.io;

import io.cloudshift.schema.TableSpec;
import io.delta.exceptions.DeltaConcurrentModificationException;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriterV2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * The only place that writes Delta tables. Each method is one atomic Delta commit that carries the
 * data, the schema with its column comments and the table comment together, stamped with the run's
 * metadata (so {@code DESCRIBE HISTORY} links back to the scheduler run); it returns the table
 * version it produced.
 */
public final class DeltaTableWriter {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaTableWriter.class);
  private static final String SESSION_USER_METADATA =
      "spark.databricks.delta.commitInfo.userMetadata";

  /** Attempts of one write whose commit a concurrent run's commit conflicts with. */
  static final int COMMIT_ATTEMPTS = 3;

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final String commitMetadata;
  private final Map<String, String> tableProperties;

  /** A writer that creates tables with their specs' properties only (Delta's defaults else). */
  public DeltaTableWriter(SparkSession spark, Warehouse warehouse, String commitMetadata) {
    this(spark, warehouse, commitMetadata, Map.of());
  }

  private DeltaTableWriter(
      SparkSession spark,
      Warehouse warehouse,
      String commitMetadata,
      Map<String, String> tableProperties) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.commitMetadata = commitMetadata;
    this.tableProperties = Map.copyOf(tableProperties);
  }

  /** The same warehouse, committing with other userMetadata (a stage's own). */
  public DeltaTableWriter withMetadata(String metadata) {
    return new DeltaTableWriter(spark, warehouse, metadata, tableProperties);
  }

  /**
   * The same writer, creating every table with these Delta properties as well as its spec's (the
   * maintenance policy's retention and checkpoint interval).
   */
  public DeltaTableWriter withTableProperties(Map<String, String> properties) {
    return new DeltaTableWriter(spark, warehouse, commitMetadata, properties);
  }

  SparkSession spark() {
    return spark;
  }

  public boolean exists(String table) {
    return DeltaTable.isDeltaTable(spark, warehouse.path(table));
  }

  public Dataset<Row> read(String table) {
    return spark.read().format("delta").load(warehouse.path(table));
  }

  /**
   * The table as one commit left it: what a reader joining tables of one run uses, so a table
   * committed since (by a stage that was stopped, or by another run) is not mixed in.
   */
  public Dataset<Row> read(String table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(warehouse.path(table));
  }

  /** The warehouse root, as configured. */
  public String root() {
    return warehouse.root();
  }

  /**
   * A small table (an aggregate, the terms, the disclosures) as one partition: groupings and
   * windows over it need no shuffle. Joins still shuffle when Spark's size estimate of a join input
   * exceeds {@code spark.sql.maxSinglePartitionBytes} (estimates of joined tables multiply); a
   * result used several times in one query is better held by {@link SmallFrames#computedOnce}.
   * Stages read what they declare, which StageRunner checked exists.
   */
  public Dataset<Row> readSmall(String table) {
    return read(table).coalesce(1);
  }

  /**
   * Replaces exactly the rows matching {@code range} with {@code rows} (projected onto the spec,
   * comments in the schema), every one of which must lie in it (Delta checks). A range on partition
   * columns only is a metadata operation: whole files are dropped, none is rewritten. An empty
   * {@code rows} empties the range. Creates the table with the spec's partitioning and properties
   * when it does not exist, and refuses one partitioned otherwise (an earlier layout), since a
   * range would then rewrite files instead of dropping them.
   */
  public long replaceRange(TableSpec spec, Dataset<Row> rows, Column range) {
    Dataset<Row> projected = spec.conform(rows);
    return committed(
        spec.name(),
        () -> {
          if (!exists(spec.name())) {
            return create(spec, projected);
          }
          requirePartitioning(spec.name(), spec.partitionBy());
          overwrite(spec.name(), projected, range);
          return version(spec.name());
        });
  }

  /**
   * Replaces a table whole with {@code rows}, projected onto the spec's columns in order and cast
   * to their types, with the column comments, in one commit. Such tables are small (gold tables,
   * the curated inputs, the rules), so each is written as one file.
   */
  public long replace(TableSpec spec, Dataset<Row> rows) {
    Dataset<Row> projected = spec.conform(rows).coalesce(1);
    return committed(
        spec.name(),
        () -> {
          if (!exists(spec.name())) {
            return create(spec, projected);
          }
          // Not REPLACE TABLE: that gives the table a new id each run, which Delta warns about and
          // which breaks streaming readers; the table comment is therefore set when the table is
          // created.
          projected
              .write()
              .format("delta")
              .mode("overwrite")
              .option("overwriteSchema", "true")
              .option("userMetadata", commitMetadata)
              .save(warehouse.path(spec.name()));
          return version(spec.name());
        });
  }

  /**
   * Appends {@code rows}; the audit table gains columns as cloudshift evolves, and older rows read
   * them as null.
   */
  public long append(TableSpec spec, Dataset<Row> rows) {
    return committed(
        spec.name(),
        () -> {
          if (!exists(spec.name())) {
            return create(spec, spec.conform(rows));
          }
          spec.conform(rows)
              .write()
              .format("delta")
              .mode("append")
              .option("mergeSchema", "true")
              .option("userMetadata", commitMetadata)
              .save(warehouse.path(spec.name()));
          return version(spec.name());
        });
  }

  /**
   * Makes the table equal to {@code rows} with one MERGE on the spec's key: changed rows updated,
   * new rows inserted, rows no longer in the source deleted. {@code rows} must be unique on the
   * key.
   */
  public long mergeSync(TableSpec spec, Dataset<Row> rows) {
    return committed(spec.name(), () -> merge(spec, spec.conform(rows)));
  }

  private long merge(TableSpec spec, Dataset<Row> rows) {
    String table = spec.name();
    List<String> keys = spec.mergeKeys();
    if (!exists(table)) {
      return create(spec, rows);
    }
    String on =
        keys.stream()
            .map(k -> "t.`" + k + "` <=> s.`" + k + "`")
            .collect(Collectors.joining(" AND "));
    String changed =
        Arrays.stream(rows.columns())
            .filter(c -> !keys.contains(c))
            .map(c -> "NOT (t.`" + c + "` <=> s.`" + c + "`)")
            .collect(Collectors.joining(" OR "));
    // DeltaTable's MERGE takes no write options.
    withSessionUserMetadata(
        () -> {
          var merge =
              DeltaTable.forPath(spark, warehouse.path(table)).as("t").merge(rows.as("s"), on);
          var matched = changed.isEmpty() ? merge : merge.whenMatched(changed).updateAll();
          matched.whenNotMatched().insertAll().whenNotMatchedBySource().delete().execute();
        });
    return version(table);
  }

  /**
   * Runs a commit that ignores the userMetadata write option with the run's metadata in Delta's
   * session setting instead, removed afterwards. The setting is the session's, shared by every
   * writer on it (the tests run writers on one session from several threads): one such commit at a
   * time, or one writer would restore the setting under another's commit and leave it behind. The
   * lock is the session's config object, which Spark itself never locks.
   */
  void withSessionUserMetadata(Runnable commit) {
    synchronized (spark.conf()) {
      spark.conf().set(SESSION_USER_METADATA, commitMetadata);
      try {
        commit.run();
      } finally {
        spark.conf().unset(SESSION_USER_METADATA);
      }
    }
  }

  /**
   * The table's latest version, from its log's listing: DeltaTable#history ran a Spark query for
   * it, one per table written.
   */
  public long version(String table) {
    return snapshot(table).version();
  }

  /** The table's latest snapshot (its log listed, no Spark job). */
  Snapshot snapshot(String table) {
    return DeltaLog.forTable(spark, warehouse.path(table))
        .update(false, Option.empty(), Option.empty());
  }

  /**
   * Runs one write of {@code table}, again when another writer committed to the table first in a
   * way Delta's optimistic concurrency rejects (or created it meanwhile): each write is a whole
   * replacement or a MERGE computed from the source, so writing again on the newer snapshot gives
   * the same rows, never a double. After {@link #COMMIT_ATTEMPTS} it gives up with one line.
   */
  long committed(String table, LongSupplier write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.getAsLong();
      } catch (DeltaConcurrentModificationException | CreatedMeanwhile e) {
        if (attempt == COMMIT_ATTEMPTS) {
          throw new ConcurrentWriteException(
              "Cannot write table "
                  + table
                  + " under "
                  + warehouse.root()
                  + ": another run committed to it "
                  + "first "
                  + COMMIT_ATTEMPTS
                  + " times ("
                  + e.getClass().getSimpleName()
                  + "); run again, and schedule one run per "
                  + "warehouse at a time (README \"Guarantees\")",
              e);
        }
        LOG.warn(
            "Table {}: another run committed first ({}); writing again ({} of {})",
            table,
            e.getClass().getSimpleName(),
            attempt + 1,
            COMMIT_ATTEMPTS);
      }
    }
  }

  /** Another writer created the table between our check and our create. */
  private static final class CreatedMeanwhile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CreatedMeanwhile(Throwable cause) {
      super(cause);
    }
  }

  /**
   * Creates the table as the spec declares it: partitioning, properties, the table comment, the
   * columns' comments.
   */
  private long create(TableSpec spec, Dataset<Row> rows) {
    String table = spec.name();
    List<String> partitionBy = spec.partitionBy();
    String comment = spec.comment();
    DataFrameWriterV2<Row> write =
        rows.writeTo(identifier(table)).using("delta").option("userMetadata", commitMetadata);
    Map<String, String> properties = new java.util.LinkedHashMap<>(tableProperties);
    properties.putAll(spec.properties());
    for (Map.Entry<String, String> property : properties.entrySet()) {
      write = write.tableProperty(property.getKey(), property.getValue());
    }
    if (!partitionBy.isEmpty()) {
      Column[] columns = partitionBy.stream().map(functions::col).toArray(Column[]::new);
      write = write.partitionedBy(columns[0], Arrays.copyOfRange(columns, 1, columns.length));
    }
    write = write.tableProperty("comment", comment);
    // Delta's CREATE TABLE AS SELECT ignores the userMetadata write option (version 0 had none in
    // DESCRIBE HISTORY).
    DataFrameWriterV2<Row> creation = write;
    withSessionUserMetadata(
        () -> {
          try {
            creation.create();
          } catch (TableAlreadyExistsException e) {
            throw new CreatedMeanwhile(e);
          }
        });
    return version(table);
  }

  private void overwrite(String table, Dataset<Row> rows, Column range) {
    try {
      rows.writeTo(identifier(table)).option("userMetadata", commitMetadata).overwrite(range);
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(
          "Cannot write table " + table + ": it disappeared while the job ran", e);
    }
  }

  private void requirePartitioning(String table, List<String> partitionBy) {
    List<String> actual =
        scala.jdk.javaapi.CollectionConverters.asJava(
            snapshot(table).metadata().partitionColumns());
    if (!actual.equals(partitionBy)) {
      throw new InputException(
          "Cannot write table "
              + table
              + " under "
              + warehouse.root()
              + ": it is partitioned by "
              + actual
              + ", this version of cloudshift writes it partitioned by "
              + partitionBy
              + " (an earlier version wrote it; run ingest into a new --warehouse, the inputs"
              + " rebuild every table)");
    }
  }

  /** The table as SQL names it: delta.`qualified path` (a relative path is not accepted there). */
  String identifier(String table) {
    return "delta.`" + qualifiedPath(table).replace("`", "``") + "`";
  }

  /**
   * The table's folder as an absolute URI (file:/…, s3a://…): what a catalog entry's LOCATION must
   * be.
   */
  public String qualifiedPath(String table) {
    Path path = new Path(warehouse.path(table));
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration())
          .makeQualified(path)
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot resolve " + path + ": " + e.getMessage(), e);
    }
  }
}

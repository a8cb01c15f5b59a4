package io.cloudshift.io;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;

/**
 * Delta's upkeep of one table (docs/operations.md#table-maintenance): its properties, compaction,
 * VACUUM and a checkpoint of its log, each stamped with the run like every other commit, and what
 * the table occupies before and after. Only ever inside the table's own folder.
 */
public final class TableMaintenance {
  private static final String LOG_FOLDER = "_delta_log";

  private final DeltaTableWriter writer;
  private final String table;

  public TableMaintenance(DeltaTableWriter writer, String table) {
    this.writer = writer;
    this.table = table;
  }

  /**
   * What the table occupies: its version, the data files its latest version reads, the data files
   * stored in its folder (those of older versions and of failed runs too) and its log's files.
   */
  public record Footprint(
      long version,
      long liveFiles,
      long liveBytes,
      long storedFiles,
      long storedBytes,
      long logFiles) {}

  public Footprint footprint() {
    Snapshot snapshot = writer.snapshot(table);
    FolderTally data = new FolderTally();
    FolderTally log = new FolderTally();
    listFolder((file, inLog) -> (inLog ? log : data).add(file));
    return new Footprint(
        snapshot.version(),
        snapshot.numOfFiles(),
        snapshot.sizeInBytes(),
        data.files,
        data.bytes,
        log.files);
  }

  /** Files and bytes counted while listing a folder. */
  private static final class FolderTally {
    private long files;
    private long bytes;

    void add(LocatedFileStatus file) {
      files++;
      bytes += file.getLen();
    }
  }

  /** Every file of the table's folder, and whether it belongs to the log. */
  private void listFolder(BiConsumer<LocatedFileStatus, Boolean> visit) {
    Path root = new Path(writer.qualifiedPath(table));
    try {
      FileSystem fs = root.getFileSystem(writer.spark().sparkContext().hadoopConfiguration());
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
      while (files.hasNext()) {
        LocatedFileStatus file = files.next();
        String relative = root.toUri().relativize(file.getPath().toUri()).getPath();
        visit.accept(file, relative.startsWith(LOG_FOLDER + "/"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether the table's folder holds a file of the log ({@code inLog}) or a data file last modified
   * before {@code now - age}: what Delta's clean-ups judge by.
   */
  private boolean holdsFileOlderThan(Duration age, boolean inLog) {
    long cutoff = System.currentTimeMillis() - age.toMillis();
    boolean[] found = new boolean[1];
    listFolder((file, isLog) -> found[0] |= isLog == inLog && file.getModificationTime() < cutoff);
    return found[0];
  }

  /**
   * Sets those of {@code properties} the table does not have with these values, in one commit;
   * nothing when it has them all. Returns the table's version.
   */
  public long setProperties(Map<String, String> properties) {
    Map<String, String> current =
        scala.jdk.javaapi.CollectionConverters.asJava(
            writer.snapshot(table).metadata().configuration());
    Map<String, String> changed = new TreeMap<>();
    properties.forEach(
        (key, value) -> {
          if (!value.equals(current.get(key))) {
            changed.put(key, value);
          }
        });
    if (changed.isEmpty()) {
      return writer.version(table);
    }
    StringBuilder assignments = new StringBuilder();
    changed.forEach(
        (key, value) ->
            assignments
                .append(assignments.isEmpty() ? "" : ", ")
                .append('\'')
                .append(key)
                .append("' = '")
                .append(value)
                .append('\''));
    return writer.committed(
        table,
        () -> {
          writer.withSessionUserMetadata(
              () ->
                  writer
                      .spark()
                      .sql(
                          "ALTER TABLE "
                              + writer.identifier(table)
                              + " SET TBLPROPERTIES ("
                              + assignments
                              + ")"));
          return writer.version(table);
        });
  }

  /**
   * Bin-packs the small files of each partition into larger ones (Delta's OPTIMIZE, which never
   * mixes partitions, so a range stays a partition drop); the rows are unchanged. Returns the
   * number of files removed and added.
   *
   * <p>OPTIMIZE only merges two or more files of one partition, or rewrites a file carrying a
   * deletion vector; a table with neither is not given to it, which would plan and commit nothing
   * at the cost of its Spark jobs (most tables of a monthly warehouse are one file).
   */
  public Compaction compact() {
    if (!compactable()) {
      return new Compaction(writer.version(table), 0, 0);
    }
    long[] removedAdded = new long[2];
    long version =
        writer.committed(
            table,
            () -> {
              writer.withSessionUserMetadata(
                  () -> {
                    Row result =
                        DeltaTable.forPath(writer.spark(), writer.qualifiedPath(table))
                            .optimize()
                            .executeCompaction()
                            .first();
                    Row metrics = result.getStruct(result.fieldIndex("metrics"));
                    removedAdded[0] = metrics.getLong(metrics.fieldIndex("numFilesRemoved"));
                    removedAdded[1] = metrics.getLong(metrics.fieldIndex("numFilesAdded"));
                  });
              return writer.version(table);
            });
    return new Compaction(version, removedAdded[0], removedAdded[1]);
  }

  /**
   * Whether OPTIMIZE could change the table: some partition holds two or more live files, or some
   * live file carries a deletion vector. Where the table cannot hold deletion vectors, the file
   * count of its log's checksum answers for one file or none, and for an unpartitioned table; only
   * a partitioned table of several files takes a Spark job, over its list of files.
   */
  public boolean compactable() {
    Snapshot snapshot = writer.snapshot(table);
    if (!snapshot.deletionVectorsSupported()) {
      if (snapshot.numOfFiles() <= 1) {
        return false;
      }
      if (snapshot.metadata().partitionColumns().isEmpty()) {
        return true;
      }
    }
    Dataset<Row> files = snapshot.allFiles().toDF();
    return !files
        .groupBy(array_sort(map_entries(col("partitionValues"))))
        .agg(count(lit(1)).as("files"), count(col("deletionVector")).as("vectors"))
        .where(col("files").gt(1).or(col("vectors").gt(0)))
        .isEmpty();
  }

  /** What one compaction did: the version after it and the files it replaced. */
  public record Compaction(long version, long filesRemoved, long filesAdded) {}

  /**
   * Deletes the files of the table's folder that no version within {@code retention} reads: those
   * replaced longer ago, and those a failed or killed run wrote but never committed. Delta refuses
   * a retention below the table's {@code delta.deletedFileRetentionDuration}.
   *
   * <p>VACUUM deletes only data files last modified before {@code now - retention}, so when the
   * folder holds none it is not run: on a young warehouse (a monthly schedule at a 30-day
   * retention) it would find nothing, at the cost of about 17 Spark jobs per table. Returns whether
   * it ran.
   */
  public boolean vacuum(Duration retention) {
    if (!holdsFileOlderThan(retention, false)) {
      return false;
    }
    writer.withSessionUserMetadata(
        () ->
            DeltaTable.forPath(writer.spark(), writer.qualifiedPath(table))
                .vacuum(retention.toSeconds() / 3600.0));
    return true;
  }

  /**
   * Writes a checkpoint of the log at its latest version, after which Delta deletes the log entries
   * older than the table's {@code delta.logRetentionDuration} ({@code logRetention}).
   *
   * <p>Delta's clean-up deletes only log files last modified before {@code now - logRetention}, so
   * while the log holds none the checkpoint is not written: it would free nothing, and readers
   * already replay at most {@code delta.checkpointInterval} commits, since Delta checkpoints that
   * often by itself. Returns whether it was written.
   */
  public boolean checkpoint(Duration logRetention) {
    if (!holdsFileOlderThan(logRetention, true)) {
      return false;
    }
    DeltaLog.forTable(writer.spark(), writer.qualifiedPath(table)).checkpoint();
    return true;
  }
}

package io.cloudshift.io;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
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
    long[] storedFiles = new long[1];
    long[] storedBytes = new long[1];
    long[] logFiles = new long[1];
    listFolder(
        (file, inLog) -> {
          if (inLog) {
            logFiles[0]++;
          } else {
            storedFiles[0]++;
            storedBytes[0] += file.getLen();
          }
        });
    return new Footprint(
        snapshot.version(),
        snapshot.numOfFiles(),
        snapshot.sizeInBytes(),
        storedFiles[0],
        storedBytes[0],
        logFiles[0]);
  }

  /** Every file of the table's folder, and whether it belongs to the log. */
  private void listFolder(java.util.function.BiConsumer<LocatedFileStatus, Boolean> visit) {
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
   */
  public Compaction compact() {
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
    long cutoff = System.currentTimeMillis() - retention.toMillis();
    boolean[] old = new boolean[1];
    listFolder((file, inLog) -> old[0] |= !inLog && file.getModificationTime() < cutoff);
    if (!old[0]) {
      return false;
    }
    writer.withSessionUserMetadata(
        () ->
            DeltaTable.forPath(writer.spark(), writer.qualifiedPath(table))
                .vacuum(retention.toSeconds() / 3600.0));
    return true;
  }

  /**
   * Writes a checkpoint of the log at its latest version, so readers replay at most the commits
   * since; Delta then deletes the log entries older than the table's {@code
   * delta.logRetentionDuration}.
   */
  public void checkpoint() {
    DeltaLog.forTable(writer.spark(), writer.qualifiedPath(table)).checkpoint();
  }
}
